/**
 * "Export as TypeScript": the page's experiment as a Node script using this library. It builds
 * the same network (model text, parameter values, sweep, Monitor) and runs it with `simulate$`
 * and the protocol's pipe operator, which is what the page's worker does step by step, so its
 * numbers are the page's. Run it with `npx tsx experiment.ts` (add `--json` for the data).
 */
import { linspace, populationName } from './experiment-run.js';
import { protocolCall } from './protocols.js';
import type { PlaygroundState } from './state.js';
import { exportFitScript, neuronCode } from './export-fit.js';

/**
 * The TypeScript source of a script that runs the page's experiment in Node with `compneuro-rx`
 * (`from` names the module to import, e.g. a path inside this repository).
 *
 * @example
 * ```ts
 * const ts = exportScript(state); // "import { Monitor, Network, Neuron, ... } from 'compneuro-rx';\n..."
 * ```
 */
export function exportScript(state: PlaygroundState, options: { from?: string } = {}): string {
  // with a fit configured (one neuron), the script runs the fit (export-fit.ts)
  if (state.fit && state.sweep.n === 1) return exportFitScript(state, options);
  const pop = populationName(state.name);
  const proto = protocolCall(state.protocol, pop);
  const imports = ['Monitor', 'Network', 'Neuron', 'Population', 'RecordedArray', 'runSync', 'simulate$', ...(proto ? [proto.name] : [])].sort();
  const lines: string[] = [
    `// The compneuro-rx playground's experiment "${state.name}": run with \`npx tsx <this file>\` (--json prints the data).`,
    `import { ${imports.join(', ')} } from '${options.from ?? 'compneuro-rx'}';`,
    ...(state.fit ? [`// The page's fit settings are not in this script: a fit simulates one neuron per parameter set, and this experiment sweeps ${state.sweep.n}.`] : []),
    '',
    `const network = new Network({ dt: ${state.dt}, seed: ${state.seed} });`,
    `const neuron = ${neuronCode(state.source, state.name).join('\n')};`,
    `const pop = new Population(${state.sweep.n}, neuron, { name: ${JSON.stringify(pop)}, network });`,
  ];
  const params = Object.entries(state.params);
  if (params.length > 0) lines.push(`pop.set({ ${params.map(([k, v]) => `${k}: ${v}`).join(', ')} });`);
  if (state.sweep.n > 1) {
    const values = Array.from(linspace(state.sweep.from, state.sweep.to, state.sweep.n));
    lines.push(`// ${state.sweep.attr} from ${state.sweep.from} to ${state.sweep.to} across the ${state.sweep.n} neurons (numpy's linspace)`);
    lines.push(`pop.set({ ${state.sweep.attr}: Float64Array.from(${JSON.stringify(values)}) });`);
  }
  lines.push(
    `const recorded = pop.spiking ? [${JSON.stringify(state.record)}, 'spike'] : [${JSON.stringify(state.record)}];`,
    `const monitor = new Monitor(pop, recorded, { periodSteps: ${state.periodSteps}, gridOrigin: 0 });`,
    'network.compile();',
    '',
    `runSync(simulate$(${state.duration}, { network })${proto ? `.pipe(${proto.code})` : ''});`,
    '',
    `const trace = monitor.get(${JSON.stringify(state.record)}) as RecordedArray;`,
    "const spikes = pop.spiking ? (monitor.get('spike') as Record<number, number[]>) : {};",
    `const periodMs = ${state.periodSteps} * network.dt;`,
    'if (process.argv.includes(\'--json\')) {',
    '  console.log(JSON.stringify({ periodMs, shape: trace.shape, values: Array.from(trace.data), spikes }));',
    '} else {',
    `  const seconds = ${state.duration} / 1000;`,
    '  for (let i = 0; i < pop.size; i++) {',
    '    const n = (spikes[i] ?? []).length;',
    `    console.log(\`neuron \${i}: \${n} spikes (\${(n / seconds).toFixed(2)} Hz), last ${state.record} = \${trace.data[trace.data.length - pop.size + i]}\`);`,
    '  }',
    '}',
    '',
  );
  return lines.join('\n');
}
