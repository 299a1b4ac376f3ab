import type pg from 'pg';

/** What a running service says of its health, and which database its pool is on. */
export interface ServiceHealth {
  readonly liveStatus: number;
  readonly readyStatus: number;
  readonly ready: unknown;
  readonly database: string;
}

/** Asks `url`'s health endpoints, and `pool` which database it is connected to. */
export async function serviceHealthOf(url: string, pool: pg.Pool): Promise<ServiceHealth> {
  const live = await fetch(`${url}/health/live`);
  const ready = await fetch(`${url}/health/ready`);
  const { rows } = await pool.query<{ name: string }>('SELECT current_database() AS name');
  return { liveStatus: live.status, readyStatus: ready.status, ready: await ready.json(), database: rows[0]!.name };
}

/** A service live and ready, with PostgreSQL and Kafka up, its pool on `database` (its own). */
export function healthyOn(database: string | undefined): ServiceHealth {
  return {
    liveStatus: 200,
    readyStatus: 200,
    ready: {
      status: 'up',
      dependencies: [
        { name: 'postgres', up: true },
        { name: 'kafka', up: true },
      ],
    },
    database: database ?? '(no DATABASE_NAME in the environment)',
  };
}
