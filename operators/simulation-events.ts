import { Observable } from 'rxjs';
import type { Network } from '../src/engine/network.js';
import { currentNetwork } from '../src/engine/magic-network.js';
import type { Population } from '../src/engine/population.js';
import { getNumberOfDecimals, roundTo } from '../src/analysis/number-of-decimals.js';
import { runSync } from '../src/stream/simulate.js';
import type { SimulationFrame } from '../src/stream/simulation-frame.js';
import { checkDriveOptions, driveSteps, type DriveOptions } from '../src/stream/step-driver.js';

/**
 * Options of {@link SimulationEvents.addEvent} (CompNeuroPy `add_event`); onsets and delays are in steps.
 *
 * @example
 * ```ts
 * const ev: AddEventOptions = { name: 'stim', onset: 100, effect: () => { getPopulation('HH_Bischop').I_app = 10; } };
 * sim.addEvent(ev);
 * ```
 */
export interface AddEventOptions {
  name: string;
  /** Step of the event, relative to the start of `run()`. */
  onset?: number;
  /** Name of a population whose `decision[0] == -1` triggers the event. */
  modelTrigger?: string;
  /** Condition like `"happened_event_list==[a, b] and (mode==x or mode==y)"`. */
  requirementString?: string;
  /** What the event does (never simulate inside). */
  effect?: () => void;
  /** Events this one triggers, with their delay in steps (or a function returning it, called when this event runs). */
  trigger?: Record<string, number | (() => number)>;
}

/**
 * One event of a {@link SimulationEvents} list: its options and the step it is due (`onset`, undefined
 * until it is triggered).
 * @example
 * ```ts
 * const ev: SimEvent = { name: 'stim', onset: 100, effect: () => {} };
 * ```
 */
export interface SimEvent extends AddEventOptions {
  onset: number | undefined;
}

/**
 * Options of the {@link SimulationEvents} constructor.
 *
 * @example
 * ```ts
 * const o: SimulationEventsOptions = { verbose: true };
 * new SimulationEvents(o);
 * ```
 */
export interface SimulationEventsOptions {
  /** Print what happens (CompNeuroPy's verbose). */
  verbose?: boolean;
  /** Network to simulate (default: the global network at run time). */
  network?: Network;
}

/**
 * CompNeuroPy's `SimulationEvents`: a trial made of events. Each event has an onset (in steps), or
 * is triggered by another event after a delay, or by a population (`decision[0] == -1`); it runs
 * its effect, then the network simulates until the next event. The `end` event stops the run.
 * `run()` is synchronous; `run$()` is the same trial as a cold Observable of frames.
 *
 * Model triggers stop the simulation after the first step in which `decision[0] == -1` of the
 * population (CompNeuroPy relies on the population's ANNarchy `stop_condition` for this through
 * `simulate_until`; this port checks `decision` directly).
 *
 * @example
 * ```ts
 * class MySim extends SimulationEvents {
 *   p = 0.8;
 *   effect1 = () => { getPopulation('pop').I_app = this.p; };
 *   effect2 = () => { getPopulation('pop').I_app = 0; };
 * }
 * const sim = new MySim();
 * sim.addEvent({ name: 'start', trigger: { event1: 100 } });
 * sim.addEvent({ name: 'event1', effect: sim.effect1, trigger: { event2: 200 } });
 * sim.addEvent({ name: 'event2', effect: sim.effect2, trigger: { end: 300 } });
 * sim.run();   // 600 steps
 * ```
 */
export class SimulationEvents {
  verbose: boolean;
  /** Read by `mode==x` requirements. */
  mode: unknown = undefined;
  end = false;
  happenedEventList: string[] = [];
  eventList: SimEvent[] = [];
  eventNameList: string[] = [];
  modelTriggerList: string[] = [];
  pastModelTriggerList: string[] = [];
  private readonly storedEventList: AddEventOptions[] = [];
  private calledDuringRestore = false;
  private runEventList: string[] = [];
  private readonly network: Network | undefined;
  private running = false;

  constructor(opts: SimulationEventsOptions = {}) {
    this.verbose = opts.verbose ?? false;
    this.network = opts.network;
    this.initialize();
    this.addEvent({ name: 'end', effect: () => this.endSim() });
  }

  private get net(): Network {
    return this.network ?? currentNetwork();
  }

  private initialize(): void {
    if (this.verbose) console.log('initialize locals');
    this.eventList = [];
    this.eventNameList = [];
    this.end = false;
    this.happenedEventList = [];
    this.modelTriggerList = [];
    this.pastModelTriggerList = [];
  }

  private endSim(): void {
    this.end = true;
  }

  /**
   * Add an event (CompNeuroPy `add_event`). Names must be unique; triggered names must exist when
   * the trigger fires.
   *
   * @example
   * ```ts
   * sim.addEvent({ name: 'stim', onset: 100, effect: () => (pop.I_app = 5), trigger: { end: 50 } });
   * ```
   */
  addEvent(opts: AddEventOptions): void {
    if (opts === null || typeof opts !== 'object' || typeof opts.name !== 'string') throw new Error('addEvent: expected { name, onset, modelTrigger, requirementString, effect, trigger } with a string name');
    if (this.eventNameList.includes(opts.name)) throw new Error(`addEvent: an event named "${opts.name}" already exists`);
    if (opts.onset !== undefined && !Number.isInteger(opts.onset)) throw new Error(`addEvent: onset of "${opts.name}" must be an integer number of steps, got ${String(opts.onset)}`);
    if (opts.effect !== undefined && typeof opts.effect !== 'function') throw new Error(`addEvent: effect of "${opts.name}" must be a function`);
    if (opts.trigger !== undefined) {
      for (const [k, d] of Object.entries(opts.trigger)) {
        if (typeof d !== 'function' && !Number.isInteger(d)) throw new Error(`addEvent: trigger delay of "${k}" in "${opts.name}" must be an integer number of steps or a function returning one`);
      }
    }
    this.eventList.push({ ...opts, onset: opts.onset });
    this.eventNameList.push(opts.name);
    if (!this.calledDuringRestore) this.storedEventList.push({ ...opts });
  }

  private restoreEventList(): void {
    this.calledDuringRestore = true;
    try {
      for (const e of this.storedEventList) this.addEvent(e);
    } finally {
      this.calledDuringRestore = false;
    }
  }

  /**
   * Run the trial synchronously until the end event (CompNeuroPy `run`); the events are restored
   * afterwards so it can run again.
   */
  run(): void {
    runSync(this.run$());
  }

  /**
   * The trial as a cold Observable: one frame per simulated step; completes after the end event.
   * Errors (an effect throwing, a bad requirement string, a trial that could never end) arrive as
   * its error; the events are restored in every case.
   *
   * @example
   * ```ts
   * sim.run$({ scheduler: asyncScheduler }).pipe(sampleTime(50)).subscribe(draw);
   * ```
   */
  run$(options: DriveOptions = {}): Observable<SimulationFrame> {
    checkDriveOptions('SimulationEvents.run$', options);
    return new Observable<SimulationFrame>((subscriber) => {
      if (this.running) {
        subscriber.error(new Error('SimulationEvents: run() is already running'));
        return;
      }
      const net = this.net;
      let pending = 0; // steps left of the current simulate()
      let untilPops: Population[] | null = null;
      try {
        if (!net.compiled) net.compile();
        this.running = true;
        const now = net.getCurrentStep();
        for (const e of this.eventList) if (e.onset !== undefined) e.onset = now + e.onset;
        const triggered = this.eventList.flatMap((e) => Object.keys(e.trigger ?? {}));
        for (const e of this.eventList) {
          if (e.onset === undefined && e.modelTrigger === undefined && !triggered.includes(e.name)) {
            e.onset = now;
            if (this.verbose) console.log(`${e.name} set onset to start of run`);
          }
        }
      } catch (e) {
        this.running = false;
        subscriber.error(e);
        return;
      }
      return driveSteps(net, {
        beforeStep: () => {
          if (pending > 0) {
            pending--;
            return true;
          }
          while (!this.end) {
            this.runEventList = [];
            this.runModelTriggerEvents();
            this.runCurrentEvents();
            if (this.end) {
              if (this.verbose) console.log('end event triggered --> end simulation');
              break;
            }
            const ms = this.getNextEventsTime();
            this.modelTriggerList = this.getModelTriggerList();
            if (this.verbose) console.log(`check_triggers: [${this.modelTriggerList.join(', ')}]`);
            untilPops = this.modelTriggerList.length > 0 ? this.modelTriggerList.map((n) => net.getPopulation(n)) : null;
            let n: number;
            if (ms === Infinity) {
              if (untilPops === null) throw new Error('SimulationEvents: no future event and no model trigger, but the end event has not run: the simulation would never end (trigger "end")');
              n = Infinity;
            } else n = net.stepsFor(ms);
            if (n > 0) {
              pending = n - 1;
              return true;
            }
          }
          return false;
        },
        afterStep: () => {
          // simulate_until: stop after the first step where a trigger population decided
          if (untilPops !== null && pending > 0) {
            for (const p of untilPops) {
              if (Math.trunc((p.decision as Float64Array)[0]!) === -1) {
                pending = 0;
                break;
              }
            }
          }
        },
        finish: () => {
          this.running = false;
          this.initialize();
          this.restoreEventList();
        },
      }, subscriber, options);
    });
  }

  private runEvent(e: SimEvent): void {
    if (!this.checkRequirements(e)) return;
    const net = this.net;
    if (this.verbose) console.log(`run event: ${e.name} ${net.getTime()}`);
    if (e.onset === undefined) e.onset = net.getCurrentStep();
    e.effect?.();
    if (e.trigger) {
      for (const [name, delay] of Object.entries(e.trigger)) {
        const idx = this.eventNameList.indexOf(name);
        if (idx < 0) throw new Error(`SimulationEvents: event "${e.name}" triggers "${name}", which was never added; events: ${this.eventNameList.join(', ')}`);
        const d = typeof delay === 'function' ? delay() : delay;
        if (!Number.isInteger(d)) throw new Error(`SimulationEvents: the delay of "${name}" returned by "${e.name}" must be an integer number of steps, got ${String(d)}`);
        this.eventList[idx]!.onset = e.onset + d;
      }
    }
    this.happenedEventList.push(e.name);
  }

  private runCurrentEvents(): void {
    const step = this.net.getCurrentStep();
    let eventRun = true;
    while (eventRun) {
      eventRun = false;
      for (const e of this.eventList) {
        if (e.onset === step && !this.runEventList.includes(e.name) && this.checkRequirements(e)) {
          this.runEvent(e);
          eventRun = true;
          this.runEventList.push(e.name);
        }
      }
    }
  }

  private runModelTriggerEvents(): void {
    for (const mt of this.modelTriggerList) {
      const pop = this.net.getPopulation(mt);
      if (!pop.attributes.includes('decision')) throw new Error(`SimulationEvents: model trigger population "${mt}" has no variable "decision"`);
      if (Math.trunc((pop.decision as Float64Array)[0]!) === -1) {
        for (const e of this.eventList) {
          if (e.modelTrigger === mt) {
            this.runEvent(e);
            this.runEventList.push(e.name);
          }
        }
        this.pastModelTriggerList.push(mt);
      }
    }
  }

  /** Time in ms to the nearest future onset, rounded to the dt grid as CompNeuroPy does. */
  private getNextEventsTime(): number {
    const now = this.net.getCurrentStep();
    let next = Infinity;
    for (const e of this.eventList) {
      if (e.onset === undefined) continue;
      if (e.onset > now && e.onset - now < next) next = e.onset - now;
    }
    if (next === Infinity) return Infinity;
    const dt = this.net.dt;
    return roundTo(next * dt, getNumberOfDecimals(dt));
  }

  private getModelTriggerList(): string[] {
    const out: string[] = [];
    for (const e of this.eventList) {
      if (e.modelTrigger !== undefined && !this.pastModelTriggerList.includes(e.modelTrigger) && this.checkRequirements(e)) out.push(e.modelTrigger);
    }
    return out;
  }

  private checkRequirements(e: SimEvent): boolean {
    return e.requirementString === undefined ? true : this.evalRequirementString(e.requirementString);
  }

  /** CompNeuroPy's requirement strings: `==` terms on `mode` and `happened_event_list`, joined by and/or and parentheses. */
  private evalRequirementString(req: string): boolean {
    const parts = req.split(' and ').map((s) => s.split(' or '));
    const out: string[] = [];
    parts.forEach((sub, i) => {
      sub.forEach((term, j) => {
        out.push(this.conditionPart(term));
        if (j < sub.length - 1) out.push('or');
        else if (i < parts.length - 1) out.push('and');
      });
    });
    return evalBoolean(out.join(' '), req);
  }

  private conditionPart(s: string): string {
    const str = s.split(/\s+/).join('');
    if (str.length === 0) throw new Error('SimulationEvents: empty term in a requirement string');
    if (str[0] === '(') return `( ${this.conditionPart(str.slice(1))}`;
    if (str[str.length - 1] === ')') return `${this.conditionPart(str.slice(0, -1))} )`;
    return this.evalConditionPart(str) ? 'True' : 'False';
  }

  private evalConditionPart(s: string): boolean {
    const [v, val] = s.split('==') as [string, string | undefined];
    if (val === undefined) throw new Error(`SimulationEvents: requirement term "${s}" must have the form mode==x or happened_event_list==[a, b]`);
    if (v === 'mode') return this.mode === val;
    if (v === 'happened_event_list') {
      const names = val.replace(/^\[+|\]+$/g, '').split(',').map((x) => x.trim());
      return names.every((n) => this.happenedEventList.includes(n));
    }
    throw new Error(`SimulationEvents: requirement term "${s}": only mode==... and happened_event_list==[...] are supported`);
  }
}

/** Evaluate a string of True/False/and/or/parentheses with Python's precedence (and before or). */
function evalBoolean(expr: string, source: string): boolean {
  const tokens = expr.split(/\s+/).filter(Boolean);
  let i = 0;
  const bad = (): never => {
    throw new Error(`SimulationEvents: cannot read the requirement string "${source}"`);
  };
  const atom = (): boolean => {
    const t = tokens[i++];
    if (t === 'True') return true;
    if (t === 'False') return false;
    if (t === '(') {
      const v = or();
      if (tokens[i++] !== ')') bad();
      return v;
    }
    return bad();
  };
  const and = (): boolean => {
    let v = atom();
    while (tokens[i] === 'and') {
      i++;
      const r = atom();
      v = v && r;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (tokens[i] === 'or') {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  const v = or();
  if (i !== tokens.length) bad();
  return v;
}
