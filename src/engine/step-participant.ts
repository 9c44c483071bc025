import type { Network } from './network.js';

/**
 * What the network calls on projections and other step participants, in the order of
 * annarchy-semantics §2.1. Every hook is optional.
 */
export interface StepParticipant {
  /** Called by `network.compile()` before the first step. */
  compile?(net: Network): void;
  /** Step 2: accumulate inputs (rate sums, spike delivery). */
  $computeInputs?(step: number): void;
  /** Step 4: random draws of synaptic equations. */
  $drawRandoms?(step: number): void;
  /** Step 6: push delayed values (after all neuron updates). */
  $pushDelays?(step: number): void;
  /** Step 8: continuous synaptic equations. */
  $updateSynapses?(step: number): void;
  /** Step 9: post-synaptic events. */
  $postEvents?(step: number): void;
  /** Step 10: structural plasticity (`creating`, then after all projections `pruning`). @internal */
  $structural?: { creating(step: number): void; pruning(step: number): void } | undefined;
  /** Global reset. */
  reset?(opts: { populations: boolean; projections: boolean; synapses: boolean }): void;
}

/**
 * Something that records during a step (ANNarchy monitors).
 *
 * @example
 * ```ts
 * const r: Recorder = new Monitor(pop, ['v']);   // monitors record in steps 3 and 11
 * ```
 */
export interface Recorder {
  /** Step 3: inputs (`g_target`, `sum(target)`), after accumulation, before the update. */
  recordTargets(step: number): void;
  /** Step 11: all other variables and the spikes of this step. */
  record(step: number): void;
  /** Called at compile for recorders created before compile. */
  onCompile?(step: number): void;
  /** A simulation run ended (`network.endRun()`): recorders that batch may deliver now. */
  runEnded?(): void;
  /** Drop the recorded data (global reset with `monitors: true`). */
  clearData?(): void;
  /**
   * The variables of `population` this recorder reads in `record()`. A recorder without this
   * method is taken to read every variable of every population.
   */
  reads?(population: object): readonly string[];
}
