import { expect } from 'chai';
import { DU_DEFAULT, DV_DEFAULT, getEquationIzhikevich2007, setInit } from '../../src/models/izhikevich-2007-template.js';

function captureLog(fn: () => void): string[] {
  const lines: string[] = [];
  const orig = console.log;
  console.log = (...args: unknown[]) => { lines.push(args.join(' ')); };
  try { fn(); } finally { console.log = orig; }
  return lines;
}

describe('models: Izhikevich (2007) equation template (compneuropy-semantics §8.4)', () => {
  it('orders prefix, syn, I_v, C * dv/dt, du/dt, affix and strips i_v/dv/du', () => {
    const eq = getEquationIzhikevich2007({ prefix: 'P = 1', syn: 'dg_ampa/dt = -g_ampa', i_v: '  I_app\n ', affix: 'A = 2' });
    const lines = eq.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    expect(lines).to.deep.equal([
      'P = 1', 'dg_ampa/dt = -g_ampa', 'I_v        = I_app', `C * dv/dt  = ${DV_DEFAULT}`, `du/dt      = ${DU_DEFAULT}`, 'A = 2',
    ]);
  });

  it('setInit appends ": init=value" to the defining line of ODE and assignment variables', () => {
    const eq = setInit(getEquationIzhikevich2007({ syn: 'dg_ampa/dt = -g_ampa' }), { v: -60, u: 3.5, I_v: 1, g_ampa: 2 });
    const lines = eq.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    expect(lines).to.deep.equal([
      'dg_ampa/dt = -g_ampa : init=2',
      'I_v        = I_app : init=1',
      `C * dv/dt  = ${DV_DEFAULT} : init=-60`,
      `du/dt      = ${DU_DEFAULT} : init=3.5`,
    ]);
  });

  it('setInit prints CompNeuroPy\'s warning for a name no line defines and leaves the text unchanged', () => {
    const eq = getEquationIzhikevich2007();
    let out = '';
    const log = captureLog(() => { out = setInit(eq, { w: 1 }); });
    expect(out).to.equal(eq);
    expect(log).to.deep.equal(['Warning: Variable w in init dict is not in the equations of the Izhikevich2007 model. It will be ignored.']);
    expect(captureLog(() => setInit(eq, {}))).to.deep.equal([]);
  });
});
