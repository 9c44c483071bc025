/**
 * Browser entry of examples/live/index.html: the HH_Bischop ramp running on the real engine in
 * the page, one chunk of steps per animation frame, plotted live with livePlot.
 */
import '../../src/browser-modules.js';
import { animationFrameScheduler } from 'rxjs';
import { livePlot, type LivePlot } from '../../src/plot/live-plot.js';
import { HHRampDemo } from './hh-ramp-demo.js';

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`live page: element #${id} is missing`);
  return el as T;
};

const demo = new HHRampDemo();
const plotEl = $('plot');
const startBtn = $<HTMLButtonElement>('start');
const stopBtn = $<HTMLButtonElement>('stop');
const speed = $<HTMLSelectElement>('speed');
const out = { time: $('sim-time'), spikes: $('spike-count'), current: $('current'), points: $('points'), state: $('state') };

let plot: LivePlot | undefined;

function show(): void {
  out.time.textContent = demo.network.getTime().toFixed(2);
  out.spikes.textContent = String(demo.spikes);
  // the ramp's current at the last step run (I_app itself is restored when a run stops)
  out.current.textContent = (demo.stepsDone > 0 ? demo.current[demo.stepsDone - 1]! : 0).toFixed(2);
  const s = plot?.status;
  out.points.textContent = s ? `${s.points} (${s.inserted} plotted since the start)` : '0';
}

function setRunning(running: boolean): void {
  startBtn.disabled = running;
  stopBtn.disabled = !running;
  speed.disabled = running;
  out.state.textContent = running ? 'running' : demo.finished ? 'finished' : demo.stepsDone > 0 ? 'stopped' : 'ready';
  document.body.dataset.state = out.state.textContent;
}

function start(): void {
  if (plot?.status.active) return;
  const run = livePlot(plotEl, demo.run$(animationFrameScheduler, Number(speed.value)), {
    variables: 'HH_Bischop;v',
    window: 200,
    every: 10,
    yDomain: [-100, 60],
    yTitle: 'v [mV]',
    width: 640,
    height: 260,
    onUpdate: show,
  });
  plot = run;
  setRunning(true);
  run.done.then(
    () => {
      show();
      setRunning(false);
    },
    (e: unknown) => {
      out.state.textContent = `error: ${String(e)}`;
      setRunning(false);
    },
  );
}

startBtn.addEventListener('click', start);
stopBtn.addEventListener('click', () => plot?.stop());
setRunning(false);
show();

// For the end-to-end test and the console.
(window as unknown as { liveDemo: unknown }).liveDemo = {
  demo,
  get plot() {
    return plot;
  },
  status: () => ({ ...plot?.status, simTime: demo.network.getTime(), spikes: demo.spikes, v: (demo.pop.get('v') as Float64Array)[0], stepsDone: demo.stepsDone, totalSteps: demo.totalSteps }),
};
