import { expect } from 'chai';
import { main } from '../../examples/izhikevich-pulse-network.js';
import { clear } from '../../src/engine/global-functions.js';

describe('examples/izhikevich-pulse-network.ts (ANNarchy\'s Izhikevich pulse-coupled network)', function () {
  this.timeout(120000);
  after(() => clear());

  it('builds the 800/200 network with ANNarchy\'s parameter draws and fires irregularly', () => {
    const lines: string[] = [];
    const r = main(300, 7, (l) => lines.push(l));
    const pop = r.pop;
    // Exc: a = 0.02, c in [-65, -50], d in [2, 8]; Inh: a in [0.02, 0.1], b in [0.2, 0.25], c = -65, d = 2
    const c = pop.c as Float64Array, d = pop.d as Float64Array, a = pop.a as Float64Array, b = pop.b as Float64Array;
    for (let i = 0; i < 800; i++) {
      expect(a[i]).to.equal(0.02);
      expect(c[i]).to.be.within(-65, -50);
      expect(d[i]).to.be.within(2, 8);
      expect(c[i]! + 65.0).to.be.closeTo(15.0 * (8.0 - d[i]!) / 6.0, 1e-9); // both from the same re**2
    }
    for (let i = 800; i < 1000; i++) {
      expect(a[i]).to.be.within(0.02, 0.1);
      expect(b[i]).to.be.within(0.2, 0.25);
      expect(c[i]).to.equal(-65.0);
      expect(d[i]).to.equal(2.0);
    }
    const n = Object.values(r.spikes).reduce((s, l) => s + l.length, 0);
    // noise 5 / 2 drives the network to a few Hz up to ~20 Hz
    expect(n / 1000 / 0.3).to.be.within(2, 30);
    expect(r.v.shape).to.deep.equal([300, 1000]);
    expect(lines).to.have.length(3);
  });
});
