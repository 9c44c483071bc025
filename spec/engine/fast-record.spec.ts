import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addFastKey, fastRecord } from '../../src/engine/fast-record.js';

describe('engine/fast-record', () => {
  it('builds a plain record and adds ordinary writable, enumerable keys', () => {
    const r = fastRecord([['tau', 10], ['v_th', -50]]);
    addFastKey(r, '_mean_r', 0);
    r._mean_r = 3;
    expect(r).to.deep.equal({ tau: 10, v_th: -50, _mean_r: 3 });
    expect(Object.keys(r)).to.deep.equal(['tau', 'v_th', '_mean_r']);
  });

  it("keeps a population's population-wide values out of V8's dictionary mode (24 of HH_Bischop, keys added later)", function () {
    this.timeout(60000);
    const dir = mkdtempSync(join(tmpdir(), 'fast-record-'));
    try {
      const script = join(dir, 'check.mts');
      const src = (p: string) => JSON.stringify(new URL(`../../src/${p}`, import.meta.url).pathname);
      writeFileSync(script, [
        `import { Network } from ${src('engine/network.ts')};`,
        `import { Population } from ${src('engine/population.ts')};`,
        `import { HHneuronBischop } from ${src('models/hh-neuron-bischop.ts')};`,
        `import { addFastKey } from ${src('engine/fast-record.ts')};`,
        // built at run time: esbuild (tsx) does not parse V8's natives syntax
        "const fast = new Function('o', 'return %HasFastProperties(o)');",
        `const net = new Network({ dt: 0.01 });`,
        `const pop = new Population(1, HHneuronBischop, { network: net });`,
        `net.compile();`,
        `const G = pop.$state.global;`,
        `const before = fast(G);`,
        `for (let k = 0; k < 20; k++) addFastKey(G, 'extra' + k, 0);`,
        `console.log(JSON.stringify([Object.keys(pop.$state.global).length, before, fast(G), fast(pop.$state.rand)]));`,
      ].join('\n'));
      const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', script], { encoding: 'utf8' }).trim().split('\n').pop()!;
      // 24 parameters + 20 added: fast throughout (the record built with one keyed store per
      // name, as before, was a hash table here: every G.x of the kernel a generic lookup)
      expect(JSON.parse(out)).to.deep.equal([44, true, true, true]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
