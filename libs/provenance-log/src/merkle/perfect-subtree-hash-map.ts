import { SubtreeHashIsMissing } from './merkle.errors.js';
import { type PerfectSubtreeSource, type StoredNode } from './perfect-subtrees.js';

/**
 * A `PerfectSubtreeSource` over a handful of stored rows, typically those listed by
 * `requiredNodesFor*` and fetched from the database for one request. It trusts the rows: a wrong
 * stored hash yields a proof that fails verification, never a silent success.
 */
export class PerfectSubtreeHashMap implements PerfectSubtreeSource {
  readonly #hashes = new Map<string, Uint8Array>();

  constructor(nodes: Iterable<StoredNode> = []) {
    for (const node of nodes) this.set(node);
  }

  set(node: StoredNode): void {
    this.#hashes.set(`${node.level}/${node.index}`, Uint8Array.from(node.hash));
  }

  perfectSubtreeHash(level: number, index: number): Uint8Array {
    const hash = this.#hashes.get(`${level}/${index}`);
    if (hash === undefined) throw new SubtreeHashIsMissing(level, index);
    return Uint8Array.from(hash);
  }
}
