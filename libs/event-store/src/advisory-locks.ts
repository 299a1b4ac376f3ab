/**
 * Advisory lock classes of this library. Locks are taken with the two-int form
 * `pg_advisory_*lock(class, key)`, whose key space never overlaps the single-bigint form, so an
 * application's own advisory locks cannot collide with these. Each class is "ES" (0x4553) in the high
 * half and a small number in the low half.
 */
export const AdvisoryLockClass = {
  /**
   * Held for an append's transaction, keyed by `hashtext(stream_id)`: appends to a stream queue up.
   * Taken inside the SQL function `append_events` (migrations/0005), which spells it `x'45530001'`,
   * and by `EventStore.lockStreamWith` for a whole decision's transaction.
   */
  stream: 0x45530001,
  /** Held by `migrate` for its whole run, key 0. */
  migrations: 0x45530002,
  /** Held by the publishing outbox relay for as long as it publishes, key 0. */
  outboxRelay: 0x45530003,
} as const;
