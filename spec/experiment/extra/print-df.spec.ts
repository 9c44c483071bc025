import { expect } from 'chai';
import { formatDf, printDf } from '../../../src/experiment/extra/print-df.js';

describe('experiment/extra/print-df', () => {
  it('lays out like pandas to_string (pd.DataFrame({"a": [1, 22], "bb": ["x", "yyy"]}))', () => {
    expect(formatDf({ a: [1, 22], bb: ['x', 'yyy'] })).to.equal('    a   bb\n0   1    x\n1  22  yyy');
  });

  it('floats of a column share decimals; rows and booleans work; all rows are printed', () => {
    // pandas: pd.DataFrame({"v": [1.5, 2.25, float("nan")], "s": [True, False, True]})
    expect(formatDf([{ v: 1.5, s: true }, { v: 2.25, s: false }, { v: NaN, s: true }])).to.equal(
      '      v      s\n0  1.50   True\n1  2.25  False\n2   NaN   True',
    );
    const lines: string[] = [];
    printDf({ x: Array.from({ length: 100 }, (_, i) => i) }, { print: (t) => lines.push(t) });
    expect(lines[0]!.split('\n')).to.have.length(101);
    expect(() => formatDf({ a: [1], b: [1, 2] })).to.throw(/column "b" has 2 values/);
  });
});
