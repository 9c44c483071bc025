import { expect } from 'chai';
import { readFileSync } from 'node:fs';

describe('plot: browser-safe modules', () => {
  const files = [
    'src/plot/plot-spec.ts', 'src/plot/render-svg.ts', 'src/plot/decimate.ts', 'src/plot/expression.ts',
    'src/plot/py-format.ts', 'src/plot/recording-times-like.ts',
    'src/analysis/raster.ts', 'src/analysis/pop-rate.ts', 'src/analysis/spike-statistics.ts',
  ];
  for (const f of files) {
    it(`${f} imports no Node-only module`, () => {
      const imports = [...readFileSync(f, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const i of imports) expect(i, i).to.not.match(/^(node:|fs$|path$|os$|module$|@resvg\/)/);
      expect(imports.some((i) => i.includes('render-file') || i.includes('plot-recordings'))).to.equal(false);
    });
  }
});
