import { expect } from 'chai';
import { Network, type NamedParticipant } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Monitor } from '../../src/engine/monitor.js';
import { Neuron } from '../../src/language/neuron.js';
import { Synapse } from '../../src/language/synapse.js';
import type { Recorder } from '../../src/engine/step-participant.js';
import type { RecordedArray } from '../../src/monitors/recorded-array.js';
import { compileStepFunction, MAX_PARTICIPANTS } from '../../src/engine/step-function.js';
import { UNSTORED_TRANSIENTS_FROM } from '../../src/engine/unstored-transients.js';

// The step generated for a network's make-up (no kernel threads) must call what ANNarchy's step
// calls, in annarchy-semantics §2.1's order: 2 inputs, 3 record targets, 4 draws, 5 updates,
// 6 delays, 8 synapses, 9 post events, 10 structural (creating, then pruning), 11 record.

const rate = () => new Neuron({ parameters: 'I = 0', equations: 'r = I + sum(exc)', name: 'rate' });

function probe(log: string[], name: string): NamedParticipant {
  return {
    name,
    $computeInputs: (t) => log.push(`${name}.inputs@${t}`),
    $drawRandoms: (t) => log.push(`${name}.draws@${t}`),
    $pushDelays: (t) => log.push(`${name}.delays@${t}`),
    $updateSynapses: (t) => log.push(`${name}.synapses@${t}`),
    $postEvents: (t) => log.push(`${name}.post@${t}`),
    $structural: { creating: (t) => log.push(`${name}.creating@${t}`), pruning: (t) => log.push(`${name}.pruning@${t}`) },
  };
}

function recorder(log: string[], name: string): Recorder {
  return { recordTargets: (t) => log.push(`${name}.targets@${t}`), record: (t) => log.push(`${name}.record@${t}`), reads: () => [] };
}

describe('engine: the step generated for the network (step-function)', () => {
  it('calls every participant in ANNarchy\'s order, structural plasticity only when set up', () => {
    const net = new Network({ dt: 1, verbose: false });
    const log: string[] = [];
    const pop = new Population(2, rate(), { network: net, name: 'p' });
    net.addProjection(probe(log, 'a'));
    net.addProjection(probe(log, 'b'));
    net.addRecorder(recorder(log, 'm'));
    net.compile();
    const update = pop.$updateKernel!;
    pop.$updateKernel = (t) => { log.push(`p.update@${t}`); update(t); };
    net.step();
    expect(log).to.deep.equal([
      'a.inputs@0', 'b.inputs@0', 'm.targets@0', 'a.draws@0', 'b.draws@0', 'p.update@0',
      'a.delays@0', 'b.delays@0', 'a.synapses@0', 'b.synapses@0', 'a.post@0', 'b.post@0', 'm.record@0',
    ]);
    expect(net.currentStep).to.equal(1);
    log.length = 0;
    net.setup({ structuralPlasticity: true });
    net.step();
    expect(log.slice(-7)).to.deep.equal(['a.post@1', 'b.post@1', 'a.creating@1', 'b.creating@1', 'a.pruning@1', 'b.pruning@1', 'm.record@1']);
  });

  it('recorders added or removed after compile, and populations disabled or given another update, count from the next step', () => {
    const net = new Network({ dt: 1, verbose: false });
    const log: string[] = [];
    const pop = new Population(1, rate(), { network: net, name: 'p' });
    net.compile();
    net.step();
    const r = recorder(log, 'late');
    net.addRecorder(r);
    net.step();
    expect(log).to.deep.equal(['late.targets@1', 'late.record@1']);
    net.removeRecorder(r);
    net.step();
    expect(log).to.have.length(2);
    const calls: number[] = [];
    pop.$updateKernel = (t) => calls.push(t);
    net.step();
    pop.disable();
    net.step();
    pop.enable();
    net.step();
    expect(calls).to.deep.equal([3, 5]);
    expect(net.currentStep).to.equal(6);
  });

  it('a recorder that throws still ends the step (the time agrees with what was recorded)', () => {
    const net = new Network({ dt: 1, verbose: false });
    new Population(1, rate(), { network: net, name: 'p' });
    net.addRecorder({ recordTargets: () => {}, record: () => { throw new Error('sink failed'); } });
    expect(() => net.step()).to.throw('sink failed');
    expect(net.currentStep).to.equal(1);
  });

  it('rate sums a projection feeds are zeroed every step; a projection created after compile feeds them from the next step', () => {
    // post: r = sum(exc) (I = 0). Without a projection the sum stays 0; with one weight-2
    // synapse from pre (r = 3 from its first step on) the inputs of every step (phase 2, before
    // the update) give r = 6; a sum not reset would grow 6, 12, 18
    const net = new Network({ dt: 1, verbose: false });
    const pre = new Population(1, rate(), { network: net, name: 'pre' });
    const post = new Population(1, rate(), { network: net, name: 'post' });
    pre.I = 3;
    const m = new Monitor(post, ['r']);
    net.compile();
    net.simulate(2);
    const proj = new Projection(pre, post, 'exc', new Synapse({ psp: 'w * pre.r' }), { network: net });
    proj.connectAllToAll({ weights: 2 });
    net.simulate(3);
    expect(Array.from((m.get('r') as RecordedArray).data)).to.deep.equal([0, 0, 6, 6, 6]);
  });

  it('a monitor keeps copying from the right array when the population gives a transient its array mid-run', () => {
    // a = 2 v from the old v, tau dv/dt = -v (explicit Euler, v0 = 1): after step k (0-based)
    // v = q^(k+1) and a = 2 q^k. A large population keeps `a` in no array until a monitor reads
    // it; the monitor on v (which looked its array up once) must go on reading the live one
    const decay = new Neuron({ parameters: 'tau = 10.0 : population\n r = 0', equations: 'a = 2 * v\n tau * dv/dt = -v : init=1', name: 'decay' });
    const q = 1 - 0.1 / 10;
    const net = new Network({ dt: 0.1, verbose: false });
    const pop = new Population(UNSTORED_TRANSIENTS_FROM, decay, { network: net, name: 'big' });
    const mv = new Monitor(pop, ['v']);
    net.compile();
    net.simulate(0.3);
    const layout = pop.$layout;
    const ma = new Monitor(pop, ['a']);
    expect(pop.$layout).to.be.greaterThan(layout);
    net.simulate(0.2);
    const v = mv.get('v') as RecordedArray;
    const a = ma.get('a') as RecordedArray;
    expect(v.length).to.equal(5);
    for (let k = 0; k < 5; k++) expect(v.row(k)[7]).to.be.closeTo(q ** (k + 1), 1e-14);
    expect(a.length).to.equal(2);
    for (let k = 0; k < 2; k++) expect(a.row(k)[UNSTORED_TRANSIENTS_FROM - 1]).to.be.closeTo(2 * q ** (k + 3), 1e-14);
  });

  it('the generated code has only the phases the network has', () => {
    const net = new Network({ dt: 1, verbose: false });
    new Population(1, rate(), { network: net, name: 'p' });
    net.compile();
    const src = compileStepFunction(net)!.toString();
    expect(src).not.to.match(/\$computeInputs|recordTargets|structural|\$sumArrays|try/);
    expect(src).to.match(/\$updateKernel/);
  });

  it('a network of more participants than MAX_PARTICIPANTS runs the generic step, with the same order', () => {
    const net = new Network({ dt: 1, verbose: false });
    const pops = Array.from({ length: MAX_PARTICIPANTS + 1 }, (_, k) => {
      const p = new Population(1, rate(), { network: net, name: `p${k}` });
      p.I = k;
      return p;
    });
    const log: string[] = [];
    net.addRecorder(recorder(log, 'm'));
    net.compile();
    expect(compileStepFunction(net)).to.equal(undefined);
    net.step();
    expect(pops.map((p) => p.r[0])).to.deep.equal(pops.map((_, k) => k));
    expect(log).to.deep.equal(['m.targets@0', 'm.record@0']);
    expect(net.currentStep).to.equal(1);
  });
});
