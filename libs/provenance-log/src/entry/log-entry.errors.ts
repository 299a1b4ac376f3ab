/** Bytes or a value that are not a well-formed version-1 log entry in canonical form. */
export class LogEntryIsMalformed extends Error {
  constructor(readonly reason: string) {
    super(`Malformed log entry: ${reason}`);
    this.name = 'LogEntryIsMalformed';
  }
}
