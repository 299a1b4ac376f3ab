import { PermanentMessageError } from '@wildlife/messaging';
import pg from 'pg';

/** SQLSTATE class 22, data exception: a value the statement cannot take (a time out of range, a bad format, …). */
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;

/**
 * PostgreSQL refused a value a reaction wrote from the event with a data exception (SQLSTATE class
 * 22). The same event would be refused the same way on every retry, holding its partition for ever:
 * it is dead-lettered, with PostgreSQL's message as the reason, for a person to look at (and to
 * replay once the reaction or the contract is fixed).
 */
export class DatabaseRefusedTheEventsData extends PermanentMessageError {
  constructor(
    readonly sqlState: string,
    cause: pg.DatabaseError,
  ) {
    super(`PostgreSQL refused the event's data (SQLSTATE ${sqlState}): ${cause.message}`, { cause });
  }
}

/**
 * Runs a reaction's effect; a data exception it raises (itself, or as the cause of what it threw)
 * becomes `DatabaseRefusedTheEventsData`, permanent. Anything else is thrown as it is: transient
 * unless marked otherwise. The contracts refuse what they know no record can hold (unstorable text,
 * times PostgreSQL cannot store), so this is the backstop for what they do not know.
 */
export async function withRefusedDataPermanent(effect: () => Promise<void>): Promise<void> {
  try {
    await effect();
  } catch (error) {
    const refusal = dataExceptionIn(error);
    throw refusal === undefined ? error : new DatabaseRefusedTheEventsData(refusal.code!, refusal);
  }
}

function dataExceptionIn(error: unknown): pg.DatabaseError | undefined {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (cause instanceof pg.DatabaseError && DATA_EXCEPTION.test(cause.code ?? '')) return cause;
  }
  return undefined;
}
