import type pg from 'pg';

/** The after-commit hooks of the transactions `inTransaction` has open, by client. */
const afterCommit = new WeakMap<pg.ClientBase, Array<() => void>>();

export interface TransactionOptions {
  /**
   * What opens the transaction, `BEGIN` by default: a simple query (no parameters; several statements
   * run in one round trip) that may do the transaction's first work too, e.g. take a lock
   * (`BEGIN; SELECT pg_advisory_xact_lock(…)` with constant keys) or insert rows whose values it
   * carries as escaped literals. `work` gets each of its statements' results.
   */
  readonly begin?: string;
}

/**
 * COMMIT answered ROLLBACK: a statement of the transaction failed and `work` went on (it caught the
 * error), so PostgreSQL had aborted the transaction and nothing of it was written.
 */
export class TransactionWasRolledBack extends Error {
  constructor() {
    super('the transaction was rolled back at COMMIT: one of its statements had failed');
    this.name = 'TransactionWasRolledBack';
  }
}

/**
 * Runs `work` in one transaction on a pooled client: COMMIT when it resolves, ROLLBACK when it throws
 * (rethrowing its error), and `TransactionWasRolledBack` when COMMIT finds the transaction aborted (a
 * failed statement whose error `work` caught): never a success for what was not written. A client
 * whose ROLLBACK fails is closed rather than returned to the pool.
 * Hooks registered with `runAfterCommit` run once COMMIT has returned, and are dropped on ROLLBACK.
 * `work` is also handed the results of the statements that opened the transaction (`options.begin`),
 * in order, `BEGIN`'s first.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient, begun: readonly pg.QueryResult[]) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const client = await pool.connect();
  const hooks: Array<() => void> = [];
  let broken = false;
  afterCommit.set(client, hooks);
  try {
    // A simple query of several statements answers with an array of results, one of one statement with the result.
    const begun: pg.QueryResult | pg.QueryResult[] = await client.query(options.begin ?? 'BEGIN');
    const result = await work(client, Array.isArray(begun) ? begun : [begun]);
    const committed = await client.query('COMMIT');
    if (committed.command !== 'COMMIT') throw new TransactionWasRolledBack();
    afterCommit.delete(client);
    for (const hook of hooks) hook();
    return result;
  } catch (error) {
    afterCommit.delete(client);
    broken = await client.query('ROLLBACK').then(
      () => false,
      () => true,
    );
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Schedules `hook` (which must not throw) to run once the transaction that `inTransaction` has open on
 * `client` commits. Returns false, scheduling nothing, when `client` is not in such a transaction: the
 * caller cannot know when its work commits and must arrange otherwise.
 */
export function runAfterCommit(client: pg.ClientBase, hook: () => void): boolean {
  const hooks = afterCommit.get(client);
  if (!hooks) return false;
  hooks.push(hook);
  return true;
}
