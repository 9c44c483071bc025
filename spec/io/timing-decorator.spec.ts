import { expect } from 'chai';
import { timingDecorator } from '../../src/io/timing-decorator.js';
import { captureLog } from './helpers.js';

function busy(ms: number): number {
  const end = performance.now() + ms;
  let n = 0;
  while (performance.now() < end) n++;
  return n;
}

describe('io/timing-decorator', () => {
  it('prints "<name> took X.XXXX seconds" only at or above the threshold, returns the result', () => {
    const slow = timingDecorator(0.05)(function slowFn(x: number) {
      busy(80);
      return x * 2;
    });
    const r = captureLog(() => slow(21));
    expect(r.value).to.equal(42);
    expect(r.printed).to.have.length(1);
    expect(r.printed[0]).to.match(/^slowFn took 0\.\d{4} seconds$/);
    const fast = timingDecorator(10)(function fastFn() {
      return 1;
    });
    expect(captureLog(() => fast()).printed).to.deep.equal([]);
    expect(slow.name).to.equal('slowFn');
  });

  it('times async functions until they settle; rejects a bad threshold', async () => {
    const printed: string[] = [];
    const orig = console.log;
    console.log = (s: string) => void printed.push(s);
    try {
      const f = timingDecorator(0.03)(async function waitFn() {
        await new Promise((r) => setTimeout(r, 50));
        return 'done';
      });
      expect(await f()).to.equal('done');
    } finally {
      console.log = orig;
    }
    expect(printed[0]).to.match(/^waitFn took 0\.0[3-9]\d{2} seconds$|^waitFn took 0\.\d{4} seconds$/);
    expect(() => timingDecorator(-1)).to.throw(/threshold/);
  });
});
