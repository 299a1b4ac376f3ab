/**
 * Tracks the highest global position below which no event can still commit, so `readAll` can return
 * events in global-position order without ever skipping one that commits late.
 *
 * Why not just `transaction_id < pg_snapshot_xmin(pg_current_snapshot())`: that makes the set of
 * returned rows final, not their positions a prefix of the log. A takes its xid, B takes its xid and
 * position 6, A takes position 7 and commits. B's xid is above every completed xid, so it is not even
 * in the snapshot's in-progress list: xmin is past A's xid, A's row passes the filter, B's has not
 * committed yet, and a reader that resumes after 7 skips 6 forever.
 *
 * What this relies on instead:
 * 1. every append has its transaction id before it takes a position (the SQL function
 *    `append_events` calls `pg_current_xact_id()` first);
 * 2. an observation reads the sequence's last value (`head`) and then, in the same statement, takes a
 *    fresh transaction id (`nextXid`) and commits it.
 * Any transaction holding a position <= head took its xid before head was read, so its xid is below
 * nextXid. A later snapshot whose xmin is >= nextXid has no such transaction running (nextXid itself
 * completed, so every smaller running xid is in that snapshot's in-progress list): every position
 * <= head is final, committed or never to be. The horizon is the greatest head settled so.
 *
 * A reader that polls advances the horizon about once per longest running transaction. Transactions
 * of other databases on the same server count too (xids are server-wide), as they do for vacuum: a
 * transaction left open anywhere holds the horizon back; it never makes it wrong. Each observation uses
 * up one transaction id.
 */
export class ReadHorizon {
  private settled = 0;
  private readonly waiting: { head: number; nextXid: bigint }[] = [];

  constructor(private readonly maxWaiting = 256) {}

  /** The settled horizon: every global position at or below it is final. */
  get position(): number {
    return this.settled;
  }

  /** Records that `head` was read before the (committed) transaction `nextXid` took its id. */
  observe(head: number, nextXid: bigint): void {
    if (head <= this.settled) return;
    // When full, the newest slot is replaced by the newer observation: the horizon still advances as
    // older slots settle, and memory stays bounded whatever the read rate.
    if (this.waiting.length >= this.maxWaiting) this.waiting.pop();
    this.waiting.push({ head, nextXid });
  }

  /** Settles every observation a snapshot with this xmin allows; returns the horizon. */
  settle(xmin: bigint): number {
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const waiting = this.waiting[i]!;
      if (waiting.nextXid <= xmin) {
        this.settled = Math.max(this.settled, waiting.head);
        this.waiting.splice(i, 1);
      }
    }
    return this.settled;
  }
}
