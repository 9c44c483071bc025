import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { buildNetwork, fingerprint } from './continuation-network.js';
import { save, load, saveParameters, loadParameters, saveConnectivity, connectFromFile } from '../../src/io/save-load.js';
import { decodeNpy, encodeNpy } from '../../src/io/npy.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Neuron } from '../../src/language/neuron.js';
import { Constant } from '../../src/language/constant.js';
import { clear } from '../../src/engine/global-functions.js';

const dir = mkdtempSync(join(tmpdir(), 'annlib-io-'));
const script = fileURLToPath(new URL('./continuation-network.ts', import.meta.url));

describe('io: save / load, saveParameters / loadParameters, saveConnectivity / connectFromFile (ANNarchy IO)', function () {
  this.timeout(180000);
  after(() => clear());

  it('simulate N, save, load into a fresh network in a new process, simulate M == simulate N + M, bit for bit', () => {
    const file = join(dir, 'state.npz');
    const out = join(dir, 'fingerprint.json');
    execFileSync('npx', ['tsx', script, 'phase1', file, '37.3'], { stdio: 'pipe' });
    // the fresh network is built with another seed: connectivity, random values and generators come from the file
    execFileSync('npx', ['tsx', script, 'phase2', file, '23.1', out, '99'], { stdio: 'pipe' });
    const continued = JSON.parse(readFileSync(out, 'utf8')) as Record<string, string[]>;
    const net = buildNetwork(1234);
    net.simulate(37.3);
    net.simulate(23.1);
    const direct = fingerprint(net);
    expect(Object.keys(continued).sort()).to.deep.equal(Object.keys(direct).sort());
    for (const k of Object.keys(direct)) expect(continued[k], k).to.deep.equal(direct[k]);
    // something happened: spikes were emitted and plasticity changed weights
    const meta = JSON.parse(direct.meta![0]!);
    expect(meta.currentStep).to.equal(373 + 231);
    // the continuation covered spikes, refractoriness and plasticity
    expect(Array.from(net.getPopulation('noisy').$state!.lastSpike).filter((x) => x > 373).length).to.be.greaterThan(5);
    const n2c = net.projectionsList.find((p) => p.name === 'n2c') as Projection;
    expect((n2c.w as number[][]).flat().some((w) => w !== 0.2)).to.equal(true);
    expect(Array.from(net.getPopulation('cond').$state!.lastSpike).filter((x) => x > 373).length).to.be.greaterThan(2);
  });

  it('the .npz holds NumPy arrays a Python user can load, one per attribute', () => {
    const net = buildNetwork(5);
    net.simulate(3);
    const file = join(dir, 'small.npz');
    save(file, { network: net });
    const z = unzipSync(new Uint8Array(readFileSync(file)));
    const v = decodeNpy(z['population/noisy/v.npy']!);
    expect(v.shape).to.deep.equal([40]);
    expect(Array.from(v.data)).to.deep.equal(Array.from(net.getPopulation('noisy').v as Float64Array));
    const meta = JSON.parse(new TextDecoder().decode(decodeNpy(z['__meta__.npy']!).data as Uint8Array));
    expect(meta.format).to.equal('compneuro-rx network state');
    expect(meta.populations.map((p: { name: string }) => p.name)).to.deep.equal(['noisy', 'poisson', 'cond', 'timed', 'rate_out']);
  });

  it('a file of another network is refused naming the mismatch, and the network is untouched', () => {
    const net = buildNetwork(5);
    net.simulate(2);
    const file = join(dir, 'other.npz');
    save(file, { network: net });
    const other = new Network({ dt: 0.1 });
    new Population(41, new Neuron({ parameters: 'tau = 10.0 : population\n I = 1.2', equations: 'tau * dv/dt = -v + I + g_exc', spike: 'v > 1.0', name: 'n41' }), { name: 'noisy', network: other });
    other.compile();
    const before = fingerprint(other);
    expect(() => load(file, { network: other })).to.throw(/load: the file does not match the network: the file has 5 populations \(noisy, poisson, cond, timed, rate_out\), the network 1 \(noisy\)/);
    expect(fingerprint(other)).to.deep.equal(before);
    const wrongDt = new Network({ dt: 0.05 });
    new Population(1, new Neuron({ parameters: 'r = 0', name: 'r0' }), { network: wrongDt });
    wrongDt.compile();
    expect(() => load(file, { network: wrongDt })).to.throw(/dt is 0.1 ms in the file, 0.05 ms in the network/);
    // same structure, but the file says population "cond" has 21 neurons
    const sized = buildNetwork(5);
    const f2 = join(dir, 'sized.npz');
    save(f2, { network: sized });
    const z: Record<string, Uint8Array> = unzipSync(new Uint8Array(readFileSync(f2)));
    const meta = JSON.parse(new TextDecoder().decode(decodeNpy(z['__meta__.npy']!).data as Uint8Array));
    meta.populations[2].size = 21;
    z['__meta__.npy'] = encodeNpy(new TextEncoder().encode(JSON.stringify(meta)));
    writeFileSync(f2, zipSync(z));
    const before2 = fingerprint(sized);
    sized.simulate(1);
    expect(() => load(f2, { network: sized })).to.throw(/population "cond" has 21 neurons in the file, 20 in the network/);
    const after = fingerprint(sized);
    expect(after['population/noisy/v']).to.not.deep.equal(before2['population/noisy/v']);
    expect(() => load(join(dir, 'missing.npz'), { network: sized })).to.throw(/cannot read/);
  });

  it('saveParameters writes ANNarchy\'s JSON structure; loadParameters sets them, refusing unknown names before changing anything', () => {
    const net = new Network({ dt: 1.0 });
    const pop = new Population(2, new Neuron({ parameters: 'tau = 10.0 : population\n I = 1.0', equations: 'tau * dr/dt = -r + I', name: 'rp' }), { name: 'pop', network: net });
    const proj = new Projection(pop, pop, 'exc', undefined, { name: 'rec', network: net });
    proj.connectAllToAll({ weights: 0.1 });
    new Constant('k_io', 3);
    net.compile();
    const file = join(dir, 'params.json');
    saveParameters(file, { network: net });
    const desc = JSON.parse(readFileSync(file, 'utf8'));
    expect(desc).to.deep.equal({ populations: { pop: { tau: 10 } }, projections: { rec: {} }, network: {}, constants: { k_io: 3 } });
    writeFileSync(file, JSON.stringify({ populations: { pop: { tau: 20 } }, constants: { k_io: 4, k_new: 1 }, network: { trials: 5 } }));
    expect(loadParameters(file, { network: net })).to.deep.equal({ trials: 5 });
    expect(pop.tau).to.equal(20);
    writeFileSync(file, JSON.stringify({ populations: { pop: { tau: 30, taux: 1 } } }));
    expect(() => loadParameters(file, { network: net })).to.throw(/"taux" is not a parameter of population "pop" \(tau, I\)/);
    expect(pop.tau).to.equal(20);
    writeFileSync(file, JSON.stringify({ populations: { pop: { I: 2 } } }));
    expect(() => loadParameters(file, { network: net })).to.throw(/not a population-wide parameter; pass globalOnly: false/);
    loadParameters(file, { network: net, globalOnly: false });
    expect(Array.from(pop.I as Float64Array)).to.deep.equal([2, 2]);
  });

  it('saveConnectivity / connectFromFile reproduce ranks, weights and delays; out-of-range ranks are refused', () => {
    const net = new Network({ dt: 0.1, seed: 3 });
    const a = new Population(10, new Neuron({ equations: 'dv/dt = -v + g_exc', spike: 'v > 1', name: 'ca' }), { network: net });
    const proj = new Projection(a, a, 'exc', undefined, { network: net });
    proj.connectFixedProbability({ probability: 0.4, weights: new (class { getValues(n: number) { return Float64Array.from({ length: n }, (_, i) => i * 0.5); } })() as never, delays: 0.3 });
    net.compile();
    const file = join(dir, 'conn.npz');
    saveConnectivity(proj, file);
    const net2 = new Network({ dt: 0.1 });
    const b = new Population(10, new Neuron({ equations: 'dv/dt = -v + g_exc', spike: 'v > 1', name: 'cb' }), { network: net2 });
    const p2 = connectFromFile(new Projection(b, b, 'exc', undefined, { network: net2 }), file);
    net2.compile();
    expect(p2.postRanks).to.deep.equal(proj.postRanks);
    expect(p2.preRanks).to.deep.equal(proj.preRanks);
    expect(p2.w).to.deep.equal(proj.w);
    expect(p2.delay).to.deep.equal(proj.delay);
    const net3 = new Network({ dt: 0.1 });
    const c = new Population(5, new Neuron({ equations: 'dv/dt = -v + g_exc', spike: 'v > 1', name: 'cc' }), { network: net3 });
    expect(() => connectFromFile(new Projection(c, c, 'exc', undefined, { network: net3 }), file)).to.throw(/has (pre|post) rank \d, but "pop0" has 5 neurons/);
  });

  it('.npy round trip: header as numpy writes it (64-byte aligned), data little-endian', () => {
    const bytes = encodeNpy(Float64Array.of(1.5, -2, 3e-300));
    expect((10 + (bytes[8]! | (bytes[9]! << 8))) % 64).to.equal(0);
    expect(new TextDecoder().decode(bytes.subarray(10, 70))).to.match(/^\{'descr': '<f8', 'fortran_order': False, 'shape': \(3,\), \}/);
    expect(Array.from(decodeNpy(bytes).data)).to.deep.equal([1.5, -2, 3e-300]);
  });
});
