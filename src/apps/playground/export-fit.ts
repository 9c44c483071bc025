/**
 * "Export as TypeScript" with a fit configured: a Node script that runs the page's fit with the
 * library — the same DeapCma options (bounds, names, generations, seed), the same experiment per
 * individual (the model text, the page's parameter values, the protocol as a pipe operator), the
 * same target (the CSV text embedded, or the target model run under the same protocol) and the
 * same loss ({@link traceRmse}) — so the same seed gives the page's best parameters.
 */
import { neuronOptions, parseSections } from './sections.js';
import { populationName } from './experiment-run.js';
import { presetByName } from './presets.js';
import { protocolCall } from './protocols.js';
import type { PlaygroundState } from './state.js';

/**
 * A string as a template literal (reads like ANNarchy's triple-quoted strings).
 *
 * @example
 * ```ts
 * templateLiteral('dv/dt = -v'); // '`dv/dt = -v`'
 * ```
 */
export function templateLiteral(s: string): string {
  return `\`${s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
}

/**
 * The lines of `new Neuron({ name, parameters, equations, ... })` for an editor text.
 *
 * @example
 * ```ts
 * neuronCode('equations:\n    dv/dt = -v', 'decay').join('\n'); // 'new Neuron({\n  name: "decay",\n  equations: `...`,\n})'
 * ```
 */
export function neuronCode(source: string, name: string): string[] {
  const opts = neuronOptions(parseSections(source), name);
  const fields: string[] = [`  name: ${JSON.stringify(name)},`];
  for (const k of ['parameters', 'equations', 'spike', 'reset', 'functions'] as const) {
    if (opts[k] !== undefined) fields.push(`  ${k}: ${templateLiteral(opts[k]!)},`);
  }
  if (opts.refractory !== undefined) fields.push(`  refractory: ${JSON.stringify(opts.refractory)},`);
  return ['new Neuron({', ...fields, '})'];
}

const POP = '__population__';

/**
 * The script of the page's fit (`state.fit` set, one neuron); `from` names the module to import.
 *
 * @example
 * ```ts
 * const ts = exportFitScript(state); // "... const cma = new DeapCma({ ... seed: 1 ..."
 * ```
 */
export function exportFitScript(state: PlaygroundState, options: { from?: string } = {}): string {
  const fit = state.fit;
  if (!fit) throw new Error('exportFitScript: the state has no fit settings');
  if (state.sweep.n !== 1) throw new Error(`exportFitScript: a fit simulates one neuron per parameter set; the state sweeps ${state.sweep.n} neurons`);
  const proto = protocolCall(state.protocol, POP);
  const imports = ['DeapCma', 'Monitor', 'Network', 'Neuron', 'Population', 'RecordedArray', 'parseTraceCsv', 'runSync', 'simulate$', 'traceRmse', ...(proto ? [proto.name] : [])].sort();
  const params = Object.entries(state.params);
  const names = fit.params.map((p) => p.name);
  const lines: string[] = [
    `// The compneuro-rx playground's fit of "${state.name}": run with \`npx tsx <this file>\` (--json prints the result).`,
    `import { ${imports.join(', ')} } from '${options.from ?? 'compneuro-rx'}';`,
    '',
    `const periodMs = ${state.periodSteps} * ${state.dt};`,
    '',
    '/** The page\'s experiment on one neuron of `neuron` with `values` set: its recorded variable. */',
    'function simulate(neuron: Neuron, popName: string, values: Record<string, number>): Float64Array {',
    `  const network = new Network({ dt: ${state.dt}, seed: ${state.seed}, verbose: false });`,
    '  const pop = new Population(1, neuron, { name: popName, network });',
    '  pop.set(values);',
    `  const monitor = new Monitor(pop, [${JSON.stringify(state.record)}], { periodSteps: ${state.periodSteps}, gridOrigin: 0 });`,
    '  network.compile();',
    `  runSync(simulate$(${state.duration}, { network })${proto ? `.pipe(${proto.code.replace(JSON.stringify(POP), 'popName')})` : ''});`,
    `  return (monitor.get(${JSON.stringify(state.record)}) as RecordedArray).data;`,
    '}',
    '',
    `const neuron = ${neuronCode(state.source, state.name).join('\n')};`,
  ];
  if (fit.target.kind === 'csv') {
    lines.push('', `// the target: ${fit.target.file} (time [ms], ${state.record})`, `const target = parseTraceCsv(${templateLiteral(fit.target.csv)}, { file: ${JSON.stringify(fit.target.file)} });`);
  } else {
    const preset = presetByName(fit.target.name);
    if (!preset) throw new Error(`exportFitScript: there is no model "${fit.target.name}" to fit to`);
    lines.push(
      '',
      `// the target: model "${preset.name}" with its own parameter values under the same protocol`,
      `const targetNeuron = ${neuronCode(preset.source, preset.name).join('\n')};`,
      `const targetValue = simulate(targetNeuron, ${JSON.stringify(populationName(preset.name))}, {});`,
      'const target = { time: Float64Array.from(targetValue, (_, j) => j * periodMs), value: targetValue };',
    );
  }
  lines.push(
    '',
    `const names = ${JSON.stringify(names)};`,
    `// the page's parameter values, then the individual's fitted ones`,
    `const pageValues: Record<string, number> = ${JSON.stringify(Object.fromEntries(params))};`,
    'const json = process.argv.includes(\'--json\');',
    'const cma = new DeapCma({',
    `  lower: ${JSON.stringify(fit.params.map((p) => p.lower))},`,
    `  upper: ${JSON.stringify(fit.params.map((p) => p.upper))},`,
    '  paramNames: names,',
    '  evaluateFunction: (population) =>',
    '    population.map((x) => {',
    '      const values = { ...pageValues };',
    '      names.forEach((n, i) => (values[n] = x[i]!));',
    `      return traceRmse(target, simulate(neuron, ${JSON.stringify(populationName(state.name))}, values), periodMs);`,
    '    }),',
    `  maxEvals: ${fit.generations},`,
    `  seed: ${fit.seed},`,
    '  displayProgressBar: !json,',
    '});',
    'const best = await cma.run();',
    'if (json) {',
    '  console.log(JSON.stringify({ names, best: names.map((n) => best[n]), bestFitness: best.best_fitness, generations: best.logbook.length }));',
    '} else {',
    '  for (const n of names) console.log(`${n} = ${best[n]}`);',
    '  console.log(`loss (RMSE of ' + state.record + ') = ${best.best_fitness} after ${best.logbook.length} generations`);',
    '}',
    '',
  );
  return lines.join('\n');
}
