import { expect } from 'chai';
import { Observable, take, toArray, lastValueFrom, of } from 'rxjs';
import { liveSamples, liveSpec, livePlot, LIVE_DATASET, type LiveSample } from '../../src/plot/live-plot.js';
import { simulate$ } from '../../src/stream/simulate.js';
import { testNetwork } from '../stream/test-network.js';
import { CompNeuroMonitors } from '../../src/monitors/comp-neuro-monitors.js';

// The view part of livePlot needs a browser (spec/browser/live-page.e2e.ts); here: the spec and
// the samples it plots, with the Integrator neuron (v after step k = (k + 1) * dt * I_app).

function collect(obs: Observable<LiveSample>): LiveSample[] {
  const out: LiveSample[] = [];
  obs.subscribe((s) => out.push(s));
  return out;
}

describe('plot/live-plot', () => {
  describe('liveSpec', () => {
    it('plots one series over the named dataset without a legend, with the variable as y title', () => {
      const spec = liveSpec(['HH_Bischop;v'], { yDomain: [-100, 60], width: 300 }) as Record<string, any>;
      expect(spec.data).to.deep.equal({ name: LIVE_DATASET });
      expect(spec.mark.type).to.equal('line');
      expect(spec.width).to.equal(300);
      expect(spec.encoding.x.field).to.equal('t');
      expect(spec.encoding.y.scale).to.deep.equal({ domain: [-100, 60] });
      expect(spec.encoding.y.title).to.equal('v');
      expect(spec.encoding.color).to.equal(undefined);
    });

    it('colours several series by name', () => {
      const spec = liveSpec(['a;v[0]', 'a;v[1]']) as Record<string, any>;
      expect(spec.encoding.color.field).to.equal('series');
      expect(spec.encoding.y.scale).to.deep.equal({ zero: false });
    });
  });

  describe('liveSamples of samples$ blocks (monitors.samples$)', () => {
    it('turns each block into its samples, named like frames, every `every`-th, the chosen variables only', () => {
      const { net, pops } = testNetwork(['a', 'b']);
      pops[0]!.set({ I_app: [1, 3] });
      const mon = new CompNeuroMonitors({ a: ['v', 'inp'], 'b;0.2': ['v'] }, { network: net, log: () => {} });
      const s = collect(liveSamples(mon.samples$({ every: 4, compartments: ['a'] }), { variables: 'a;v', neurons: [0, 1], every: 3 }));
      mon.start();
      simulate$(2, { network: net }).subscribe(); // 20 steps: samples 0, 3, 6, ..., 18 of a
      expect(s.map((x) => Math.round(x.t * 10))).to.deep.equal([0, 3, 6, 9, 12, 15, 18]);
      // v after step k = (k + 1) * dt * I
      s.forEach((x) => {
        expect(Object.keys(x.values)).to.deep.equal(['a;v[0]', 'a;v[1]']);
        expect(x.values['a;v[0]']).to.be.closeTo(x.t + 0.1, 1e-12);
        expect(x.values['a;v[1]']).to.be.closeTo(3 * (x.t + 0.1), 1e-12);
      });
      const all = collect(liveSamples(mon.samples$({ every: 5 })));
      simulate$(1, { network: net }).subscribe();
      expect(new Set(all.flatMap((x) => Object.keys(x.values)))).to.deep.equal(new Set(['a;v', 'a;inp', 'b;v']));
      const errors: string[] = [];
      liveSamples(mon.samples$(), { neurons: 7 }).subscribe({ error: (e: Error) => errors.push(e.message) });
      simulate$(1, { network: net }).subscribe();
      expect(errors).to.deep.equal(['livePlot: neuron rank 7 is out of range for a;v (2 values per sample)']);
    });
  });

  describe('liveSamples of simulation frames', () => {
    it('reads the plotted variables from the live network at every `every`-th step', () => {
      const { net, pops } = testNetwork(['a']);
      pops[0]!.set({ I_app: [1, 3] });
      const s = collect(liveSamples(simulate$(2, { network: net }), { variables: 'a;v', neurons: [0, 1], every: 10 }));
      expect(s.map((x) => x.t)).to.have.length(2);
      expect(s[0]!.t).to.be.closeTo(0, 1e-12);
      expect(s[1]!.t).to.be.closeTo(1, 1e-12);
      // after step 0: 0.1 * I; after step 10: 1.1 * I
      expect(s[0]!.values['a;v[0]']).to.be.closeTo(0.1, 1e-12);
      expect(s[0]!.values['a;v[1]']).to.be.closeTo(0.3, 1e-12);
      expect(s[1]!.values['a;v[0]']).to.be.closeTo(1.1, 1e-12);
      expect(s[1]!.values['a;v[1]']).to.be.closeTo(3.3, 1e-12);
    });

    it('names a single neuron-0 series by the variable alone and reads population-wide values', () => {
      const { net } = testNetwork(['a']);
      const s = collect(liveSamples(simulate$(0.3, { network: net }), { variables: ['a;v', 'a;E_L'] }));
      expect(s).to.have.length(3);
      expect(Object.keys(s[2]!.values)).to.deep.equal(['a;v', 'a;E_L']);
      expect(s[2]!.values['a;E_L']).to.equal(-70);
    });

    it('stops the simulation when the subscription ends', async () => {
      const { net, pops } = testNetwork(['a']);
      pops[0]!.set({ I_app: 1 });
      const got = await lastValueFrom(liveSamples(simulate$(100, { network: net }), { variables: 'a;v', every: 10 }).pipe(take(3), toArray()));
      expect(got.map((x) => Math.round(x.t * 10))).to.deep.equal([0, 10, 20]);
      expect(net.getCurrentStep()).to.equal(21); // steps 0..20 ran, not the 1000 of simulate$(100)
    });

    it('passes { t, values } samples through, every `every`-th', () => {
      const src = of(...[0, 1, 2, 3, 4].map((t) => ({ t, values: { x: t * 2 } })));
      expect(collect(liveSamples(src, { every: 2 }))).to.deep.equal([
        { t: 0, values: { x: 0 } },
        { t: 2, values: { x: 4 } },
        { t: 4, values: { x: 8 } },
      ]);
    });

    it('fails with clear errors', () => {
      const { net } = testNetwork(['a']);
      const err = (o: Observable<LiveSample>): string => {
        let msg = '';
        o.subscribe({ error: (e: Error) => (msg = e.message) });
        return msg;
      };
      expect(err(liveSamples(simulate$(1, { network: net })))).to.match(/options.variables .* is needed/);
      expect(err(liveSamples(simulate$(1, { network: net }), { variables: 'a;nope' }))).to.match(/population "a" has no variable "nope"/);
      expect(err(liveSamples(simulate$(1, { network: net }), { variables: 'b;v' }))).to.match(/no population named "b"/);
      expect(err(liveSamples(simulate$(1, { network: net }), { variables: 'a;v', neurons: 2 }))).to.match(/rank 2 is out of range .* size 2/);
      expect(err(liveSamples(of(42) as never))).to.match(/neither a simulation frame nor/);
      expect(() => liveSamples(simulate$(1), { variables: 'v' })).to.throw(/'population;variable'/);
      expect(() => liveSamples(simulate$(1), { every: 1.5 })).to.throw(/every must be a positive integer/);
      expect(() => liveSamples(simulate$(1), { every: 0 })).to.throw(/every \(steps\) must be a positive number/);
      expect(() => liveSamples(42 as never)).to.throw(/source must be a simulation Observable/);
      expect(() => livePlot({} as HTMLElement, simulate$(1), { window: -1 })).to.throw(/window \(ms\) must be a positive number/);
      expect(() => livePlot(null as never, simulate$(1))).to.throw(/element must be a DOM element/);
    });
  });

  describe('liveSamples of a CompNeuroMonitors', () => {
    it('samples the recorded variables at the compartment period while it is not paused', () => {
      const { net, pops } = testNetwork(['a', 'b']);
      pops[0]!.set({ I_app: 1 });
      const timings = { a: { currentlyPaused: false } };
      const mon = { monDict: { 'a;0.5': ['v', 'spike'], b: ['spike'] }, network: net, timings };
      const samples: LiveSample[] = [];
      const sub = liveSamples(mon).subscribe((s) => samples.push(s));
      net.simulate(1.2); // steps 0..11: period 5 steps -> steps 0, 5, 10
      expect(samples.map((s) => Math.round(s.t * 10))).to.deep.equal([0, 5, 10]);
      expect(samples[2]!.values).to.have.keys(['a;v']);
      expect(samples[2]!.values['a;v']).to.be.closeTo(1.1, 1e-12);
      timings.a.currentlyPaused = true;
      net.simulate(1); // steps 12..21: paused
      expect(samples).to.have.length(3);
      timings.a.currentlyPaused = false;
      net.simulate(0.5); // steps 22..26: step 25
      expect(samples.map((s) => Math.round(s.t * 10))).to.deep.equal([0, 5, 10, 25]);
      sub.unsubscribe();
      net.simulate(1);
      expect(samples).to.have.length(4); // the recorder is gone
    });

    it('takes a single variable as a string and leaves projection compartments out by default', () => {
      const { net } = testNetwork(['a']);
      const s: LiveSample[] = [];
      const sub = liveSamples({ monDict: { 'a;0.2': 'v', 'a_to_a;10': ['w'] }, network: net }).subscribe((x) => s.push(x));
      net.simulate(0.5);
      sub.unsubscribe();
      expect(s.map((x) => Object.keys(x.values))).to.deep.equal([['a;v'], ['a;v'], ['a;v']]); // steps 0, 2, 4
    });

    it('needs a variable other than spikes', () => {
      const { net } = testNetwork(['a']);
      expect(() => liveSamples({ monDict: { a: ['spike'] }, network: net })).to.throw(/records no variable to plot/);
    });
  });
});
