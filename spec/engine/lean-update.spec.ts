import { expect } from 'chai';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';
import { UNSTORED_TRANSIENTS_FROM } from '../../src/engine/unstored-transients.js';
import { currentStep } from '../../operators/current-step.js';

// a = 2 v is computed from the old v, then explicit Euler v_k = (1 - dt/tau)^k: after n steps
// a = 2 (1 - dt/tau)^(n-1), with `a` transient (the lean update does not store it)
const decay = () => new Neuron({ parameters: 'tau = 10.0 : population\n r = 0', equations: 'a = 2 * v\n tau * dv/dt = -v : init=1', name: 'decay' });
const q = 1 - 0.1 / 10;

describe('engine: simulate() runs the lean update where nobody reads the transients', () => {
  it('the population uses it (the transient array is not written during the run) and the last step stores them', () => {
    const net = new Network({ dt: 0.1 });
    const pop = new Population(3, decay(), { network: net });
    net.compile();
    expect(pop.$kernels!.transient).to.deep.equal(['a']);
    const writes: number[] = [];
    const full = pop.$updateKernel!;
    pop.$updateKernel = (t) => { writes.push(t); full(t); };
    net.simulate(5); // 50 steps
    expect(writes).to.deep.equal([49]);
    expect(pop.v[0]).to.be.closeTo(q ** 50, 1e-14);
    expect(pop.a[2]).to.be.closeTo(2 * q ** 49, 1e-14);
  });

  it('a monitor recording a transient gets every step (full update while it records)', () => {
    const net = new Network({ dt: 0.1 });
    const pop = new Population(1, decay(), { network: net });
    const m = new Monitor(pop, ['a']);
    net.compile();
    net.simulate(2);
    const a = m.get('a') as RecordedArray;
    expect(a.length).to.equal(20);
    for (let k = 0; k < 20; k++) expect(a.row(k)[0]).to.be.closeTo(2 * q ** k, 1e-14);
  });

  it('a monitor of other variables keeps the lean update', () => {
    const net = new Network({ dt: 0.1 });
    const pop = new Population(1, decay(), { network: net });
    const m = new Monitor(pop, ['v']);
    net.compile();
    let full = 0;
    const k = pop.$updateKernel!;
    pop.$updateKernel = (t) => { full++; k(t); };
    net.simulate(2);
    expect(full).to.equal(1);
    const v = m.get('v') as RecordedArray;
    expect(v.row(19)[0]).to.be.closeTo(q ** 20, 1e-14);
  });

  it('a monitor of a view records the transient of its population every step', () => {
    const net = new Network({ dt: 0.1 });
    const pop = new Population(4, decay(), { network: net });
    const m = new Monitor(pop.slice(1, 3), ['a']);
    net.compile();
    net.simulate(1);
    const a = m.get('a') as RecordedArray;
    for (let k = 0; k < 10; k++) expect(a.row(k)[1]).to.be.closeTo(2 * q ** k, 1e-14);
  });

  it('a recorder that does not say what it reads gets the full update', () => {
    const net = new Network({ dt: 0.1 });
    const pop = new Population(1, decay(), { network: net });
    const seen: number[] = [];
    net.addRecorder({ recordTargets: () => {}, record: () => { seen.push(pop.$state!.local.a![0]!); } });
    net.compile();
    net.simulate(1);
    expect(seen.map((x, k) => x - 2 * q ** k).every((d) => Math.abs(d) < 1e-14)).to.equal(true);
  });

  it('a projection added after a first compile makes the lean update store what it reads', () => {
    const net = new Network({ dt: 0.1 });
    const pre = new Population(1, decay(), { network: net });
    net.compile();
    expect(pre.$kernels!.transient).to.deep.equal(['a']);
    const post = new Population(1, new Neuron({ equations: 'r = sum(exc)', name: 'sink' }), { network: net });
    new Projection(pre, post, 'exc', new Synapse({ psp: 'w * pre.a' })).connectOneToOne({ weights: 1.0 });
    net.compile();
    expect(pre.$kernels!.transient).to.deep.equal([]);
    net.simulate(3);
    expect(post.r[0]).to.be.closeTo(2 * q ** 28, 1e-14);
  });

  it('a projection reading pre.a makes the population store it every step', () => {
    const net = new Network({ dt: 0.1 });
    const pre = new Population(1, decay(), { network: net });
    const post = new Population(1, new Neuron({ equations: 'r = sum(exc)', name: 'sink' }), { network: net });
    new Projection(pre, post, 'exc', new Synapse({ psp: 'w * pre.a' })).connectOneToOne({ weights: 1.0 });
    net.compile();
    expect(pre.$kernels!.transient).to.deep.equal([]);
    net.simulate(3); // 30 steps: the sum of step 29 reads a of step 28 = 2 q^28
    expect(post.r[0]).to.be.closeTo(2 * q ** 28, 1e-14);
  });

  it('simulateUntil steps with the full update: a stop condition on a transient', () => {
    const net = new Network({ dt: 0.1 });
    const pop = new Population(1, decay(), { network: net, stopCondition: 'a < 1.0 : any' });
    net.compile();
    // a_k = 2 q^(k-1) after step k drops below 1 at k - 1 = ceil(ln(1/2)/ln q) = 69
    expect(net.simulateUntil(100, pop)).to.be.closeTo(7.0, 1e-9);
  });
});

describe('engine: in large populations transient variables nothing reads have no per-neuron array', () => {
  const N = UNSTORED_TRANSIENTS_FROM;
  for (const backend of ['js', 'wasm'] as const) {
    it(`reading one gives the initial or written values before a step, after it the values of the current state (${backend})`, () => {
      const net = new Network({ dt: 0.1, backend });
      const pop = new Population(N, decay(), { network: net });
      net.compile();
      expect(pop.backend).to.equal(backend);
      expect(pop.$kernels!.transient).to.deep.equal(['a']);
      expect(pop.$state!.local.a).to.equal(undefined);
      expect(pop.a[7]).to.equal(0); // the init value, as ANNarchy before a step
      pop.a = 5;
      expect(pop.a[1]).to.equal(5); // a written value holds until the next step
      net.simulate(1); // 10 steps
      expect(pop.v[0]).to.be.closeTo(q ** 10, 1e-14);
      // a = 2 v of the current v (Brian2's subexpressions); ANNarchy: 2 v of the last step's old v
      const warn = console.warn, warned: string[] = [];
      console.warn = (m: string) => { warned.push(m); };
      try {
        for (const i of [0, 1, N - 1]) expect(pop.a[i]).to.equal(2 * pop.v[i]!);
      } finally { console.warn = warn; }
      // said once per process (both backends share the message), naming the variable and the remedy
      if (backend === 'js') {
        expect(warned).to.have.length(1);
        expect(warned[0]).to.match(/'a' is not stored per neuron.*requireStored\(\['a'\]\)/);
      }
      expect(pop.$state!.local.a).to.equal(undefined); // reading does not store it
      // kept from now on: ANNarchy's value (computed from v before the step)
      pop.$requireStored(['a']);
      expect(pop.$state!.local.a).to.be.instanceOf(Float64Array);
      const before = pop.v[2]!;
      net.step();
      expect(pop.a[2]).to.equal(2 * before);
      expect(pop.v[2]).to.be.closeTo(q ** 11, 1e-14);
      pop.reset();
      expect(pop.a[N - 1]).to.equal(0);
    });
  }

  it('a monitor (before or after compile) gives it an array, a monitor of other variables does not', () => {
    const net = new Network({ dt: 0.1 });
    const pop = new Population(N, decay(), { network: net });
    const mv = new Monitor(pop, ['v']);
    net.compile();
    net.simulate(1);
    expect(pop.$state!.local.a).to.equal(undefined);
    expect((mv.get('v') as RecordedArray).row(9)[0]).to.be.closeTo(q ** 10, 1e-14);
    const m = new Monitor(pop.slice(0, 2), ['a']);
    net.simulate(1);
    const a = m.get('a') as RecordedArray;
    for (let k = 0; k < 10; k++) expect(a.row(k)[1]).to.be.closeTo(2 * q ** (10 + k), 1e-14);
  });

  it('a monitor that starts recording it mid-run (start([...])) gives it an array and ANNarchy\'s values', () => {
    const net = new Network({ dt: 0.1 });
    const pop = new Population(N, decay(), { network: net });
    const m = new Monitor(pop, ['v']);
    net.compile();
    net.simulate(1);
    expect(pop.$state!.local.a).to.equal(undefined);
    m.start(['a']);
    expect(pop.$state!.local.a).to.be.instanceOf(Float64Array);
    net.simulate(1);
    // a = 2 v of the v before each step: steps 10..19 record 2 q^10 .. 2 q^19
    const a = m.get('a') as RecordedArray;
    expect(a.length).to.equal(10);
    for (let k = 0; k < 10; k++) expect(a.row(k)[N - 1]).to.be.closeTo(2 * q ** (10 + k), 1e-14);
  });
});

describe('stream: a simulation function (currentStep) steps lean between protocol changes', () => {
  it('full updates only at the last step of each granted run, the same values as a step loop with the full update', () => {
    const build = () => {
      const net = new Network({ dt: 0.1 });
      const pop = new Population(2, new Neuron({ parameters: 'tau = 10.0 : population\n I_app = 0\n r = 0', equations: 'a = 2 * v\n tau * dv/dt = -v + I_app : init=1', name: 'decay_in' }), { name: 'p', network: net });
      const m = new Monitor(pop, ['v']);
      net.compile();
      return { net, pop, m };
    };
    const lean = build();
    const writes: number[] = [];
    const full = lean.pop.$updateKernel!;
    lean.pop.$updateKernel = (t) => { writes.push(t); full(t); };
    currentStep({ pop: lean.pop, t1: 2, t2: 3, a1: 0, a2: 5 });
    // 20 steps at I = 0, then 30 at I = 5: the last step of each run stores the transients
    expect(writes).to.deep.equal([19, 49]);
    const ref = build();
    for (let k = 0; k < 50; k++) {
      ref.pop.I_app = k < 20 ? 0 : 5;
      ref.net.step();
    }
    const a = lean.m.get('v') as RecordedArray;
    const b = ref.m.get('v') as RecordedArray;
    expect(a.length).to.equal(50);
    expect([...a.data]).to.deep.equal([...b.data]);
    expect([...(lean.pop.a as Float64Array)]).to.deep.equal([...(ref.pop.a as Float64Array)]);
  });
});
