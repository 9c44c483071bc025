// `npx tsx bench/fit-only.ts`: only the fitting and runner rows of `npm run bench`.
import { printTable } from './bench-utils.js';
import { cmaRows, fitRows } from './fit.js';
printTable([...cmaRows(), ...(await fitRows())]);
