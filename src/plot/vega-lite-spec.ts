/**
 * A Vega-Lite specification as plain JSON data (Vega-Lite: specs are data). Declared here
 * rather than as vega-lite's `TopLevelSpec` because vega-lite's types pull in vega's runtime
 * types, which need the DOM lib: a Node project would fail to type-check this library's
 * declarations. Pass it to vega-embed as is, or cast it to `TopLevelSpec` for vega-lite's checks.
 *
 * @example
 * ```ts
 * const spec: VegaLiteSpec = buildPlotSpec(opts).spec;
 * vegaEmbed('#vis', spec as unknown as TopLevelSpec);
 * ```
 */
export interface VegaLiteSpec {
  $schema?: string;
  [key: string]: unknown;
}
