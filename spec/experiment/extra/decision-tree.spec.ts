import { expect } from 'chai';
import { DecisionTree } from '../../../src/experiment/extra/decision-tree.js';

describe('experiment/extra/decision-tree', () => {
  it('returns paths and probability products, deepest level first (CompNeuroPy docstring example shape)', () => {
    const tree = new DecisionTree();
    const root = tree.node({ name: 'start', prob: 1 });
    const a = root.add('a', 0.4);
    const end1 = a.add('end', 0.5);
    root.add('end', 0.6);
    expect(tree.getPathProd('end')).to.deep.equal([['/start/a/end', 0.2], ['/start/end', 0.6]]);
    expect(end1.getPathProd()).to.deep.equal(['/start/a/end', 0.2]);
    expect(end1.level).to.equal(2);
    expect(end1.id).to.equal(0); // CompNeuroPy's per-instance counter: always 0
    expect(tree.getPathProd('missing')).to.deep.equal([]);
  });

  it('rejects a parent from another tree', () => {
    const other = new DecisionTree().node({ name: 'x' });
    expect(() => new DecisionTree().node({ parent: other })).to.throw(/another tree/);
  });
});
