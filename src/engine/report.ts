import type { Neuron } from '../language/neuron.js';
import type { Synapse } from '../language/synapse.js';
import { GLOBAL_FUNCTIONS } from '../language/global-functions.js';
import { Monitor } from './monitor.js';
import type { Network } from './network.js';
import { PopulationView } from './population-view.js';
import { Projection } from './projection.js';

/** Options of {@link reportMarkdown} (ANNarchy `report()` keywords). */
export interface ReportOptions {
  /** Default "Network description". */
  title?: string;
  /** Default "compneuro-rx". */
  author?: string;
  date?: string;
}

/** A Markdown table (ANNarchy's `_make_table`). */
function table(headers: string[], rows: (string | number)[][]): string {
  const esc = (x: string | number) => String(x).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n') + '\n';
}

/** Statements of a description string, one per line, without blank lines and indentation. */
function lines(text: string | undefined): string {
  return (text ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '').join('\n');
}

function block(title: string, text: string | undefined): string {
  const body = lines(text);
  return body === '' ? '' : `**${title}:**\n\n\`\`\`\n${body}\n\`\`\`\n\n`;
}

function valueSummary(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (v instanceof Float64Array) {
    if (v.length === 0) return '';
    let lo = Infinity, hi = -Infinity;
    for (const x of v) { if (x < lo) lo = x; if (x > hi) hi = x; }
    return lo === hi ? String(lo) : `[${lo}, ${hi}]`;
  }
  if (Array.isArray(v)) return valueSummary(Float64Array.from((v as number[][]).flat()));
  return String(v);
}

/**
 * A Markdown description of a network, structured as ANNarchy 4.7.3's Markdown `report()`: the
 * structure (time step, populations, projections, monitors, global functions), the neuron and
 * synapse models (their description strings as written, where ANNarchy typesets LaTeX), and
 * the parameter values of each population and projection.
 *
 * @example
 * ```ts
 * const md = reportMarkdown(net, { title: 'COBA' });
 * ```
 */
export function reportMarkdown(net: Network, o: ReportOptions = {}): string {
  let txt = `---\ntitle: ${o.title ?? 'Network description'}\nauthor: ${o.author ?? 'compneuro-rx'}\ndate: ${o.date ?? ''}\n---\n`;
  txt += `\n# Structure of the network\n\n* compneuro-rx (ANNarchy 4.7.3 semantics), ${net.backend} backend.\n* Numerical step size: ${net.dt} ms.\n`;
  const pops = net.populationsList;
  if (pops.length > 0) {
    txt += '\n## Populations\n\n' + table(['Population', 'Size', 'Neuron type'], pops.map((p) => [p.name, p.geometry.length > 1 ? `(${p.geometry.join(', ')})` : p.size, p.neuronType.name]));
  }
  const projs = net.projectionsList.filter((p): p is Projection => p instanceof Projection);
  if (projs.length > 0) {
    txt += '\n## Projections\n\n' + table(['Source', 'Destination', 'Target', 'Synapse type', 'Pattern'],
      projs.map((p) => [p.pre.name, p.post.name, p.targets.join(' / '), p.synapseType.name, p.connectorName || '-']));
  }
  const monitors = net.recorders.filter((r): r is Monitor => r instanceof Monitor);
  if (monitors.length > 0) {
    txt += '\n## Monitors\n\n' + table(['Object', 'Variables', 'Period'], monitors.map((m) => [
      (m.object as { name: string }).name + (m.object instanceof PopulationView ? ' (subset)' : ''), m.variables.join(', '), m.period]));
  }
  if (GLOBAL_FUNCTIONS.length > 0) txt += '\n## Functions\n\n```\n' + GLOBAL_FUNCTIONS.map((f) => f.source).join('\n') + '\n```\n';

  const neurons = [...new Set(pops.map((p) => p.neuronType))];
  txt += '\n# Neuron models\n';
  for (const n of neurons) txt += modelSection(n, 'neuron');
  const synapses = [...new Set(projs.map((p) => p.synapseType))];
  if (synapses.length > 0) {
    txt += '\n# Synapse models\n';
    for (const s of synapses) txt += modelSection(s, 'synapse');
  }

  txt += '\n# Parameters\n';
  for (const p of pops) {
    if (p.parameters.length === 0) continue;
    txt += `\n## Population ${p.name}\n\n` + table(['Parameter', 'Value'], p.parameters.map((name) => [name, valueSummary(p.get(name))]));
  }
  for (const p of projs) {
    if (p.parameters.length === 0) continue;
    txt += `\n## Projection ${p.name}: ${p.pre.name} -> ${p.post.name} (${p.targets.join(' / ')})\n\n`
      + table(['Parameter', 'Value'], p.parameters.map((name) => [name, p.$state ? valueSummary(p.get(name)) : 'not compiled']));
  }
  return txt;
}

function modelSection(m: Neuron | Synapse, kind: 'neuron' | 'synapse'): string {
  const ir = m.analyse();
  let txt = `\n## ${m.name}\n\n${m.description ? `${m.description}\n\n` : ''}`;
  const params = ir.parameters.filter((p) => !(kind === 'synapse' && p.name === 'w' && p.source === 'w'));
  if (params.length > 0) {
    txt += '**Parameters:**\n\n' + table(['Name', 'Default value', 'Locality', 'Type'], params.map((p) => [p.name, p.init, p.locality, p.type])) + '\n';
  }
  txt += block('Equations', m.equations);
  if (kind === 'neuron') {
    const n = m as Neuron;
    txt += block('Spike condition', n.spike) + block('Reset', n.reset);
    if (n.refractory !== undefined) txt += `**Refractory period:** ${n.refractory}${typeof n.refractory === 'number' ? ' ms' : ''}\n\n`;
    txt += block('Axonal spike', n.axonSpike) + block('Axonal reset', n.axonReset);
  } else {
    const s = m as Synapse;
    txt += block('Transmission (psp)', s.psp) + block('Pre-synaptic event', s.preSpike) + block('Post-synaptic event', s.postSpike) + block('Functions', s.functions);
  }
  return txt;
}
