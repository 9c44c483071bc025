import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { freshFactory, freshFunction } from '../../src/language/fresh-function.js';

describe('language/fresh-function (generated code compiled per use)', () => {
  it('compiles the body with a unique sourceURL each time; a name cannot leave the comment', () => {
    const a = freshFunction<(x: number) => number>(['x'], 'return x + 1;', 'COBA/update');
    const b = freshFunction<(x: number) => number>(['x'], 'return x + 1;', 'COBA/update');
    expect(a(1)).to.equal(2);
    expect(b(1)).to.equal(2);
    const url = (f: unknown) => /sourceURL=(\S+)/.exec(String(f))?.[1];
    expect(url(a)).to.match(/^compneuro-rx-generated\/COBA\/update\/\d+\.js$/);
    expect(url(a)).to.not.equal(url(b));
    // a model name is user text: a line break would end the comment and run what follows
    (globalThis as { injected?: boolean }).injected = false;
    const c = freshFunction<() => number>([], 'return 7;', 'x\nglobalThis.injected = true; //');
    expect(c()).to.equal(7);
    expect((globalThis as { injected?: boolean }).injected).to.equal(false);
    expect(url(c)).to.match(/^compneuro-rx-generated\/x_globalThis\.injected___true__\/\/\/\d+\.js$/);
  });

  it('a factory compiles its body again on every call', () => {
    const factory = freshFactory<(k: number) => () => number>(['k'], 'return function get() { return k; };', 'constant');
    const f3 = factory(3);
    const f4 = factory(4);
    expect([f3(), f4()]).to.deep.equal([3, 4]);
    // distinct compilations: the inner functions are different function objects of different scripts
    expect(f3).to.not.equal(f4);
  });

  it('six COBA networks of one process each get their update kernel optimised (V8 left later ones in its baseline tier when they shared code)', function () {
    this.timeout(120000);
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', 'spec/fixtures/language/kernel-tiers.ts'], { encoding: 'utf8' });
    expect(r.status, r.stderr).to.equal(0);
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).to.deep.equal([true, true, true, true, true, true]);
  });
});
