import { expect } from 'chai';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report } from '../../src/io/report.js';
import { Network } from '../../src/engine/network.js';
import { Population } from '../../src/engine/population.js';
import { Projection } from '../../src/engine/projection.js';
import { Monitor } from '../../src/engine/monitor.js';
import { IF_curr_exp } from '../../src/models/annarchy/if-neurons.js';
import { STDP } from '../../src/models/annarchy/synapses.js';

describe('io: report() writes a Markdown description (ANNarchy report(filename.md))', () => {
  it('has the structure, model and parameter sections of ANNarchy\'s Markdown report', () => {
    const net = new Network({ dt: 0.1 });
    const exc = new Population(80, new IF_curr_exp({ tau_m: 15.0 }), { name: 'exc', network: net });
    const proj = new Projection(exc, exc, 'exc', new STDP(), { name: 'rec', network: net });
    proj.connectFixedProbability({ probability: 0.1, weights: 0.01 });
    new Monitor(exc, ['spike', 'v'], { period: 1.0 });
    net.compile();
    const file = join(mkdtempSync(join(tmpdir(), 'annlib-report-')), 'sub', 'report.md');
    const md = report({ filename: file, title: 'Test net', network: net });
    expect(readFileSync(file, 'utf8')).to.equal(md);
    expect(md.startsWith('---\ntitle: Test net\nauthor: compneuro-rx\ndate: \n---\n')).to.equal(true);
    for (const h of ['# Structure of the network', '## Populations', '## Projections', '## Monitors', '# Neuron models', '## Integrate-and-Fire', '# Synapse models', '## Spike-timing dependent plasticity', '# Parameters', '## Population exc', '## Projection rec: exc -> exc (exc)']) {
      expect(md, h).to.contain(`\n${h}\n`);
    }
    expect(md).to.contain('* Numerical step size: 0.1 ms.');
    expect(md).to.contain('| exc | 80 | Integrate-and-Fire |');
    expect(md).to.contain('| exc | exc | exc | Spike-timing dependent plasticity | Random |');
    expect(md).to.contain('| exc | spike, v | 1 |');
    expect(md).to.contain('| tau_m | 15 |');
    expect(md).to.contain('cm * dv/dt = cm/tau_m*(v_rest -v)   + g_exc - g_inh + i_offset : exponential, init=-65.0');
    expect(md).to.contain('| w_max | 1 |');
    expect(() => report({ filename: 'report.tex', network: net })).to.throw(/only Markdown is written/);
  });
});
