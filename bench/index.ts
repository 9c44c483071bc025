// `npm run bench`: speed and memory targets (medians; the machine is shared and noisy).
import { printTable, type BenchRow } from './bench-utils.js';
import { engineRows } from './engine.js';

const rows: BenchRow[] = [];
rows.push(...engineRows());
printTable(rows);
