import type pg from 'pg';
import type { ExternalInformationReceived } from '../domain/external-information.events.js';

/** Writes the read model of one external submission (written once; a second write changes nothing). */
export async function writeExternalInformationView(db: pg.ClientBase, received: ExternalInformationReceived, version: number): Promise<void> {
  const { facts } = received;
  await db.query(
    `INSERT INTO external_information (information_id, source_id, source_name, received_at, external, caveat, summary,
                                       related_request_id, countries_concerned, facts, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (information_id) DO NOTHING`,
    [
      received.informationId,
      received.externalSource.principalId,
      received.externalSource.name,
      received.receivedAt,
      received.external,
      received.caveat,
      received.summary,
      received.relatedRequestId ?? null,
      facts.countriesConcerned,
      JSON.stringify(facts),
      version,
    ],
  );
}
