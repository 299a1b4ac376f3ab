/**
 * A wake-up for one waiting loop that is never lost: `wake()` while nobody waits makes the next
 * `wait` return at once, so a notification that arrives during a pass triggers another pass.
 */
export class WakeSignal {
  private pending = false;
  private release: (() => void) | undefined;

  wake(): void {
    if (this.release) this.release();
    else this.pending = true;
  }

  /** Resolves on `wake()` or after `ms`, whichever comes first. */
  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.release = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.release = done;
    });
  }
}
