import type { Population } from './population.js';
import type { Recorder, StepParticipant } from './step-participant.js';
import { freshFunction } from '../language/fresh-function.js';

/** One simulation step at step index `t`, ending with `currentStep = t + 1`. */
export type StepFunction = (t: number) => void;

/** What {@link compileStepFunction} reads of a network (its current make-up). */
export interface StepNetwork {
  currentStep: number;
  structuralPlasticity: boolean;
  readonly populationsList: readonly Population[];
  readonly projectionsList: readonly StepParticipant[];
  readonly recorders: readonly Recorder[];
}

/** Participants (populations, projections, recorders) up to which the step is generated. */
export const MAX_PARTICIPANTS = 64;

const PROJECTION_HOOKS = ['$computeInputs', '$drawRandoms', '$pushDelays', '$updateSynapses', '$postEvents'] as const;

/**
 * The step of a network without kernel threads, generated for its current populations,
 * projections and recorders: ANNarchy's step order (annarchy-semantics §2.1) as in
 * `Network.step`, with the phases and hooks the network does not have left out and every
 * participant a constant of the generated code. The generic step loops over every list for
 * about a dozen phases and reads each object through a call site shared by all networks of
 * the process (polymorphic across models); for the few neurons of a fit's population that costs
 * several times the neurons' own update (annarchy-semantics §2.1 stays exact: the same calls in
 * the same order). Rebuilt by the network whenever its make-up changes (compile, recorders
 * added or removed). What may change between steps without that (a population's `enabled`,
 * its update kernel, lean switch, spike kernel, global operations, `structuralPlasticity`) is
 * read at every step, as the generic step does. Allocates nothing per step. Undefined for a
 * network of more than {@link MAX_PARTICIPANTS} participants (the generic step runs).
 *
 * @example
 * ```ts
 * const step = compileStepFunction(net);
 * step(net.currentStep); // one step
 * ```
 */
export function compileStepFunction(net: StepNetwork): StepFunction | undefined {
  const pops = net.populationsList;
  const projs = net.projectionsList;
  const recs = net.recorders;
  // a few lines per participant: past this many, V8 would not optimise the generated function
  // (its bytecode limit), and the generic loop is the better step
  if (pops.length + projs.length + recs.length > MAX_PARTICIPANTS) return undefined;
  const lines: string[] = [];
  const has = (j: number, hook: (typeof PROJECTION_HOOKS)[number]) => typeof projs[j]![hook] === 'function';
  const projPhase = (hook: (typeof PROJECTION_HOOKS)[number]) => {
    for (let j = 0; j < projs.length; j++) if (has(j, hook)) lines.push(`J${j}.${hook}(t);`);
  };
  // 1. reset rate sums (the arrays are set at compile, which rebuilds this function). Only
  // projections write them (a participant without `post` may write any): sums no projection
  // feeds stay at the zeros of their allocation and of reset()
  const fed = (p: Population) => projs.some((j) => !('post' in j) || (j as { post?: unknown }).post === p || (j as { post?: { population?: unknown } }).post?.population === p);
  pops.forEach((p, k) => {
    if (p.$sumArrays.length === 0 || !fed(p)) return;
    lines.push(`if (P${k}.enabled) { const s = P${k}.$sumArrays; for (let j = 0; j < s.length; j++) { const a = s[j]; for (let i = 0; i < a.length; i++) a[i] = 0; } }`);
  });
  // 2. inputs, 3. record targets, 4. random draws
  projPhase('$computeInputs');
  recs.forEach((_, k) => lines.push(`R${k}.recordTargets(t);`));
  pops.forEach((p, k) => {
    if (typeof p.$drawRandoms === 'function') lines.push(`if (P${k}.enabled) P${k}.$drawRandoms(t);`);
  });
  projPhase('$drawRandoms');
  // 5. neuron updates, each population fully before the next
  pops.forEach((p, k) => {
    lines.push(
      `if (P${k}.enabled) {`,
      `  const u = P${k}.$leanNow ? P${k}.$leanUpdateKernel : P${k}.$updateKernel; u(t);`,
      `  if (P${k}.$spikeKernel !== undefined) P${k}.$spikeKernel(t);`,
      ...(p.spiking ? [`  P${k}.$afterSpikes(t);`] : []),
      '}',
    );
  });
  // 6. delays, 7. global operations (added at run time by projections reading mean(pre.r))
  projPhase('$pushDelays');
  pops.forEach((_, k) => lines.push(`if (P${k}.enabled && P${k}.$globalOperations.size > 0) P${k}.$globalOperations.update(P${k}.$state);`));
  // 8. synapses, 9. post events, 10. structural plasticity (creating, then pruning)
  projPhase('$updateSynapses');
  projPhase('$postEvents');
  if (projs.length > 0) {
    lines.push('if (net.structuralPlasticity) {');
    projs.forEach((_, j) => lines.push(`  { const s = J${j}.$structural; if (s !== undefined) s.creating(t); }`));
    projs.forEach((_, j) => lines.push(`  { const s = J${j}.$structural; if (s !== undefined) s.pruning(t); }`));
    lines.push('}');
  }
  // 11. record; 12. the step is done even if a recorder fails (see Network.step)
  if (recs.length > 0) lines.push('try {', ...recs.map((_, k) => `  R${k}.record(t);`), '} finally {', '  net.currentStep = t + 1;', '}');
  else lines.push('net.currentStep = t + 1;');
  const constants = [
    ...pops.map((_, k) => `P${k} = pops[${k}]`),
    ...projs.map((_, j) => `J${j} = projs[${j}]`),
    ...recs.map((_, k) => `R${k} = recs[${k}]`),
  ];
  const source = [
    ...(constants.length > 0 ? [`const ${constants.join(', ')};`] : []),
    'return function step(t) {',
    ...lines.map((l) => `  ${l}`),
    '};',
  ].join('\n');
  // the step of each network is its own code (fresh-function.ts): networks of one structure have the same source
  return freshFunction<(...a: unknown[]) => StepFunction>(['net', 'pops', 'projs', 'recs'], source, 'step')(net, [...pops], [...projs], [...recs]);
}
