/**
 * CompNeuroPy's `save_variables` / `load_variables`, in files Python reads without this
 * library: `<name>.json` holds the value, `<name>.npz` (numpy's zip of `.npy` files, written with
 * npyjs and fflate) its arrays. Format (also in the README):
 * - an array becomes `{"__ndarray__": "arr_<k>"}`, the key of `arr_<k>.npy` in `<name>.npz`
 *   (float64 little-endian for Float64Array and recorded arrays, with their shape);
 * - NaN / ±Infinity become `{"__float__": "nan" | "inf" | "-inf"}`;
 * - `SimInfo` and `RecordingTimes` become objects with `"__class__"` and their fields in
 *   CompNeuroPy's names; spike dicts keep their ranks as JSON keys (strings).
 * @packageDocumentation
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fflateModule } from './fflate-module.js';
import { dump, parse } from 'npyjs';
import { decodeVariable, encodeVariable, type EncodedVariable, type StoredArray } from './variable-codec.js';

function savePath(fn: string, path: string | readonly string[], idx: number, n: number): string {
  if (typeof path === 'string') return path.endsWith('/') && path.length > 1 ? path.slice(0, -1) : path;
  if (!Array.isArray(path) || path.length !== n) {
    throw new Error(`${fn}: path must be a string or one path per variable (${n}), got ${Array.isArray(path) ? `${path.length} paths` : typeof path}`);
  }
  const p = path[idx];
  if (typeof p !== 'string') throw new Error(`${fn}: path[${idx}] must be a string`);
  return p.endsWith('/') && p.length > 1 ? p.slice(0, -1) : p;
}

function checkName(fn: string, name: unknown, idx: number): string {
  if (typeof name !== 'string' || name.length === 0 || /[/\\]/.test(name)) {
    throw new Error(`${fn}: nameList[${idx}] must be a file name without folders, got ${JSON.stringify(name)}`);
  }
  return name;
}

/**
 * Saves each variable to `<path>/<name>.json` (+ `<name>.npz` when it contains arrays), creating
 * the folder. Everything is converted before anything is written, so a value that cannot be
 * saved leaves the files as they were.
 *
 * @example
 * ```ts
 * saveVariables([recordings, recordingTimes], ['recordings', 'recording_times'], 'run_and_monitor_simulations');
 * ```
 */
export function saveVariables(variableList: readonly unknown[], nameList: readonly string[], path: string | readonly string[] = './'): void {
  const fn = 'saveVariables';
  if (!Array.isArray(variableList) || !Array.isArray(nameList)) throw new Error(`${fn}: variableList and nameList must be arrays`);
  if (variableList.length !== nameList.length) {
    throw new Error(`${fn}: ${variableList.length} variables but ${nameList.length} names`);
  }
  const jobs: { dir: string; name: string; enc: EncodedVariable }[] = variableList.map((v, i) => {
    const name = checkName(fn, nameList[i], i);
    return { dir: savePath(fn, path, i, variableList.length), name, enc: encodeVariable(v, `"${name}"`) };
  });
  const files = jobs.map(({ dir, name, enc }) => {
    const npz: Record<string, Uint8Array> = {};
    for (const [key, a] of enc.arrays) npz[`${key}.npy`] = new Uint8Array(dump(a.data, a.shape));
    return {
      dir, name,
      json: JSON.stringify(enc.json),
      npz: enc.arrays.size > 0 ? fflateModule().zipSync(npz, { level: 0 }) : undefined,
    };
  });
  for (const f of files) {
    mkdirSync(f.dir, { recursive: true });
    writeFileSync(join(f.dir, `${f.name}.json`), f.json);
    const npzPath = join(f.dir, `${f.name}.npz`);
    if (f.npz) writeFileSync(npzPath, f.npz);
    else if (existsSync(npzPath)) rmSync(npzPath); // a stale array file would belong to an older value
  }
}

function readArrays(npzPath: string): Map<string, StoredArray> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = fflateModule().unzipSync(new Uint8Array(readFileSync(npzPath)));
  } catch (e) {
    throw new Error(`loadVariables: "${npzPath}" is not a readable .npz file (${(e as Error).message})`);
  }
  const out = new Map<string, StoredArray>();
  for (const [entry, bytes] of Object.entries(entries)) {
    if (!entry.endsWith('.npy')) continue;
    let arr;
    try {
      arr = parse(bytes.slice().buffer);
    } catch (e) {
      throw new Error(`loadVariables: "${npzPath}" entry "${entry}" is not a valid .npy array (${(e as Error).message})`);
    }
    if (arr.fortranOrder) throw new Error(`loadVariables: "${npzPath}" entry "${entry}" is in Fortran order, which is not supported`);
    if (!(ArrayBuffer.isView(arr.data)) || arr.data instanceof BigInt64Array || arr.data instanceof BigUint64Array) {
      throw new Error(`loadVariables: "${npzPath}" entry "${entry}" has dtype ${arr.dtype}, which is not supported`);
    }
    out.set(entry.slice(0, -4), { data: arr.data as StoredArray['data'], shape: arr.shape });
  }
  return out;
}

/**
 * Loads variables saved by {@link saveVariables}: `{ name: value }`. Arrays come back as
 * Float64Array (1-D) or RecordedArray, SimInfo and RecordingTimes as themselves. A missing or
 * corrupt file is an error naming it.
 *
 * @example
 * ```ts
 * const { recordings, recording_times } = loadVariables(['recordings', 'recording_times'], 'run_and_monitor_simulations');
 * ```
 */
export function loadVariables(nameList: readonly string[], path: string | readonly string[] = './'): Record<string, unknown> {
  const fn = 'loadVariables';
  if (!Array.isArray(nameList)) throw new Error(`${fn}: nameList must be an array of names`);
  const out: Record<string, unknown> = {};
  nameList.forEach((n, i) => {
    const name = checkName(fn, n, i);
    const dir = savePath(fn, path, i, nameList.length);
    const jsonPath = join(dir, `${name}.json`);
    if (!existsSync(jsonPath)) throw new Error(`${fn}: file "${jsonPath}" does not exist (variable "${name}")`);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(jsonPath, 'utf8'));
    } catch (e) {
      throw new Error(`${fn}: "${jsonPath}" is not valid JSON (${(e as Error).message})`);
    }
    const npzPath = join(dir, `${name}.npz`);
    const arrays = existsSync(npzPath) ? readArrays(npzPath) : new Map<string, StoredArray>();
    out[name] = decodeVariable(json, arrays, `"${jsonPath}"`);
  });
  return out;
}
