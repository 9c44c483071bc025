import { expect } from 'chai';
import { splitStatements, findAssignment } from '../../src/language/statements.js';

describe('language: statements', () => {
  it('splits on newlines and ";", drops comments and splits flags after the last ":"', () => {
    const st = splitStatements('tau = 10.0 : population # ms\n v = 0 ; w = 1 : init=2, min=0');
    expect(st.map((s) => s.text)).to.deep.equal(['tau = 10.0', 'v = 0', 'w = 1']);
    expect(st[0]!.flags).to.deep.equal(['population']);
    expect(st[2]!.bounds).to.deep.equal({ init: '2', min: '0' });
  });

  it('keeps ":" of a conditional when the tail holds no flag', () => {
    const st = splitStatements('r = if v > 0: v else: 0');
    expect(st[0]!.text).to.equal('r = if v > 0: v else: 0');
    expect(st[0]!.flags).to.deep.equal([]);
  });

  it('glues a line without assignment to the previous statement', () => {
    const st = splitStatements('dv/dt = -v\n   + I');
    expect(st).to.have.length(1);
    expect(st[0]!.text).to.equal('dv/dt = -v + I');
  });

  it('tells assignments from comparisons', () => {
    expect(findAssignment('x += 1')).to.deep.equal({ index: 2, op: '+=' });
    expect(findAssignment('v >= 1')).to.equal(undefined);
    expect(findAssignment('x = a == b')).to.deep.equal({ index: 2, op: '=' });
  });

  it('rejects unknown flags naming the statement', () => {
    expect(() => splitStatements('v = 0 : init=1, foo=3')).to.throw(/unknown flag "foo="/);
  });
});
