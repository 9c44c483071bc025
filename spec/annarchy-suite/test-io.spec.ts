// Port of ANNarchy 4.7.3 tests/Interface/test_IO.py (protocols, values and tolerances).
// The project saves networks and projections as .npz only (README differences table): the
// '.npz' subtest is the original; '.data' and '.txt.gz' (pickles) and '.mat' must be refused
// with an error naming the extension, before anything is written. The two classes share their
// methods in the original; here they share one function.
import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Network } from '../../src/engine/network.js';
import type { Projection } from '../../src/engine/projection.js';
import { clear } from '../../src/engine/global-functions.js';
import { load, loadParameters, loadProjection, save, saveParameters, saveProjection } from '../../src/io/save-load.js';
import { assertAllclose } from './helpers.js';
import { defineRateNet, defineSpikeNet } from './interface-networks.js';

const pFromAttr = <T>(attributes: T[], isparam: boolean[]): T[] => attributes.filter((_, i) => isparam[i]);

/** assert_allclose_named: numpy's assert_allclose over the list, naming the wrong attributes. */
function assertAllcloseNamed(actual: number[], expected: (number | null)[], names: string[], isparam?: boolean[]): void {
  let exp = expected, nm = names;
  if (isparam) {
    exp = pFromAttr(expected, isparam);
    nm = pFromAttr(names, isparam);
  }
  try {
    assertAllclose(actual, exp as number[]);
  } catch (e) {
    throw new Error(`Loading Parameters failed: ${nm.map((n, i) => `${n}: ${actual[i]} should be ${exp[i]}`).join('; ')} (${(e as Error).message})`);
  }
}

const saveExtensions = ['.data', '.npz', '.txt.gz'];

interface IOClass {
  define: () => { network: Network; proj: Projection };
  prefix: string;
  projPrefix: string;
  attributeNames: string[];
  initAttr: (number | null)[];
  newAttr: number[];
  isparam: boolean[];
  setAttributes: (a: number[]) => void;
  getAttributes: () => number[];
  setParameters: (p: number[]) => void;
  getParameters: () => number[];
}

function ioClass(name: string, c: () => IOClass): void {
  describe(name, () => {
    let k: IOClass, network: Network, proj: Projection, savefolder: string;
    before(() => {
      k = c();
      ({ network, proj } = k.define());
      savefolder = join(mkdtempSync(join(tmpdir(), 'annarchy-io-')), '_networksave');
      mkdirSync(savefolder);
    });
    after(() => {
      rmSync(savefolder, { recursive: true, force: true });
      clear();
    });
    beforeEach(() => network.reset({ projections: true, synapses: true }));

    it('test_save_and_load', () => {
      for (const ext of saveExtensions) {
        const file = join(savefolder, `${k.prefix}${ext}`);
        k.setAttributes(k.newAttr);
        if (ext !== '.npz') {
          expect(() => save(file, { network })).to.throw(/must end with \.npz/);
          expect(existsSync(file)).to.equal(false);
          continue;
        }
        save(file, { network });
        network.reset({ projections: true, synapses: true });
        load(file, { network });
        assertAllcloseNamed(k.getAttributes(), k.newAttr, k.attributeNames);
      }
    });
    it('test_save_mat', () => {
      const file = join(savefolder, `${k.prefix}.mat`);
      expect(() => save(file, { network })).to.throw(/must end with \.npz/);
      expect(existsSync(file)).to.equal(false);
    });
    it('test_parameters_save_and_load', () => {
      k.setParameters(pFromAttr(k.newAttr, k.isparam));
      saveParameters(join(savefolder, 'ratenet.json'), { network });
      network.reset({ projections: true, synapses: true });
      loadParameters(join(savefolder, 'ratenet.json'), { network });
      assertAllcloseNamed(k.getParameters(), k.initAttr, k.attributeNames, k.isparam);
    });
    it('test_projection_save_and_load', () => {
      for (const ext of saveExtensions) {
        const file = join(savefolder, `${k.projPrefix}${ext}`);
        if (ext !== '.npz') {
          expect(() => saveProjection(proj, file)).to.throw(/must end with \.npz/);
          continue;
        }
        saveProjection(proj, file);
        // beyond the original (which only checks that both run): the saved weights come back
        const w = proj.get('w');
        proj.set({ w: 7.5 });
        loadProjection(proj, file);
        expect(proj.get('w')).to.deep.equal(w);
      }
    });
  });
}

ioClass('test_IO_Rate', () => {
  const [network, pop2, proj2, proj3] = defineRateNet();
  return {
    define: () => ({ network, proj: proj2 }),
    prefix: 'ratenet', projPrefix: 'pr2rate',
    attributeNames: ['Population Parameter', 'Population Rate', 'Default Projection Parameter', 'Projection Weight', 'Projection Parameter'],
    initAttr: [1.0, 0.0, 0.01, 0.0, 10.0],
    newAttr: [0.5, 5, 0.02, 3, 20],
    isparam: [true, false, true, false, true],
    setAttributes: (a) => {
      pop2.set({ baseline: a[0]!, r: a[1]! });
      proj2.set({ eta: a[2]!, w: a[3]! });
      proj3.set({ tau: a[4]! });
    },
    getAttributes: () => [pop2.get('baseline') as number, (pop2.get('r') as Float64Array)[0]!,
      proj2.get('eta') as number, (proj2.get('w') as number[][])[0]![0]!, proj3.get('tau') as number],
    setParameters: (p) => {
      pop2.set({ baseline: p[0]! });
      proj2.set({ eta: p[1]! });
      proj3.set({ tau: p[2]! });
    },
    getParameters: () => [pop2.get('baseline') as number, proj2.get('eta') as number, proj3.get('tau') as number],
  };
});

ioClass('test_IO_Spiking', () => {
  const [network, pop2, proj1, proj2] = defineSpikeNet();
  return {
    define: () => ({ network, proj: proj2 }),
    prefix: 'spikenet', projPrefix: 'pr2spike',
    attributeNames: ['Population Parameter', 'Population V', 'STDP Projection Parameter', 'Projection Parameter', 'Projection Equation Value'],
    initAttr: [8.0, null, 20, 0.5, null],
    newAttr: [0.5, -60, 10, 5, 10],
    isparam: [true, false, true, true, false],
    setAttributes: (a) => {
      pop2.set({ d: a[0]!, v: a[1]! });
      proj1.set({ tau_plus: a[2]! });
      proj2.set({ U: a[3]!, x: a[4]! });
    },
    getAttributes: () => [(pop2.get('d') as Float64Array)[0]!, (pop2.get('v') as Float64Array)[0]!,
      proj1.get('tau_plus') as number, (proj2.get('U') as number[][])[0]![0]!, (proj2.get('x') as number[][])[0]![0]!],
    setParameters: (p) => {
      pop2.set({ d: p[0]! });
      proj1.set({ tau_plus: p[1]! });
      proj2.set({ U: p[2]! });
    },
    getParameters: () => [(pop2.get('d') as Float64Array)[0]!, proj1.get('tau_plus') as number, (proj2.get('U') as number[][])[0]![0]!],
  };
});
