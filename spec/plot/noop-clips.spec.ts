import { expect } from 'chai';
import { dropNoopClips } from '../../src/plot/noop-clips.js';
import { rasterizeSvg } from '../../src/plot/render-file.js';
import { vegaLiteModule, vegaModule } from '../../src/plot/vega-modules.js';

interface SvgRenderer {
  initialize(el: null, w: number, h: number, origin: [number, number], scale: number): SvgRenderer;
  render(scene: unknown): SvgRenderer;
  svg(): string;
}

/** A 200 x 100 raster-like plot of dots (clipped, as PlotRecordings draws rasters), as a Vega view. */
function dots(ts: number[]) {
  const spec = {
    width: 200,
    height: 100,
    data: { values: ts.map((t, i) => ({ t, r: i % 5 })) },
    mark: { type: 'point', shape: 'circle', filled: true, color: 'black', opacity: 1, size: 3, clip: true },
    encoding: {
      x: { field: 't', type: 'quantitative', scale: { domain: [0, 100], nice: false, zero: false } },
      y: { field: 'r', type: 'quantitative', scale: { domain: [-0.5, 4.5], nice: false, zero: false } },
    },
  };
  const view = new (vegaModule().View)(vegaModule().parse(vegaLiteModule().compile(spec as never).spec), { renderer: 'none' });
  view.run();
  const svg = (): string => {
    const module = (vegaModule() as unknown as { renderModule(t: string): { headless: new (loader: unknown) => SvgRenderer } }).renderModule('svg');
    const r = new module.headless(view.loader());
    const v = view as unknown as { _viewWidth: number; _viewHeight: number; _origin: [number, number] };
    r.initialize(null, v._viewWidth + 60, v._viewHeight + 60, [v._origin[0] + 30, v._origin[1] + 30], 1);
    return r.render((view.scenegraph() as unknown as { root: unknown }).root).svg();
  };
  return { view, svg };
}

describe('plot/noop-clips', () => {
  it('drops a clip that changes no pixel: the same PNG pixels without the clip path', () => {
    const { view, svg } = dots([3, 20, 50, 80, 97]);
    const clipped = svg();
    expect(clipped).to.include('clip-path=');
    expect(dropNoopClips((view.scenegraph() as unknown as { root: unknown }).root)).to.equal(1);
    const free = svg();
    expect(free).to.not.include('clip-path=');
    for (const scale of [1, 3]) {
      const a = rasterizeSvg(clipped, scale);
      const b = rasterizeSvg(free, scale);
      expect(Buffer.from(a.pixels).equals(Buffer.from(b.pixels)), `zoom ${scale}`).to.equal(true);
    }
    view.finalize();
  });

  it('keeps the clip when an item reaches within a pixel of the edge (a spike at the end of the run)', () => {
    for (const t of [0, 100, 99.8, 0.3]) {
      const { view, svg } = dots([20, 50, t]);
      expect(dropNoopClips((view.scenegraph() as unknown as { root: unknown }).root), `t = ${t}`).to.equal(0);
      expect(svg()).to.include('clip-path=');
      view.finalize();
    }
  });
});
