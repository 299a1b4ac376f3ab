/** A checkpoint body outside the C2SP tlog-checkpoint grammar. */
export class CheckpointIsMalformed extends Error {
  constructor(readonly reason: string) {
    super(`Malformed checkpoint: ${reason}`);
    this.name = 'CheckpointIsMalformed';
  }
}

/** A checkpoint whose origin is not the log the caller expects (or not its key's name). */
export class CheckpointIsFromAnotherLog extends Error {
  constructor(readonly origin: string, readonly expectedOrigin: string) {
    super(`Checkpoint origin ${JSON.stringify(origin)} is not the expected ${JSON.stringify(expectedOrigin)}`);
    this.name = 'CheckpointIsFromAnotherLog';
  }
}
