import { expect } from 'chai';
import { liveRaster, liveRasterSpec } from '../../src/plot/live-raster.js';
import { LIVE_DATASET } from '../../src/plot/live-plot.js';
import { of } from 'rxjs';

// Drawing needs a browser (spec/browser/live-streams.e2e.ts); here the spec and the checks.
describe('plot/live-raster', () => {
  it('ticks at (t, rank) over the live dataset, one colour per population', () => {
    const spec = liveRasterSpec({ height: 120, title: 'spikes' }) as Record<string, any>;
    expect(spec.data).to.deep.equal({ name: LIVE_DATASET });
    expect(spec.mark.type).to.equal('tick');
    expect([spec.encoding.x.field, spec.encoding.y.field, spec.encoding.color.field]).to.deep.equal(['t', 'value', 'series']);
    expect([spec.height, spec.title]).to.deep.equal([120, 'spikes']);
  });

  it('bad input names the argument', () => {
    expect(() => liveRaster(null as never, of([]))).to.throw('liveRaster: element must be a DOM element to embed the raster in');
    expect(() => liveRaster({} as never, of([]), { window: -1 })).to.throw('liveRaster: window (ms) must be a positive number, got -1');
  });
});
