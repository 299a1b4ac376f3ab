/** A trust-roots document that cannot be used, with the path of the first bad field (`ncbs[2].keys[0].publicKey`). */
export class TrustRootsAreInvalid extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid trust roots: ${field === '' ? 'the document' : field} ${reason}`);
    this.name = 'TrustRootsAreInvalid';
  }
}
