import { HASH_SIZE } from './hashing.js';

/**
 * An append-only column of 32-byte hashes in one growing buffer: one level of a `MerkleTree`.
 * A flat buffer costs 32 bytes a hash where an array of small buffers costs several times that.
 */
export class HashColumn {
  #bytes = new Uint8Array(HASH_SIZE * 64);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(hash: Uint8Array): void {
    if (hash.length !== HASH_SIZE) throw new RangeError(`a hash is ${HASH_SIZE} bytes, got ${hash.length}`);
    if ((this.#length + 1) * HASH_SIZE > this.#bytes.length) {
      const grown = new Uint8Array(this.#bytes.length * 2);
      grown.set(this.#bytes);
      this.#bytes = grown;
    }
    this.#bytes.set(hash, this.#length * HASH_SIZE);
    this.#length += 1;
  }

  /** A copy of the hash at `index`, or undefined past the end. */
  at(index: number): Uint8Array | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.#length) return undefined;
    return this.#bytes.slice(index * HASH_SIZE, (index + 1) * HASH_SIZE);
  }
}
