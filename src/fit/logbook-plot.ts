/**
 * DeapCma's figure as a Vega-Lite spec: min/avg/max loss per generation on a log axis
 * (CompNeuroPy's matplotlib figure, 10 x 5 inches), with the best parameters per generation
 * in a second panel.
 */
import type { VegaLiteSpec } from '../plot/vega-lite-spec.js';
import type { Logbook } from './logbook.js';

/**
 * The logbook figure.
 *
 * @example
 * ```ts
 * const spec = logbookPlotSpec(result.logbook, { a: [1, 2], b: [3, 4] });
 * ```
 */
export function logbookPlotSpec(logbook: Logbook, params: Record<string, readonly number[]> = {}): VegaLiteSpec {
  const loss = logbook.records.flatMap((r) =>
    (['min', 'avg', 'max'] as const).filter((k) => r[k] > 0).map((k) => ({ gen: r.gen, loss: r[k], series: k })),
  );
  const lossLayer = {
    width: 900,
    height: 380,
    data: { values: loss },
    mark: { type: 'line' as const },
    encoding: {
      x: { field: 'gen', type: 'quantitative' as const, title: 'Generation' },
      y: { field: 'loss', type: 'quantitative' as const, title: 'Loss', scale: { type: 'log' as const } },
      color: { field: 'series', type: 'nominal' as const, title: null, sort: ['min', 'avg', 'max'] },
    },
  };
  const names = Object.keys(params);
  if (names.length === 0) return { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', ...lossLayer } as VegaLiteSpec;
  const values = names.flatMap((p) => params[p]!.map((v, gen) => ({ gen, value: v, parameter: p })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    resolve: { scale: { color: 'independent' } },
    vconcat: [
      lossLayer,
      {
        width: 900,
        height: 200,
        data: { values },
        mark: { type: 'line' },
        encoding: {
          x: { field: 'gen', type: 'quantitative', title: 'Generation' },
          y: { field: 'value', type: 'quantitative', title: 'best parameters (scaled to bounds)', scale: { zero: false } },
          color: { field: 'parameter', type: 'nominal', title: null },
        },
      },
    ],
  } as VegaLiteSpec;
}
