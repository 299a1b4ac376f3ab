import type pg from 'pg';
import type { ExternalInformationReceived } from '../domain/external-information.events.js';
import type { ReadModelView } from './read-model-view.js';

/**
 * The read model of one external submission as `write_external_information_view` takes it
 * (migrations/0003): its `external_information` row. Its stream holds that one event, so it is
 * always at version 1.
 */
export function externalInformationViewOf(received: ExternalInformationReceived): ReadModelView<'external_information'> {
  const { facts } = received;
  const row = {
    information_id: received.informationId,
    source_id: received.externalSource.principalId,
    source_name: received.externalSource.name,
    received_at: received.receivedAt,
    external: received.external,
    caveat: received.caveat,
    summary: received.summary,
    related_request_id: received.relatedRequestId ?? null,
    countries_concerned: facts.countriesConcerned,
    facts,
    version: 1,
  };
  return { kind: 'external_information', json: JSON.stringify(row) };
}

/**
 * Writes the read model of one external submission: its row, once; a second write changes nothing.
 * The rebuild writes through it, and the live path through the same SQL function (recordSubmission).
 */
export async function writeExternalInformationView(db: pg.ClientBase, received: ExternalInformationReceived): Promise<void> {
  await db.query('SELECT write_external_information_view($1)', [externalInformationViewOf(received).json]);
}
