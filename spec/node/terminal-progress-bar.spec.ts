import { expect } from 'chai';
import { PassThrough } from 'node:stream';
import { terminalProgressBar } from '../../src/node/terminal-progress-bar.js';

describe('node: terminal progress bar', () => {
  it('draws percentage, simulated time and ETA on a terminal, and stops', () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
    let out = '';
    tty.on('data', (d: Buffer) => (out += d.toString()));
    const bar = terminalProgressBar('simulate', tty);
    bar.next({ done: 0, total: 1000, percent: 0, t: 0, elapsed: 0, eta: NaN });
    bar.next({ done: 1000, total: 1000, percent: 100, t: 100, elapsed: 50, eta: 0 });
    bar.complete!();
    expect(out).to.match(/simulate \|.*\| 100% \| t = 100\.0 ms \| ETA 0s/);
  });

  it('counts generations with the best loss when the progress has a unit (DeapCma, OptNeuron)', () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
    let out = '';
    tty.on('data', (d: Buffer) => (out += d.toString()));
    const bar = terminalProgressBar('DeapCma', tty);
    bar.next({ done: 0, total: 20, percent: 0, t: NaN, elapsed: 0, eta: NaN, unit: 'gen' });
    bar.next({ done: 20, total: 20, percent: 100, t: NaN, elapsed: 50, eta: 0, unit: 'gen', detail: 'best loss: 0.00012' });
    bar.complete!();
    expect(out).to.match(/DeapCma \|.*\| 100% \| 20\/20 gen \| best loss: 0\.00012 \| ETA 0s/);
    expect(out).not.to.match(/t = /);
  });

  it('draws nothing when the stream is not a terminal (logs, CI)', () => {
    const pipe = new PassThrough();
    let out = '';
    pipe.on('data', (d: Buffer) => (out += d.toString()));
    const bar = terminalProgressBar('simulate', pipe);
    bar.next({ done: 0, total: 10, percent: 0, t: 0, elapsed: 0, eta: NaN });
    bar.next({ done: 10, total: 10, percent: 100, t: 1, elapsed: 1, eta: 0 });
    bar.complete!();
    expect(out).to.equal('');
  });
});
