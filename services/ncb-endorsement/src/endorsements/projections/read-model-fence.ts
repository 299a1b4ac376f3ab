import type pg from 'pg';

// A fence between the writes of the endorsement (append + read-model rows, in one transaction) and a
// rebuild of its read models. Every write shares it for its transaction, before it appends; a rebuild
// holds it alone from before its replay until its rows are committed, so no write lands in between.
// Writers never wait at the fence: one that finds it held gives up at once (and is retried), because a
// writer waiting inside its transaction would hold `readAll`'s horizon back, and the rebuild's replay
// with it. (Single-bigint advisory key: it never overlaps the event store's two-int locks.)

const ENDORSEMENT_WRITES = (0x4e4342_0001n).toString(); // "NCB" 1

/** A rebuild of the read models holds the endorsement's writes off; retry shortly. */
export class EndorsementWritesArePaused extends Error {
  constructor() {
    super('the endorsement read models are being rebuilt; writes are paused until it is done');
    this.name = 'EndorsementWritesArePaused';
  }
}

/** Taken by every write of the endorsement, in its transaction, before it appends. Throws EndorsementWritesArePaused. */
export async function enterEndorsementWrite(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ entered: boolean }>('SELECT pg_try_advisory_xact_lock_shared($1) AS entered', [ENDORSEMENT_WRITES]);
  if (!rows[0]!.entered) throw new EndorsementWritesArePaused();
}

/** Holds writes off on `client`'s session (outside any transaction), once those in flight have ended. */
export async function holdEndorsementWrites(client: pg.ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [ENDORSEMENT_WRITES]);
}

export async function releaseEndorsementWrites(client: pg.ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_unlock($1)', [ENDORSEMENT_WRITES]);
}
