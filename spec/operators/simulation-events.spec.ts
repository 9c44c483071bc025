import { expect } from 'chai';
import { lastValueFrom, map, toArray } from 'rxjs';
import { SimulationEvents } from '../../operators/simulation-events.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';
import { testNetwork } from '../stream/test-network.js';

describe('operators/SimulationEvents', () => {
  it("the docstring example: start -> event1 (+100) -> event2 (+200) -> end (+300), inputs at every boundary", async () => {
    const { net, pops } = testNetwork(['a']);
    const pop = pops[0]!;
    class MySim extends SimulationEvents {
      p = 0.8;
      effect1 = () => {
        pop.I_app = this.p;
      };
      effect2 = () => {
        pop.I_app = 0;
      };
    }
    pop.I_app = 5;
    const sim = new MySim({ network: net });
    sim.addEvent({ name: 'start', trigger: { event1: 100 } });
    sim.addEvent({ name: 'event1', effect: sim.effect1, trigger: { event2: 200 } });
    sim.addEvent({ name: 'event2', effect: sim.effect2, trigger: { end: 300 } });
    const inp = await lastValueFrom(sim.run$().pipe(map((f) => (f.network.getPopulation('a').inp as Float64Array)[0]), toArray()));
    expect(inp.length).to.equal(600);
    expect(inp[0]).to.equal(5);
    expect(inp[99]).to.equal(5);
    expect(inp[100]).to.equal(0.8);
    expect(inp[299]).to.equal(0.8);
    expect(inp[300]).to.equal(0);
    expect(inp[599]).to.equal(0);
    expect(net.getCurrentStep()).to.equal(600);
    // re-initialised and restored: it runs again, relative to the current step
    expect(sim.happenedEventList).to.deep.equal([]);
    sim.run();
    expect(net.getCurrentStep()).to.equal(1200);
  });

  it('onsets, requirement strings and mode', () => {
    const { net } = testNetwork(['a']);
    const order: string[] = [];
    const sim = new SimulationEvents({ network: net });
    sim.mode = 'go';
    sim.addEvent({ name: 'a', onset: 2, effect: () => order.push(`a@${net.getCurrentStep()}`) });
    sim.addEvent({ name: 'b', onset: 2, requirementString: 'happened_event_list==[a] and (mode==stop or mode==go)', effect: () => order.push(`b@${net.getCurrentStep()}`), trigger: { c: 3 } });
    sim.addEvent({ name: 'x', onset: 2, requirementString: 'mode==stop', effect: () => order.push('x') });
    sim.addEvent({ name: 'c', effect: () => order.push(`c@${net.getCurrentStep()}`), trigger: { end: () => 1 } });
    sim.run();
    expect(order).to.deep.equal(['a@2', 'b@2', 'c@5']);
    expect(net.getCurrentStep()).to.equal(6);
  });

  it('a model trigger stops the simulation after the step where decision == -1 (simulate_until)', () => {
    const net = new Network({ dt: 0.1, seed: 1 });
    // decision reads v before this step's update: v_k = 0.1 k exceeds 0.25 first in step k = 3
    const n = new Neuron({ equations: 'decision = if v > 0.25: -1 else: 0\n dv/dt = 1\n r = v' });
    new Population(1, n, { name: 'd', network: net });
    net.compile();
    const seen: string[] = [];
    const sim = new SimulationEvents({ network: net });
    sim.addEvent({ name: 'start', trigger: { end: 1000 } });
    sim.addEvent({ name: 'hit', modelTrigger: 'd', effect: () => seen.push(`hit@${net.getCurrentStep()}`), trigger: { end: 5 } });
    sim.run();
    expect(seen).to.deep.equal(['hit@4']);
    expect(net.getCurrentStep()).to.equal(9);
  });

  it('errors arrive before any step and leave the events restored', () => {
    const { net } = testNetwork(['a']);
    const sim = new SimulationEvents({ network: net });
    sim.addEvent({ name: 'start', trigger: { ned: 3 } });
    expect(() => sim.run()).to.throw('SimulationEvents: event "start" triggers "ned", which was never added; events: end, start');
    expect(net.getCurrentStep()).to.equal(0);
    const never = new SimulationEvents({ network: net });
    never.addEvent({ name: 'start', onset: 0 });
    never.addEvent({ name: 'other', requirementString: 'mode==never', trigger: { end: 1 } });
    // 'other' never meets its requirement and only it triggers 'end', so nothing can end the trial
    expect(() => never.run()).to.throw('the simulation would never end');
    expect(() => sim.addEvent({ name: 'start' })).to.throw('addEvent: an event named "start" already exists');
    const badReq = new SimulationEvents({ network: net });
    badReq.addEvent({ name: 'start', requirementString: 'phase==1', trigger: { end: 1 } });
    expect(() => badReq.run()).to.throw('only mode==... and happened_event_list==[...] are supported');
    expect(net.getCurrentStep()).to.equal(0);
  });
});
