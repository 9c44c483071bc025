import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MT19937 } from '../../../src/engine/random/mt19937.js';

const ref = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/random/cpp.json', import.meta.url)), 'utf8'),
) as Record<string, number[]>;

describe('engine/random/mt19937', () => {
  it('std::mt19937 default seed 5489: 10000th output is 4123659995 (C++ standard)', () => {
    const rng = new MT19937();
    let v = 0;
    for (let i = 0; i < 10000; i++) v = rng.nextUint32();
    expect(v).to.equal(4123659995);
    expect(ref['mt19937/default/10000th']).to.deep.equal([4123659995]);
  });

  for (const seed of [0, 42, 1234]) {
    it(`matches std::mt19937(${seed}) for 2000 outputs`, () => {
      const rng = new MT19937(seed);
      const got = Array.from({ length: 2000 }, () => rng.nextUint32());
      expect(got).to.deep.equal(ref[`uint32/seed=${seed}`]);
    });
  }

  it('nextUint32Into writes the same stream as std::mt19937(42), mixed with nextUint32, across twists', () => {
    const rng = new MT19937(42);
    const w = new Uint32Array(3);
    const got: number[] = [];
    for (let i = 0; i < 2000; i++) {
      if (i % 3 === 0) got.push(rng.nextUint32());
      else {
        rng.nextUint32Into(w, i % 3);
        got.push(w[i % 3]!);
      }
    }
    expect(got).to.deep.equal(ref['uint32/seed=42']);
  });

  it('canonicalInto is (g1 + g2 * 2^32) / 2^64 of two consecutive std::mt19937(0) outputs', () => {
    const words = ref['uint32/seed=0']!;
    const rng = new MT19937(0);
    const out = new Float64Array(1000);
    for (let j = 0; j < 1000; j++) rng.canonicalInto(out, j); // 2000 words: crosses 3 twists
    for (let j = 0; j < 1000; j++) {
      // both terms and their sum are exact below 2^64 except the last rounding of the sum
      expect(out[j], `j = ${j}`).to.equal((words[2 * j]! + words[2 * j + 1]! * 4294967296) / 18446744073709551616);
    }
    // 3499211612 * 2^-64 + 581869302 * 2^-32 for the default seed, written out by hand
    new MT19937().canonicalInto(out, 0);
    expect(out[0]).to.equal(0.13547700429678050);
  });

  it('init_genrand reseeds; getState/setState snapshot and restore', () => {
    const rng = new MT19937(1);
    rng.init_genrand(42);
    expect(rng.nextUint32()).to.equal(1608637542); // std::mt19937(42)()
    rng.discard(700); // crosses a twist
    const s = rng.getState();
    const a = Array.from({ length: 1000 }, () => rng.nextUint32());
    rng.setState(s);
    const b = Array.from({ length: 1000 }, () => rng.nextUint32());
    expect(b).to.deep.equal(a);
    // the snapshot is a copy, not a view
    expect(s.key).to.not.equal(rng.getState().key);
  });

  it('seeds modulo 2^32 like the C++ engine and rejects non-integers', () => {
    const a = new MT19937(2 ** 32 + 5);
    const b = new MT19937(5);
    expect(a.nextUint32()).to.equal(b.nextUint32());
    expect(() => new MT19937(1.5)).to.throw(/seed must be an integer/);
    expect(() => new MT19937(1).setState({ key: new Uint32Array(3), pos: 0 })).to.throw(/624 words/);
  });
});
