import { expect } from 'chai';
import WebSocket from 'ws';
import { startWsServer, type ServerMessage, type WsServer } from '../../examples/ws-server.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, what: string, ms = 20_000): Promise<void> {
  for (const t0 = Date.now(); !cond(); await sleep(20)) if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
}

describe('examples/ws-server: samples and spikes over a WebSocket on 127.0.0.1, validated parameter changes', function () {
  this.timeout(60_000);
  let server: WsServer;
  before(async () => (server = await startWsServer({ port: 0, chunk: 100, frameMs: 1, every: 50 })));
  after(async () => server.close());

  it('streams samples; a parameter change applies between steps and the neurons start spiking; bad changes are rejected naming the problem; closing stops the run', async () => {
    const ws = new WebSocket(server.url);
    const got: ServerMessage[] = [];
    ws.on('message', (data, isBinary) => {
      expect(isBinary).to.equal(false);
      got.push(JSON.parse(String(data)) as ServerMessage);
    });
    await new Promise((r) => ws.once('open', r));
    await until(() => got.filter((m) => m.type === 'samples').length >= 3, 'samples');
    expect(server.activeRuns).to.equal(1);
    // at rest (v = v_r, I_app = 0): v stays -60 mV, no spikes
    const before = got.filter((m): m is Extract<ServerMessage, { type: 'samples' }> => m.type === 'samples');
    expect(before[0]!.t.slice(0, 3)).to.deep.equal([0, 0.1, 0.2]);
    expect(before[0]!.v).to.have.length(5);
    expect(before.every((b) => b.v.every((row) => row.every((x) => x === -60)))).to.equal(true);
    expect(got.some((m) => m.type === 'spikes')).to.equal(false);

    for (const bad of [
      { type: 'set', population: 'nope', name: 'I_app', value: 1 },
      { type: 'set', population: 'izh', name: 'v', value: 1 },
      { type: 'set', population: 'izh', name: 'I_app', value: 'a lot' },
      { type: 'set', population: 'izh', name: 'I_app', value: [1, 2] },
      { type: 'reset' },
    ]) ws.send(JSON.stringify(bad));
    ws.send('not json');
    ws.send(JSON.stringify({ type: 'set', population: 'izh', name: 'I_app', value: [0, 0, 100, 0, 0] }));
    await until(() => got.some((m) => m.type === 'applied'), 'the change');
    const rejected = got.filter((m): m is Extract<ServerMessage, { type: 'rejected' }> => m.type === 'rejected').map((m) => m.error);
    expect(rejected.slice(0, 5)).to.deep.equal([
      'no population "nope"; populations: izh',
      '"v" is not a parameter of population "izh"; parameters: C, k, v_r, v_t, a, b, c, d, v_peak, I_app',
      'value of izh.I_app must be a finite number or 5 finite numbers, got "a lot"',
      'value of izh.I_app must be a finite number or 5 finite numbers',
      'unknown message type "reset"; expected "set"',
    ]);
    expect(rejected[5]).to.match(/JSON/);
    const applied = got.find((m): m is Extract<ServerMessage, { type: 'applied' }> => m.type === 'applied')!;
    expect(applied.step).to.be.greaterThan(0);
    await until(() => got.some((m) => m.type === 'spikes'), 'spikes');
    const spikes = got.filter((m): m is Extract<ServerMessage, { type: 'spikes' }> => m.type === 'spikes');
    // only neuron 2 got the current, and nothing changed before the step the change was applied at
    expect(spikes.every((s) => s.ranks.length === 1 && s.ranks[0] === 2 && s.step >= applied.step)).to.equal(true);
    const samples = got.filter((m): m is Extract<ServerMessage, { type: 'samples' }> => m.type === 'samples');
    const appliedT = applied.step * 0.1;
    for (const b of samples) b.t.forEach((t, k) => {
      if (t < appliedT - 1e-9) expect(b.v[2]![k]).to.equal(-60);
    });
    expect(samples.some((b) => b.v[2]!.some((x) => x !== -60))).to.equal(true);
    expect(samples.every((b) => b.v[0]!.every((x) => x === -60))).to.equal(true);

    ws.close();
    await until(() => server.activeRuns === 0, 'the run to stop');
    const steps = server.stepsSimulated;
    await sleep(200);
    expect(server.stepsSimulated).to.equal(steps);
  });
});
