/**
 * CompNeuroPy's `DecisionTree` and `DecisionTreeNode`: a tree of named nodes with
 * probabilities; `getPathProd(name)` gives every path to nodes of that name with the product
 * of the probabilities along it.
 * @packageDocumentation
 */

/** A path `"/root/a/b"` and the product of the probabilities on it. */
export type PathProd = [string, number];

/**
 * A node of a {@link DecisionTree}; create children with `add(name, prob)`.
 *
 * @example
 * ```ts
 * const child = tree.node({ name: 'root', prob: 1 }).add('left', 0.3);
 * child.getPathProd(); // ['/root/left', 0.3]
 * ```
 */
export class DecisionTreeNode {
  /** 0 for a root, parent's level + 1 otherwise. */
  readonly level: number;
  /** Always 0 (CompNeuroPy's counter is per instance, a kept quirk). */
  readonly id = 0;

  constructor(
    readonly tree: DecisionTree,
    readonly parent: DecisionTreeNode | null = null,
    readonly prob = 0,
    readonly name = '',
  ) {
    this.level = parent === null ? 0 : parent.level + 1;
  }

  /** Adds a child node. */
  add(name: string, prob: number): DecisionTreeNode {
    return this.tree.node({ parent: this, prob, name });
  }

  /** The path to this node and its probability product. */
  getPathProd(): PathProd {
    return this.tree.pathProdOf(this);
  }
}

/**
 * A probability tree.
 *
 * @example
 * ```ts
 * const tree = new DecisionTree();
 * const root = tree.node({ name: 'start', prob: 1 });
 * root.add('a', 0.4).add('end', 0.5);
 * root.add('end', 0.6);
 * tree.getPathProd('end'); // [['/start/a/end', 0.2], ['/start/end', 0.6]]
 * ```
 */
export class DecisionTree {
  /** Nodes per level (`node_list`). */
  readonly nodeList: DecisionTreeNode[][] = [[]];

  /** Creates a node (a root without `parent`). */
  node(options: { parent?: DecisionTreeNode | null; prob?: number; name?: string } = {}): DecisionTreeNode {
    const { parent = null, prob = 0, name = '' } = options;
    if (parent !== null && parent.tree !== this) throw new Error(`DecisionTree.node: parent "${parent.name}" belongs to another tree`);
    const n = new DecisionTreeNode(this, parent, prob, name);
    if (this.nodeList.length === n.level) this.nodeList.push([]);
    this.nodeList[n.level]!.push(n);
    return n;
  }

  /** Paths and probability products of all nodes named `name`, deepest level first. */
  getPathProd(name: string): PathProd[] {
    const found: DecisionTreeNode[] = [];
    for (let level = this.nodeList.length - 1; level >= 0; level--) {
      for (const n of this.nodeList[level]!) if (n.name === name) found.push(n);
    }
    return found.map((n) => this.pathProdOf(n));
  }

  /** `_get_path_prod_rec`. */
  pathProdOf(node: DecisionTreeNode): PathProd {
    if (node.parent === null) return [`/${node.name}`, node.prob];
    const [path, prob] = this.pathProdOf(node.parent);
    return [`${path}/${node.name}`, prob * node.prob];
  }
}
