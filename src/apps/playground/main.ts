/**
 * Browser entry of the playground page (index.html): the editor, the experiment controls, the
 * worker that simulates, the figures and the page state in the URL.
 */
import type { EditorView } from 'codemirror';
import { createEditor, setEditorText } from './editor.js';
import { neuronPresets, presetByName } from './presets.js';
import { PROTOCOLS, protocolAttribute, type ProtocolKind } from './protocols.js';
import { decodeState, defaultState, encodeState, type PlaygroundState } from './state.js';
import { exportScript } from './export-script.js';
import { TraceStore } from './trace-store.js';
import { PlaygroundPlots, type PlotMeta } from './plots.js';
import type { ModelInfo } from './experiment-run.js';
import type { EditorDiagnostic } from './sections.js';
import type { FromWorker, ToWorker } from './messages.js';
import { fillSelect, numberField, option, parameterRow } from './controls.js';
import { FitPanel } from './fit-panel.js';

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`playground: element #${id} is missing`);
  return el as T;
};

const ui = {
  preset: $<HTMLSelectElement>('preset'),
  run: $<HTMLButtonElement>('run'),
  stop: $<HTMLButtonElement>('stop'),
  speed: $<HTMLSelectElement>('speed'),
  state: $('state'),
  modelStatus: $('model-status'),
  params: $('params'),
  protocol: $<HTMLSelectElement>('protocol'),
  protocolAttr: $<HTMLSelectElement>('protocol-attr'),
  protocolAttrLabel: $('protocol-attr-label'),
  protocolFields: $('protocol-fields'),
  sweepN: $<HTMLInputElement>('sweep-n'),
  sweepAttr: $<HTMLSelectElement>('sweep-attr'),
  sweepFrom: $<HTMLInputElement>('sweep-from'),
  sweepTo: $<HTMLInputElement>('sweep-to'),
  duration: $<HTMLInputElement>('duration'),
  dt: $<HTMLInputElement>('dt'),
  record: $<HTMLSelectElement>('record'),
  view: $<HTMLSelectElement>('view'),
  window: $<HTMLInputElement>('window'),
  runError: $('run-error'),
  simTime: $('sim-time'),
  spikeCount: $('spike-count'),
  wall: $('wall'),
  exportBtn: $<HTMLButtonElement>('export'),
  share: $<HTMLButtonElement>('share'),
  dialog: $<HTMLDialogElement>('export-dialog'),
  exportCode: $<HTMLTextAreaElement>('export-code'),
  exportDownload: $<HTMLAnchorElement>('export-download'),
  exportClose: $<HTMLButtonElement>('export-close'),
};

// ---- state -------------------------------------------------------------------------------

const presets = neuronPresets();
const fallback = presetByName('H_and_H_Bischop') ?? presets[0]!;
let state: PlaygroundState;
let linkError: string | undefined;
try {
  state = decodeState(location.hash) ?? defaultState(fallback.source, fallback.name);
} catch (e) {
  linkError = e instanceof Error ? e.message : String(e);
  state = defaultState(fallback.source, fallback.name);
}
let info: ModelInfo | undefined;

function saveUrl(): void {
  history.replaceState(null, '', `#${encodeState(state)}`);
}

// ---- worker ------------------------------------------------------------------------------

const worker = new Worker('worker.js');
const send = (m: ToWorker): void => worker.postMessage(m);
let compileId = 0;
const pendingChecks = new Map<number, (r: { info?: ModelInfo; diagnostic?: EditorDiagnostic; ms?: number }) => void>();

function compile(source: string): Promise<{ info?: ModelInfo; diagnostic?: EditorDiagnostic; ms?: number }> {
  const id = ++compileId;
  return new Promise((resolve) => {
    pendingChecks.set(id, resolve);
    send({ type: 'compile', id, source, name: state.name, dt: state.dt });
  });
}

// ---- run ---------------------------------------------------------------------------------

interface RunView {
  id: number;
  store: TraceStore | undefined;
  meta: PlotMeta | undefined;
  running: boolean;
  step: number;
  totalSteps: number;
  wallMs: number | undefined;
  buildMs: number | undefined;
  protocolAttr: string | undefined;
}
let runId = 0;
let run: RunView | undefined;
const plots = new PlaygroundPlots({ trace: $('trace'), raster: $('raster'), fi: $('fi') });
let redrawTimer: number | undefined;
let drawing: Promise<void> = Promise.resolve();

function setPageState(s: string): void {
  ui.state.textContent = s;
  document.body.dataset.state = s;
  const running = s === 'running';
  ui.run.disabled = running;
  ui.stop.disabled = !running;
}

function startRun(): void {
  if (!info) return;
  ui.runError.textContent = '';
  saveUrl();
  const id = ++runId;
  run = { id, store: undefined, meta: undefined, running: true, step: 0, totalSteps: 0, wallMs: undefined, buildMs: undefined, protocolAttr: undefined };
  setPageState('running');
  send({ type: 'run', runId: id, state: structuredClone(state) });
}

/** Redraw after the figures' previous update (redraws never overlap); resolves when drawn. */
function redraw(live: boolean): Promise<void> {
  const r = run;
  if (!r?.store) return drawing;
  const windowMs = Number(ui.window.value) > 0 ? Number(ui.window.value) : 200;
  drawing = drawing
    .then(() => plots.redraw(r.store!, { live: live && r.running, window: windowMs, simulatedMs: r.step * state.dt }))
    .catch((e: unknown) => {
      ui.runError.textContent = `plot: ${e instanceof Error ? e.message : String(e)}`;
    });
  return drawing;
}

/** While data arrives: redraw at most every 120 ms. */
function scheduleRedraw(): void {
  if (redrawTimer !== undefined) return;
  redrawTimer = window.setTimeout(() => {
    redrawTimer = undefined;
    void redraw(true);
  }, 120);
}

function showReadouts(): void {
  const r = run;
  ui.simTime.textContent = r ? (r.step * state.dt).toFixed(1) : '0';
  ui.spikeCount.textContent = r?.store ? String(r.store.spikeRanks.length) : '0';
  ui.wall.textContent = r?.wallMs !== undefined ? r.wallMs.toFixed(0) : '–';
}

worker.onmessage = (e: MessageEvent<FromWorker>): void => {
  const m = e.data;
  if (m.type === 'compiled') {
    const resolve = pendingChecks.get(m.id);
    pendingChecks.delete(m.id);
    resolve?.(m.ok ? { info: m.info, ms: m.ms } : { diagnostic: m.diagnostic });
    return;
  }
  if (!run || m.runId !== run.id) return; // a message of a run replaced since
  const r = run;
  switch (m.type) {
    case 'started': {
      r.totalSteps = m.totalSteps;
      r.buildMs = m.buildMs;
      r.protocolAttr = m.protocolAttr;
      r.store = new TraceStore(m.n, m.periodSteps * m.dt);
      r.meta = {
        record: state.record,
        n: m.n,
        sweepAttr: m.n > 1 ? state.sweep.attr : undefined,
        sweepValues: m.sweepValues,
        duration: state.duration,
        spiking: m.info.spiking,
        view: state.sweep.n > 1 && ui.view.value === 'heatmap' ? 'heatmap' : 'lines',
        dt: m.dt,
      };
      markDriven();
      drawing = drawing.then(() => plots.start(r.meta!)).catch((err: unknown) => {
        ui.runError.textContent = `plot: ${err instanceof Error ? err.message : String(err)}`;
      });
      return;
    }
    case 'data':
      r.store!.append(m);
      r.step = m.step;
      showReadouts();
      scheduleRedraw();
      return;
    case 'done':
      r.running = false;
      r.step = m.step;
      r.wallMs = m.wallMs;
      showReadouts();
      // the whole trace, then the state says so (tests wait for it)
      if (redrawTimer !== undefined) clearTimeout(redrawTimer);
      redrawTimer = undefined;
      void redraw(false).then(() => {
        if (run === r) setPageState(m.stopped ? 'stopped' : 'finished');
      });
      return;
    case 'error':
      r.running = false;
      ui.runError.textContent = m.message;
      setPageState('error');
      return;
    case 'set-error':
      ui.runError.textContent = m.message;
      return;
  }
};
worker.onerror = (e) => {
  ui.runError.textContent = `worker: ${e.message}`;
  setPageState('error');
};

// ---- controls ----------------------------------------------------------------------------

let rerunTimer: number | undefined;
/** After a change of the experiment: run it anew (debounced, so typing a number runs once). */
function rerunSoon(): void {
  saveUrl();
  if (rerunTimer !== undefined) clearTimeout(rerunTimer);
  rerunTimer = window.setTimeout(() => {
    rerunTimer = undefined;
    startRun();
  }, 150);
}

function renderProtocol(): void {
  const kind = state.protocol.kind;
  const spec = PROTOCOLS[kind];
  ui.protocol.value = kind;
  ui.protocolAttrLabel.hidden = kind === 'none' || spec.attr !== undefined;
  if (info) {
    const attrs = info.parameters.map((p) => p.name);
    if (!ui.protocolAttrLabel.hidden) {
      if (!state.protocol.attr || !attrs.includes(state.protocol.attr)) state.protocol.attr = attrs.includes('I_app') ? 'I_app' : attrs[0];
      fillSelect(ui.protocolAttr, attrs, state.protocol.attr ?? '');
    }
  }
  ui.protocolFields.replaceChildren(
    ...Object.entries(spec.fields).map(([name, dflt]) =>
      numberField(name, state.protocol.values[name] ?? dflt, (v) => {
        state.protocol.values[name] = v;
        rerunSoon();
      }),
    ),
  );
}

function renderParams(): void {
  if (!info) return;
  const rows: HTMLElement[] = [];
  for (const p of info.parameters) {
    rows.push(
      ...parameterRow(p, state.params[p.name] ?? p.value, (v) => {
        if (v === p.value) delete state.params[p.name];
        else state.params[p.name] = v;
        if (run?.running) {
          saveUrl();
          send({ type: 'set', runId: run.id, name: p.name, value: v });
        } else rerunSoon();
      }),
    );
  }
  ui.params.replaceChildren(...rows);
  markDriven();
}

/** Grey out the sliders of what the protocol or the sweep drives (they cannot be set meanwhile). */
function markDriven(): void {
  const driven = new Set<string>();
  const pa = protocolAttribute(state.protocol);
  if (pa) driven.add(pa);
  if (state.sweep.n > 1) driven.add(state.sweep.attr);
  for (const el of Array.from(ui.params.querySelectorAll<HTMLInputElement>("input"))) {
    const name = el.dataset.param ?? el.dataset.paramNumber;
    if (!name) continue;
    el.disabled = driven.has(name);
    el.title = driven.has(name) ? `${name} is driven by the ${pa === name ? 'protocol' : 'sweep'}` : '';
  }
  for (const el of Array.from(ui.params.querySelectorAll("label"))) el.classList.toggle('driven', driven.has(el.textContent ?? ''));
}

function renderExperiment(): void {
  ui.sweepN.value = String(state.sweep.n);
  ui.sweepFrom.value = String(state.sweep.from);
  ui.sweepTo.value = String(state.sweep.to);
  ui.duration.value = String(state.duration);
  ui.dt.value = String(state.dt);
  ui.speed.value = String(state.speed);
  if (ui.speed.value !== String(state.speed)) {
    // a speed from a link that the menu does not offer
    ui.speed.append(option(String(state.speed), `${state.speed} ms per s`));
    ui.speed.value = String(state.speed);
  }
  if (info) {
    const locals = info.parameters.filter((p) => p.local).map((p) => p.name);
    const sweepable = locals.length > 0 ? locals : info.parameters.map((p) => p.name);
    if (!sweepable.includes(state.sweep.attr)) state.sweep.attr = sweepable.includes('I_app') ? 'I_app' : (sweepable[0] ?? '');
    fillSelect(ui.sweepAttr, sweepable, state.sweep.attr);
    if (!info.variables.includes(state.record)) state.record = info.variables.includes('v') ? 'v' : (info.variables[0] ?? state.record);
    fillSelect(ui.record, info.variables, state.record);
  }
  renderProtocol();
}

/** The model changed: keep what still applies (parameter values it still has), redraw the controls. */
function adoptModel(next: ModelInfo): void {
  info = next;
  for (const k of Object.keys(state.params)) if (!next.parameters.some((p) => p.name === k)) delete state.params[k];
  renderExperiment();
  renderParams();
  fitPanel.modelChanged(next);
}

ui.preset.replaceChildren(...presets.map((p) => option(p.name)));
if (!presets.some((p) => p.name === state.name)) ui.preset.append(option(state.name, `${state.name} (from the link)`));
ui.preset.value = state.name;
ui.protocol.replaceChildren(...(Object.keys(PROTOCOLS) as ProtocolKind[]).map((k) => option(k, PROTOCOLS[k].label)));

ui.protocol.addEventListener('change', () => {
  const kind = ui.protocol.value as ProtocolKind;
  state.protocol = { kind, values: { ...PROTOCOLS[kind].fields } };
  renderProtocol();
  markDriven();
  if (info) fitPanel.modelChanged(info);
  rerunSoon();
});
ui.protocolAttr.addEventListener('change', () => {
  state.protocol.attr = ui.protocolAttr.value;
  markDriven();
  if (info) fitPanel.modelChanged(info);
  rerunSoon();
});
const numberInput = (el: HTMLInputElement, set: (v: number) => boolean): void => {
  el.addEventListener('change', () => {
    const v = Number(el.value);
    if (el.value.trim() === '' || !Number.isFinite(v) || !set(v)) {
      ui.runError.textContent = `${el.id}: ${JSON.stringify(el.value)} is not allowed here`;
      renderExperiment();
      return;
    }
    if (state.sweep.n > 1) delete state.params[state.sweep.attr];
    renderParams();
    rerunSoon();
  });
};
numberInput(ui.sweepN, (v) => Number.isInteger(v) && v >= 1 && v <= 1000 && ((state.sweep.n = v), true));
numberInput(ui.sweepFrom, (v) => ((state.sweep.from = v), true));
numberInput(ui.sweepTo, (v) => ((state.sweep.to = v), true));
numberInput(ui.duration, (v) => v > 0 && v <= 1e6 && ((state.duration = v), true));
numberInput(ui.dt, (v) => v > 0 && v <= 10 && ((state.dt = v), true));
ui.sweepAttr.addEventListener('change', () => {
  state.sweep.attr = ui.sweepAttr.value;
  if (state.sweep.n > 1) delete state.params[state.sweep.attr];
  renderParams();
  rerunSoon();
});
ui.record.addEventListener('change', () => {
  state.record = ui.record.value;
  rerunSoon();
});
ui.view.addEventListener('change', () => {
  // Only the figure changes: the same data drawn as lines or as a heat map.
  const r = run;
  if (!r?.meta) return;
  r.meta = { ...r.meta, view: state.sweep.n > 1 && ui.view.value === 'heatmap' ? 'heatmap' : 'lines' };
  const meta = r.meta;
  drawing = drawing.then(() => plots.start(meta));
  void redraw(r.running);
});
ui.speed.addEventListener('change', () => {
  state.speed = Number(ui.speed.value);
  saveUrl();
});
ui.run.addEventListener('click', startRun);
ui.stop.addEventListener('click', () => {
  if (run?.running) send({ type: 'stop', runId: run.id });
});
ui.share.addEventListener('click', () => {
  saveUrl();
  void navigator.clipboard?.writeText(location.href).then(
    () => (ui.state.textContent = `${document.body.dataset.state} (link copied)`),
    () => {},
  );
});
let downloadUrl: string | undefined;
ui.exportBtn.addEventListener('click', () => {
  const code = exportScript(state);
  ui.exportCode.value = code;
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = URL.createObjectURL(new Blob([code], { type: 'text/typescript' }));
  ui.exportDownload.href = downloadUrl;
  ui.dialog.showModal();
});
ui.exportClose.addEventListener('click', () => ui.dialog.close());

// ---- fit ---------------------------------------------------------------------------------

const fitPanel = new FitPanel({
  state: () => state,
  models: presets.map((p) => p.name),
  drivenAttribute: () => protocolAttribute(state.protocol),
  changed: saveUrl,
  apply: (values) => {
    for (const [k, v] of Object.entries(values)) state.params[k] = v;
    renderParams();
    rerunSoon();
  },
});

// ---- editor ------------------------------------------------------------------------------

let editor: EditorView | undefined;

async function check(text: string): Promise<EditorDiagnostic | undefined> {
  const r = await compile(text);
  if (r.diagnostic) {
    ui.modelStatus.textContent = `line ${r.diagnostic.line}: ${r.diagnostic.message} (the last good model keeps running)`;
    ui.modelStatus.className = 'error';
    return r.diagnostic;
  }
  ui.modelStatus.textContent = `compiled: ${r.info!.parameters.length} parameters, ${r.info!.variables.length} variables${r.info!.spiking ? ', spiking' : ''}${r.ms! >= 1 ? ` (in ${r.ms!.toFixed(0)} ms)` : ''}`;
  ui.modelStatus.className = '';
  pendingInfo = r.info;
  return undefined;
}
let pendingInfo: ModelInfo | undefined;

function onValid(text: string): void {
  state.source = text;
  if (pendingInfo) adoptModel(pendingInfo);
  startRun();
}

ui.preset.addEventListener('change', () => {
  const p = presetByName(ui.preset.value);
  if (!p || !editor) return;
  state.name = p.name;
  state.params = {};
  setEditorText(editor, p.source);
});

async function init(): Promise<void> {
  renderExperiment();
  if (linkError) ui.runError.textContent = `The link's state was not used: ${linkError}`;
  const first = await check(state.source);
  editor = createEditor($('editor'), { doc: state.source, check, onValid });
  if (first === undefined && pendingInfo) {
    adoptModel(pendingInfo);
    startRun();
  } else setPageState('error');
}
void init();

// For the end-to-end tests and the console.
(window as unknown as { playground: unknown }).playground = {
  get state() {
    return state;
  },
  get run() {
    return run;
  },
  get editor() {
    return editor;
  },
  plots,
  fit: fitPanel,
  exportScript: (from?: string) => exportScript(state, { from }),
  status: () => ({
    state: document.body.dataset.state,
    runId: run?.id,
    step: run?.step,
    totalSteps: run?.totalSteps,
    samples: run?.store?.samples,
    spikes: run?.store?.spikeRanks.length,
    wallMs: run?.wallMs,
    buildMs: run?.buildMs,
  }),
};
