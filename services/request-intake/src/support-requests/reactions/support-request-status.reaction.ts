import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CloudEvent } from '@wildlife/contracts';
import { EventStore, StreamVersionConflict, type EventMetadata } from '@wildlife/event-store';
import { EVENT_STORE, type ReactionHandler } from '@wildlife/service-kit';
import type pg from 'pg';
import { decideObserve } from '../domain/support-request.decide.js';
import { supportRequestStreamId, type SupportRequestObservedFact } from '../domain/support-request.events.js';
import { evolve, type SupportRequest } from '../domain/support-request.state.js';
import { writeSupportRequestView } from '../read-model/support-request.projection.js';
import { newStreamEvent } from '../stream/intake-stream-events.js';
import { loadSupportRequest } from '../stream/support-request.stream.js';
import { observedFactOf } from './observed-fact-of.js';
import { FactNamesARequestNeverSubmittedHere, VerdictIsAboutAnotherRecordThanTheSubmission } from './support-request-status.errors.js';

/** Appends racing on one stream: after a conflict this transaction holds the stream's lock, so the second try wins. */
const ATTEMPTS = 2;

/**
 * Keeps each request's status in step with what the endorsement and provenance services decided.
 * Runs inside the inbox transaction on `client`: the observed fact is appended to the request's
 * stream and the read model updated with it, or nothing is. A fact already observed (same source
 * event id) appends nothing; a fact about a request this service never received is dead-lettered.
 */
@Injectable()
export class SupportRequestStatusReaction implements ReactionHandler {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async handle(event: CloudEvent<unknown>, client: pg.PoolClient): Promise<void> {
    const observed = observedFactOf(event);
    if (!observed) return;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.record(observed.fact, observed.recordId, client, metadataOf(event));
        return;
      } catch (error) {
        // `actual` is known at READ COMMITTED: the transaction is intact and may append again.
        if (!(error instanceof StreamVersionConflict) || error.actual === undefined || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  private async record(fact: SupportRequestObservedFact, recordId: string | undefined, client: pg.PoolClient, metadata: EventMetadata): Promise<void> {
    const { state, submissionEventId } = await loadSupportRequest(this.eventStore, fact.requestId, client);
    if (state.status === 'none' || submissionEventId === undefined) throw new FactNamesARequestNeverSubmittedHere(fact.requestId, fact.sourceEventId);
    if (recordId !== undefined && recordId !== submissionEventId) throw new VerdictIsAboutAnotherRecordThanTheSubmission(fact.requestId, recordId);
    const events = decideObserve(fact, state);
    if (events.length === 0) return;
    await this.eventStore.appendWith(
      client,
      supportRequestStreamId(fact.requestId),
      state.version,
      events.map((observed) => newStreamEvent(observed, randomUUID(), metadata)),
    );
    await writeSupportRequestView(client, events.reduce(evolve, state) as SupportRequest, submissionEventId);
  }
}

function metadataOf(event: CloudEvent<unknown>): EventMetadata {
  return {
    correlationId: event.correlationid,
    causationId: event.id,
    principal: { id: event.principalid, kind: event.principalkind, ...(event.principalcountry !== undefined && { country: event.principalcountry }) },
    ...(event.traceparent !== undefined && { traceparent: event.traceparent }),
  };
}
