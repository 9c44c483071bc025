/**
 * The libraries the lazy loaders take from Node's `require` (lazy-module.ts), bundled statically
 * for pages and handed over. The browser entry imports this first; a page that bundles the
 * library's source files directly imports it too (the published dist is bundled: there the
 * browser entry is the way in).
 *
 * @example
 * ```ts
 * import './browser-modules.js'; // first line of src/browser-entry.ts
 * ```
 */
import mathjs from 'mathjs/lib/browser/math.js';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import * as arquero from 'arquero';
import erf from '@stdlib/math-base-special-erf';
import * as flechette from '@uwdata/flechette';
import * as mlMatrix from 'ml-matrix';
import jStat from 'jstat';
import FFT from 'fft.js';
import * as acorn from 'acorn';
import { provideModule } from './language/lazy-module.js';

provideModule('mathjs', mathjs);
provideModule('vega', vega);
provideModule('vega-lite', vegaLite);
provideModule('arquero', arquero);
provideModule('@stdlib/math-base-special-erf', erf);
provideModule('@uwdata/flechette', flechette);
provideModule('ml-matrix', mlMatrix);
provideModule('jstat', jStat);
provideModule('fft.js', FFT);
provideModule('acorn', acorn);
