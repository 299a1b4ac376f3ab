import { HASH_SIZE } from './hashing.js';
import { type PerfectSubtreeSource } from './perfect-subtrees.js';
import { consistencyProof, inclusionProof, rootHashAt } from './proof-generation.js';
import { type NodeId } from './tree-shape.js';

// Which complete subtrees a root or proof reads depends only on the sizes, never on hash values, so
// running the generator against a source that records its lookups lists them exactly. A store can
// then fetch those O(log n) rows in one query and hand them to `PerfectSubtreeHashMap`.

class LookupRecorder implements PerfectSubtreeSource {
  readonly #seen = new Set<string>();
  readonly nodes: NodeId[] = [];

  perfectSubtreeHash(level: number, index: number): Uint8Array {
    const key = `${level}/${index}`;
    if (!this.#seen.has(key)) {
      this.#seen.add(key);
      this.nodes.push({ level, index });
    }
    return new Uint8Array(HASH_SIZE);
  }
}

function recordLookups(generate: (source: PerfectSubtreeSource) => unknown): NodeId[] {
  const recorder = new LookupRecorder();
  generate(recorder);
  return recorder.nodes;
}

/** The complete subtrees `rootHashAt(source, size)` reads (none for size 0). */
export function requiredNodesForRoot(size: number): NodeId[] {
  return recordLookups((source) => rootHashAt(source, size));
}

/** The complete subtrees `inclusionProof(source, leafIndex, treeSize)` reads; same refusals. */
export function requiredNodesForInclusion(leafIndex: number, treeSize: number): NodeId[] {
  return recordLookups((source) => inclusionProof(source, leafIndex, treeSize));
}

/** The complete subtrees `consistencyProof(source, size1, size2)` reads; same refusals. */
export function requiredNodesForConsistency(size1: number, size2: number): NodeId[] {
  return recordLookups((source) => consistencyProof(source, size1, size2));
}
