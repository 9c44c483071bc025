/**
 * Browser entry of examples/live/stream.html: the simulation runs in the Node server
 * (examples/stream-server.ts); its frames arrive as server-sent events, become an Observable of
 * samples and are plotted with livePlot. Stop closes the event stream, which stops the server's run.
 */
import { Observable } from 'rxjs';
import { livePlot, type LivePlot, type LiveSample } from '../../src/plot/live-plot.js';

interface FramesEvent {
  t: number[];
  v: number[];
  spikes: number;
  simTime: number;
}

const $ = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`stream page: element #${id} is missing`);
  return el;
};

const startBtn = $('start') as HTMLButtonElement;
const stopBtn = $('stop') as HTMLButtonElement;
let received = { events: 0, spikes: 0, simTime: 0 };

/** The server's frames as an Observable: subscribing opens the stream, unsubscribing closes it. */
function frames$(url: string): Observable<LiveSample> {
  return new Observable<LiveSample>((subscriber) => {
    const source = new EventSource(url);
    source.addEventListener('frames', (e) => {
      const ev = JSON.parse((e as MessageEvent<string>).data) as FramesEvent;
      received = { events: received.events + 1, spikes: ev.spikes, simTime: ev.simTime };
      for (let i = 0; i < ev.t.length; i++) subscriber.next({ t: ev.t[i]!, values: { 'HH_Bischop;v': ev.v[i]! } });
    });
    source.addEventListener('end', () => {
      source.close();
      subscriber.complete();
    });
    source.addEventListener('failure', (e) => subscriber.error(new Error(JSON.parse((e as MessageEvent<string>).data) as string)));
    source.onerror = () => {
      // EventSource would reconnect (a new run); a broken stream ends this one instead.
      if (source.readyState !== EventSource.OPEN) subscriber.error(new Error('the event stream broke off'));
    };
    return () => source.close();
  });
}

let plot: LivePlot | undefined;

function show(): void {
  $('sim-time').textContent = received.simTime.toFixed(2);
  $('spike-count').textContent = String(received.spikes);
  $('events').textContent = String(received.events);
  $('points').textContent = String(plot?.status.points ?? 0);
}

function setState(state: string): void {
  startBtn.disabled = state === 'running';
  stopBtn.disabled = state !== 'running';
  $('state').textContent = state;
  document.body.dataset.state = state;
}

startBtn.addEventListener('click', () => {
  received = { events: 0, spikes: 0, simTime: 0 };
  plot = livePlot($('plot'), frames$('/frames'), {
    variables: 'HH_Bischop;v',
    window: 200,
    yDomain: [-100, 60],
    yTitle: 'v [mV]',
    width: 640,
    height: 260,
    onUpdate: show,
  });
  setState('running');
  plot.done.then(
    () => {
      show();
      setState(received.simTime >= 1000 ? 'finished' : 'stopped');
    },
    (e: unknown) => setState(`error: ${String(e)}`),
  );
});
stopBtn.addEventListener('click', () => plot?.stop());
setState('ready');

(window as unknown as { liveStream: unknown }).liveStream = {
  get plot() {
    return plot;
  },
  status: () => ({ ...plot?.status, ...received }),
};
