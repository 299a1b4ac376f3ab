/** `catchUp` gave up: the log was still not final up to where it had to reach (a transaction stayed open). */
export class ProjectionDidNotCatchUpInTime extends Error {
  constructor(
    readonly projection: string,
    readonly target: number,
    readonly horizon: number,
    readonly timeoutMs: number,
  ) {
    super(
      `projection ${projection} did not reach global position ${target} within ${timeoutMs} ms ` +
        `(the log is final only up to ${horizon}; is a transaction left open?)`,
    );
    this.name = 'ProjectionDidNotCatchUpInTime';
  }
}
