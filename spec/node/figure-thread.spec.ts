import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PlotRecordings, provideFigureRenderer, renderFigureHere, type FigureJob } from '../../src/plot/plot-recordings.js';
import { buildPlotSpec } from '../../src/plot/plot-spec.js';
import { FigureThread, backgroundRenderer, preloadFigures, reviveError, serializeError } from '../../src/node/figure-thread.js';
import { build } from 'esbuild';
import { smallRecordings } from '../plot/helpers.js';

/**
 * The thread's module as the package ships it (one JavaScript file, dependencies external), built
 * into the repository's .cache so that they resolve: a worker thread cannot load TypeScript.
 */
async function buildWorker(): Promise<string> {
  const outfile = join(process.cwd(), '.cache', 'spec', 'figure-worker.js');
  await build({ entryPoints: ['src/node/figure-worker.ts'], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
  return pathToFileURL(outfile).href;
}

function job(figname: string): FigureJob {
  const { recordings, recordingTimes } = smallRecordings();
  const r = buildPlotSpec({ recordings, recordingTimes, shape: [1, 2], plan: { position: [1, 2], compartment: ['pop', 'pop'], variable: ['v', 'spike'], format: ['line', 'raster'] } });
  return { figname, spec: r.spec, figure: r.figure };
}

describe('node/figure-thread', function () {
  this.timeout(60000);
  let dir: string;
  let thread: FigureThread;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'figure-thread-'));
    thread = new FigureThread(await buildWorker());
  });
  after(async () => {
    await thread.terminate();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the same PNG and returns the same fitted spec as rendering in this thread, the file complete on return', () => {
    const here = renderFigureHere(job(join(dir, 'here.png')));
    const there = thread.render(job(join(dir, 'there.png')));
    // the same data (in this thread vega also tags the rows it drew with a Symbol key)
    expect(there).to.deep.equal(JSON.parse(JSON.stringify(here)));
    const a = readFileSync(join(dir, 'here.png'));
    const b = readFileSync(join(dir, 'there.png'));
    expect(b.subarray(1, 4).toString('latin1')).to.equal('PNG');
    expect(b.equals(a)).to.equal(true);
    // one job after the other on the same thread
    thread.render(job(join(dir, 'again.svg')));
    expect(readFileSync(join(dir, 'again.svg'), 'utf8')).to.match(/^<svg/);
  });

  it('rethrows an error of the thread as the same kind of error (class, message, code, path)', () => {
    writeFileSync(join(dir, 'file'), 'not a folder');
    const target = join(dir, 'file', 'sub', 'fig.png');
    let here: NodeJS.ErrnoException | undefined;
    let there: NodeJS.ErrnoException | undefined;
    try {
      renderFigureHere(job(target));
    } catch (e) {
      here = e as NodeJS.ErrnoException;
    }
    try {
      thread.render(job(target));
    } catch (e) {
      there = e as NodeJS.ErrnoException;
    }
    expect(here, 'in this thread').to.be.instanceOf(Error);
    expect(there, 'in the figure thread').to.be.instanceOf(Error);
    expect(there!.constructor).to.equal(here!.constructor);
    expect(there!.message).to.equal(here!.message);
    expect(there!.code).to.equal('ENOTDIR');
    expect(there!.code).to.equal(here!.code);
    expect(there!.path).to.equal(here!.path);
    // and the thread goes on working
    expect(thread.render(job(join(dir, 'after-error.json')))).to.have.property('concat');
  });

  it('answers undefined (the caller renders itself) when its module cannot be loaded', async () => {
    const broken = new FigureThread(pathToFileURL(join(dir, 'no-such-module.js')).href);
    expect(broken.render(job(join(dir, 'never.png')))).to.equal(undefined);
    expect(() => readFileSync(join(dir, 'never.png'))).to.throw(/ENOENT/);
    await broken.terminate();
  });

  it('PlotRecordings goes through the installed renderer and keeps its output and spec', () => {
    const seen: string[] = [];
    provideFigureRenderer((j) => {
      seen.push(j.figname);
      return thread.render(j) ?? renderFigureHere(j);
    });
    try {
      const { recordings, recordingTimes } = smallRecordings();
      const out: string[] = [];
      const p = new PlotRecordings({ figname: join(dir, 'plot.png'), recordings, recordingTimes, shape: [1, 1], plan: { position: [1], compartment: ['pop'], variable: ['v'], format: ['line'] }, log: (t) => out.push(t) });
      expect(seen).to.deep.equal([join(dir, 'plot.png')]);
      expect(out.join('')).to.equal(`Generate fig ${join(dir, 'plot.png')}... Done\n\n`);
      expect(readFileSync(join(dir, 'plot.png')).subarray(1, 4).toString('latin1')).to.equal('PNG');
      expect(p.spec).to.deep.equal(PlotRecordings.build({ figname: 'x.png', recordings, recordingTimes, shape: [1, 1], plan: { position: [1], compartment: ['pop'], variable: ['v'], format: ['line'] } }).spec);
    } finally {
      provideFigureRenderer(undefined);
    }
  });

  it('several figures sent at once are all written, each the same as rendered in this thread', () => {
    const names = ['a.png', 'b.png', 'c.svg', 'd.png'];
    const seqs = names.map((n) => thread.submit(job(join(dir, `many-${n}`)))!);
    // waited for out of order
    const specs = [...seqs].reverse().map((seq) => thread.wait(seq)).reverse();
    for (const [i, n] of names.entries()) {
      const here = renderFigureHere(job(join(dir, `here-${n}`)));
      expect(specs[i]).to.deep.equal(JSON.parse(JSON.stringify(here)));
      // (an SVG's clip ids count up per thread)
      if (n.endsWith('.png')) expect(readFileSync(join(dir, `many-${n}`)).equals(readFileSync(join(dir, `here-${n}`))), n).to.equal(true);
      else expect(readFileSync(join(dir, `many-${n}`), 'utf8')).to.match(/^<svg/);
    }
    expect(() => thread.wait(seqs[3]! + 100)).to.throw(/never sent job/);
  });

  it('in the background PlotRecordings returns before the file is written; .spec waits for it, an error is thrown by .spec or by the next PlotRecordings', () => {
    provideFigureRenderer(backgroundRenderer(thread));
    try {
      const { recordings, recordingTimes } = smallRecordings();
      const plan = { position: [1], compartment: ['pop'], variable: ['v'], format: ['line'] };
      const out: string[] = [];
      const p = new PlotRecordings({ figname: join(dir, 'bg.png'), recordings, recordingTimes, shape: [1, 1], plan, log: (t) => out.push(t) });
      expect(out.join('')).to.equal(`Generate fig ${join(dir, 'bg.png')}... Done\n\n`);
      expect(p.spec).to.deep.equal(PlotRecordings.build({ figname: 'x.png', recordings, recordingTimes, shape: [1, 1], plan }).spec);
      expect(readFileSync(join(dir, 'bg.png')).subarray(1, 4).toString('latin1')).to.equal('PNG');
      // a figure that cannot be written: its .spec throws the error, every time it is read
      writeFileSync(join(dir, 'plain'), 'not a folder');
      const bad = new PlotRecordings({ figname: join(dir, 'plain', 'sub', 'bad.png'), recordings, recordingTimes, shape: [1, 1], plan, log: () => {} });
      expect(() => bad.spec).to.throw(/ENOTDIR/);
      expect(() => bad.spec).to.throw(/ENOTDIR/);
      // nobody reads .spec: the next PlotRecordings throws it once the thread has answered
      new PlotRecordings({ figname: join(dir, 'plain', 'sub', 'bad2.png'), recordings, recordingTimes, shape: [1, 1], plan, log: () => {} });
      thread.render(job(join(dir, 'in-between.json'))); // the thread answers in order of the jobs it got
      expect(() => new PlotRecordings({ figname: join(dir, 'next.png'), recordings, recordingTimes, shape: [1, 1], plan, log: () => {} })).to.throw(/ENOTDIR/);
      expect(existsSync(join(dir, 'next.png'))).to.equal(false);
    } finally {
      provideFigureRenderer(undefined);
    }
  });

  it('COMPNEURO_RX_FIGURE_THREAD=background: the process exits after the figures are written, with exit code 1 and the error printed if one failed', async () => {
    // a script as `npm start` runs it: bundled beside the figure thread's module
    const outfile = join(process.cwd(), '.cache', 'spec', 'figure-background.mjs');
    const root = process.cwd();
    await build({
      stdin: {
        contents: `
          import { writeFileSync } from 'node:fs';
          import { join } from 'node:path';
          import { PlotRecordings, Population, Neuron } from ${JSON.stringify(join(root, 'src', 'index.ts'))};
          import { smallRecordings } from ${JSON.stringify(join(root, 'spec', 'plot', 'helpers.ts'))};
          new Population(1, new Neuron({ equations: 'r = 1' })); // starts the figure thread
          const dir = process.argv[2];
          const { recordings, recordingTimes } = smallRecordings();
          const plan = { position: [1], compartment: ['pop'], variable: ['v'], format: ['line'] };
          for (const name of ['one.png', 'two.png', 'three.png']) new PlotRecordings({ figname: join(dir, name), recordings, recordingTimes, shape: [1, 1], plan });
          if (process.argv[3] === 'fail') {
            writeFileSync(join(dir, 'flat'), 'x');
            new PlotRecordings({ figname: join(dir, 'flat', 'sub', 'four.png'), recordings, recordingTimes, shape: [1, 1], plan });
          }
          console.log('script done');
        `,
        resolveDir: root,
        loader: 'ts',
      },
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
    const env = { ...process.env, COMPNEURO_RX_FIGURE_THREAD: 'background' };
    const expected = readFileSync(join(dir, 'bg.png'));
    for (const mode of ['ok', 'fail']) {
      const out = mkdtempSync(join(dir, `${mode}-`));
      const r = spawnSync(process.execPath, [outfile, out, mode], { encoding: 'utf8', env });
      const lines = ['one.png', 'two.png', 'three.png', ...(mode === 'fail' ? ['flat/sub/four.png'] : [])].map((n) => `Generate fig ${join(out, n)}... Done\n\n`);
      expect(r.stdout, `${mode}: ${r.stderr}`).to.equal(`${lines.join('')}script done\n`);
      // the same figure as drawn in this thread, written before the process ended
      for (const name of ['one.png', 'two.png', 'three.png']) expect(readFileSync(join(out, name)).equals(expected), name).to.equal(true);
      if (mode === 'ok') {
        expect(r.status, r.stderr).to.equal(0);
        expect(r.stderr).to.equal('');
      } else {
        expect(r.status).to.equal(1);
        expect(r.stderr).to.match(/ENOTDIR/);
      }
    }
  });

  it('preloadFigures names a bad options argument', () => {
    expect(() => preloadFigures({ background: 'yes' } as never)).to.throw(TypeError, /preloadFigures: options must be an object like \{ background: true \}, got \{"background":"yes"\}/);
    expect(() => preloadFigures(null as never)).to.throw(TypeError, /got null/);
  });

  it('errors cross threads with their class and fields', () => {
    const e = Object.assign(new TypeError('bad'), { code: 'ERR_X', errno: -2, nested: { no: 1 } });
    const r = reviveError(serializeError(e));
    expect(r).to.be.instanceOf(TypeError);
    expect(r.message).to.equal('bad');
    expect(r).to.include({ code: 'ERR_X', errno: -2 });
    expect(r).not.to.have.property('nested');
    class PlotError extends Error {
      override name = 'PlotError';
    }
    const c = reviveError(serializeError(new PlotError('custom')));
    expect(c.name).to.equal('PlotError');
    expect(c.message).to.equal('custom');
    expect(reviveError(serializeError('a string')).message).to.equal('a string');
  });
});
