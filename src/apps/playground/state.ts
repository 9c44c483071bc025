/**
 * The playground's page state: everything a run depends on (model text, parameter values,
 * protocol, sweep, duration, time step, what is recorded), as plain data. It lives in the URL
 * (`#s=` + base64url JSON), so a link reproduces the run, and it is what the exported script is
 * written from.
 */
import { PROTOCOLS, type ProtocolKind, type ProtocolState } from './protocols.js';
import { validateFit, type FitState } from './fit-state.js';

/**
 * Several neurons with one attribute spread evenly from `from` to `to` (`n` = 1: no sweep, one
 * neuron with the attribute as the parameters set it).
 *
 * @example
 * ```ts
 * const s: SweepState = { attr: 'I_app', from: 0, to: 100, n: 20 };
 * ```
 */
export interface SweepState {
  attr: string;
  from: number;
  to: number;
  n: number;
}

/**
 * Everything a playground run depends on.
 *
 * @example
 * ```ts
 * const s = defaultState(presetSource, 'H_and_H_Bischop');
 * location.hash = encodeState(s);
 * ```
 */
export interface PlaygroundState {
  /** The editor text (sections under headers, see sections.ts). */
  source: string;
  /** The model's name (the preset it started from). */
  name: string;
  /** Parameter values set in the page, by name (the rest keep the model's values). */
  params: Record<string, number>;
  protocol: ProtocolState;
  sweep: SweepState;
  /** Simulated time in ms. */
  duration: number;
  /** Time step in ms. */
  dt: number;
  /** The variable plotted as traces. */
  record: string;
  /** Sampling period of the traces in steps. */
  periodSteps: number;
  /** Simulated ms per second of wall time; 0: as fast as possible. */
  speed: number;
  /** Seed of the random numbers (noisy models). */
  seed: number;
  /** The fit settings, once the page's fit panel has a parameter chosen (fit-state.ts). */
  fit?: FitState;
}

/**
 * The state the page starts with for a model: a 1 s current step on one neuron, v recorded every
 * 0.1 ms at dt = 0.01 ms.
 *
 * @example
 * ```ts
 * defaultState(presetByName('LIF')!.source, 'LIF').protocol.kind; // 'currentStep'
 * ```
 */
export function defaultState(source: string, name: string): PlaygroundState {
  return {
    source,
    name,
    params: {},
    protocol: { kind: 'currentStep', values: { ...PROTOCOLS.currentStep.fields } },
    sweep: { attr: 'I_app', from: 0, to: 100, n: 1 },
    duration: 1000,
    dt: 0.01,
    record: 'v',
    periodSteps: 10,
    speed: 1000,
    seed: 1,
  };
}

function fail(field: string, expected: string, got: unknown): never {
  throw new Error(`playground state: ${field} must be ${expected}, got ${JSON.stringify(got) ?? String(got)}`);
}

function num(o: Record<string, unknown>, field: string, check: (v: number) => boolean, expected: string): number {
  const v = o[field];
  if (typeof v !== 'number' || !Number.isFinite(v) || !check(v)) fail(field, expected, v);
  return v;
}

function str(o: Record<string, unknown>, field: string, pattern?: RegExp): string {
  const v = o[field];
  if (typeof v !== 'string' || (pattern !== undefined && !pattern.test(v))) fail(field, pattern ? `a string matching ${String(pattern)}` : 'a string', v);
  return v;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NAME = /^[A-Za-z0-9_ .()-]+$/;

/**
 * Check a state read from outside (a URL, a file): every field present with the right type and
 * range; errors name the field and what was expected.
 *
 * @example
 * ```ts
 * validateState(JSON.parse(text)); // throws 'playground state: dt must be a positive number, got 0'
 * ```
 */
export function validateState(x: unknown): PlaygroundState {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) fail('the state', 'an object', x);
  const o = x as Record<string, unknown>;
  const known = ['source', 'name', 'params', 'protocol', 'sweep', 'duration', 'dt', 'record', 'periodSteps', 'speed', 'seed', 'fit'];
  for (const k of Object.keys(o)) if (!known.includes(k)) throw new Error(`playground state: unknown field "${k}"; expected ${known.join(', ')}`);
  const params = o.params;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) fail('params', 'an object of numbers', params);
  for (const [k, v] of Object.entries(params as Record<string, unknown>)) {
    if (!IDENT.test(k)) fail('params', 'keyed by attribute names', k);
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`params.${k}`, 'a finite number', v);
  }
  const p = o.protocol as Record<string, unknown> | null;
  if (p === null || typeof p !== 'object') fail('protocol', 'an object { kind, values, attr? }', p);
  const kind = p.kind as ProtocolKind;
  if (typeof kind !== 'string' || !(kind in PROTOCOLS)) fail('protocol.kind', `one of ${Object.keys(PROTOCOLS).join(', ')}`, kind);
  const values = p.values as Record<string, unknown> | null;
  if (values === null || typeof values !== 'object') fail('protocol.values', 'an object of numbers', values);
  for (const [k, v] of Object.entries(values)) {
    if (!(k in PROTOCOLS[kind].fields)) fail('protocol.values', `keyed by ${Object.keys(PROTOCOLS[kind].fields).join(', ') || '(nothing)'}`, k);
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`protocol.values.${k}`, 'a finite number', v);
  }
  if (p.attr !== undefined && (typeof p.attr !== 'string' || !IDENT.test(p.attr))) fail('protocol.attr', 'an attribute name', p.attr);
  const sw = o.sweep as Record<string, unknown> | null;
  if (sw === null || typeof sw !== 'object') fail('sweep', 'an object { attr, from, to, n }', sw);
  const sweep: SweepState = {
    attr: str(sw, 'attr', /^([A-Za-z_][A-Za-z0-9_]*)?$/),
    from: num(sw, 'from', () => true, 'a finite number'),
    to: num(sw, 'to', () => true, 'a finite number'),
    n: num(sw, 'n', (v) => Number.isInteger(v) && v >= 1 && v <= 1000, 'an integer from 1 to 1000'),
  };
  if (sweep.n > 1 && sweep.attr === '') fail('sweep.attr', 'the attribute swept across the neurons', sweep.attr);
  return {
    source: str(o, 'source'),
    name: str(o, 'name', NAME),
    params: { ...(params as Record<string, number>) },
    protocol: { kind, values: { ...(values as Record<string, number>) }, ...(p.attr !== undefined ? { attr: p.attr as string } : {}) },
    sweep,
    duration: num(o, 'duration', (v) => v > 0 && v <= 1e6, 'a positive number of ms (at most 1e6)'),
    dt: num(o, 'dt', (v) => v > 0 && v <= 10, 'a positive number of ms (at most 10)'),
    record: str(o, 'record', IDENT),
    periodSteps: num(o, 'periodSteps', (v) => Number.isInteger(v) && v >= 1, 'a positive integer number of steps'),
    speed: num(o, 'speed', (v) => v >= 0, 'a non-negative number (0: as fast as possible)'),
    seed: num(o, 'seed', (v) => Number.isInteger(v) && v >= 0, 'a non-negative integer'),
    ...(o.fit !== undefined ? { fit: validateFit(o.fit) } : {}),
  };
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('playground state: the link is damaged (not base64url)');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/**
 * The state as a URL fragment: `s=` + base64url of its UTF-8 JSON.
 *
 * @example
 * ```ts
 * location.hash = encodeState(state); // '#s=eyJzb3VyY2Ui...'
 * ```
 */
export function encodeState(s: PlaygroundState): string {
  return `s=${toBase64Url(new TextEncoder().encode(JSON.stringify(s)))}`;
}

/**
 * The state of a URL fragment written by {@link encodeState} (with or without the `#`), validated;
 * undefined when the fragment holds no state.
 *
 * @example
 * ```ts
 * const s = decodeState(location.hash) ?? defaultState(source, name);
 * ```
 */
export function decodeState(hash: string): PlaygroundState | undefined {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const m = /(?:^|&)s=([^&]*)/.exec(h);
  if (!m) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(m[1]!)));
  } catch (e) {
    throw new Error(`playground state: the link is damaged (${e instanceof Error ? e.message : String(e)})`);
  }
  return validateState(json);
}
