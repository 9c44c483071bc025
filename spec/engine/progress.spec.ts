import { expect } from 'chai';
import { Subject, toArray, lastValueFrom } from 'rxjs';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Neuron } from '../../src/language/neuron.js';
import { setDefaultProgressReporter, type ProgressInfo } from '../../src/engine/progress.js';
import { clear, setup, simulate } from '../../src/engine/global-functions.js';

const lif = () => new Neuron({ parameters: 'tau = 10.0\nI_app = 0.0', equations: 'tau * dv/dt = -v + I_app', spike: 'v > 1.0', reset: 'v = 0.0', name: 'lif' });

describe('engine: progress of long runs', () => {
  afterEach(() => {
    setDefaultProgressReporter(undefined);
    clear();
  });

  it('simulate(ms, { progress: subject }) reports 0..100 % with simulated time, then completes; numbers unchanged', async () => {
    const make = () => {
      const net = new Network({ dt: 0.1 });
      const pop = new Population(3, lif(), { name: 'p', network: net });
      pop.I_app = Float64Array.of(0.5, 1.5, 3);
      return { net, pop };
    };
    const a = make();
    const b = make();
    const progress = new Subject<ProgressInfo>();
    const all = lastValueFrom(progress.pipe(toArray()));
    a.net.simulate(100.0, { progress });
    b.net.simulate(100.0);
    const infos = await all; // completed by the run
    expect(infos[0]).to.include({ done: 0, total: 1000, percent: 0 });
    expect(infos[infos.length - 1]).to.include({ done: 1000, total: 1000, percent: 100 });
    expect(infos[infos.length - 1]!.t).to.be.closeTo(100, 1e-9);
    expect(infos.length).to.equal(201); // 0 % and 200 slices of 5 steps
    for (let k = 1; k < infos.length; k++) expect(infos[k]!.done).to.be.above(infos[k - 1]!.done);
    expect(infos[100]!.eta).to.be.at.least(0);
    expect([...a.pop.v]).to.deep.equal([...b.pop.v]); // slicing the run changes no number
  });

  it('progress: true uses the environment default; false and no default draw nothing; bad values are named', () => {
    setup({ dt: 0.1 });
    new Population(1, lif(), 'p');
    const seen: number[] = [];
    setDefaultProgressReporter(() => ({ next: (i) => seen.push(i.percent) }));
    simulate(10, { progress: true });
    expect(seen[seen.length - 1]).to.equal(100);
    seen.length = 0;
    simulate(10, { progress: false });
    expect(seen).to.deep.equal([]);
    expect(() => simulate(10, { progress: 'yes' as never })).to.throw('simulate: progress must be true, false or an object with next(info) (e.g. an RxJS Subject), got yes');
  });
});
