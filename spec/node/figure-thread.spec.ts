import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PlotRecordings, provideFigureRenderer, renderFigureHere, type FigureJob } from '../../src/plot/plot-recordings.js';
import { buildPlotSpec } from '../../src/plot/plot-spec.js';
import { FigureThread, reviveError, serializeError } from '../../src/node/figure-thread.js';
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
