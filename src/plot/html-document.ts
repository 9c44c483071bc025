/**
 * Self-contained HTML figures (Node only: fs, zlib, module resolution). The page carries vega,
 * vega-lite and vega-embed and the spec gzip-compressed in base64, and inflates them with the
 * browser's DecompressionStream: a figure of 100 traces x 3000 samples is ~1.5 MB instead of
 * ~8 MB, and still opens from disk without a network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { VegaLiteSpec } from './vega-lite-spec.js';

/** Marks a `values` array stored by columns in the packed spec. */
const COLUMNS = '__columns__';

/** A file beside a package's resolved main file (exports maps hide UMD builds and fonts). */
export function packageFile(pkg: string, file: string): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve(pkg)), file);
}

/**
 * Numbers kept to 6 significant digits: one part in a million of the value, far below a pixel of
 * any figure, and digits that compress. Integers stay exact.
 */
function round6(x: number): number {
  return Number.isInteger(x) || !Number.isFinite(x) ? x : Number(x.toPrecision(6));
}

/**
 * The spec with every inline `values` table of row objects stored by columns (one key list, one
 * array per field) and its numbers rounded by {@link round6}.
 */
function packSpec(node: unknown): unknown {
  if (typeof node === 'number') return round6(node);
  if (Array.isArray(node)) return node.map(packSpec);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    const rows = k === 'values' && Array.isArray(v) && v.length > 0 && v.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r));
    if (rows) {
      const fields = [...new Set((v as Record<string, unknown>[]).flatMap((r) => Object.keys(r)))];
      // a field a row lacks becomes null, which Vega treats alike (an invalid value)
      const columns = fields.map((f) => (v as Record<string, unknown>[]).map((r) => (f in r ? packSpec(r[f]) : null)));
      out[k] = { [COLUMNS]: fields, columns };
    } else {
      out[k] = packSpec(v);
    }
  }
  return out;
}

const b64gzip = (text: string): string => gzipSync(Buffer.from(text, 'utf8'), { level: 9 }).toString('base64');

/** The page's script: inflate, evaluate the libraries, restore the row tables, embed. */
const LOADER = `
const inflate = async (b64) => {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
};
const unpack = (node) => {
  if (Array.isArray(node)) return node.map(unpack);
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node.${COLUMNS})) {
    const f = node.${COLUMNS}, c = node.columns, n = c.length ? c[0].length : 0, rows = new Array(n);
    for (let i = 0; i < n; i++) { const r = {}; for (let j = 0; j < f.length; j++) r[f[j]] = c[j][i]; rows[i] = r; }
    return rows;
  }
  const out = {};
  for (const k of Object.keys(node)) out[k] = unpack(node[k]);
  return out;
};
(async () => {
  for (const el of document.querySelectorAll('script[type="application/gzip+base64"][data-lib]')) (0, eval)(await inflate(el.textContent.trim()));
  const spec = unpack(JSON.parse(await inflate(document.getElementById('spec').textContent.trim())));
  window.vegaView = (await vegaEmbed('#vis', spec, { renderer: 'canvas', actions: true })).view;
  document.body.dataset.ready = 'true';
})().catch((e) => { console.error(e); document.body.dataset.error = String(e); });
`;

/**
 * A self-contained HTML page that embeds a Vega-Lite spec with vega-embed. The libraries come
 * from node_modules (no CDN) and, with the data, are gzip-compressed; data numbers are kept to 6
 * significant digits. Once the figure is drawn, `document.body.dataset.ready` is `'true'` and
 * `window.vegaView` is the Vega view.
 *
 * @example
 * ```ts
 * writeFileSync('fig.html', htmlDocument(spec, 'my figure'));
 * ```
 */
export function htmlDocument(spec: VegaLiteSpec, title: string): string {
  const libs = [packageFile('vega', 'vega.min.js'), packageFile('vega-lite', 'vega-lite.min.js'), packageFile('vega-embed', 'vega-embed.min.js')];
  const libTags = libs.map((f, k) => `<script type="application/gzip+base64" data-lib="${k}">${b64gzip(readFileSync(f, 'utf8'))}</script>`).join('\n');
  const specTag = `<script type="application/gzip+base64" id="spec">${b64gzip(JSON.stringify(packSpec(spec)))}</script>`;
  const esc = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>${esc}</title>
</head>
<body>
<div id="vis"></div>
${libTags}
${specTag}
<script>${LOADER}</script>
</body>
</html>
`;
}
