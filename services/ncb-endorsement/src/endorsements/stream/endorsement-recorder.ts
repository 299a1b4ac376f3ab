import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EventPrincipal, EventStore } from '@wildlife/event-store';
import { EVENT_STORE, TOPIC_PREFIX } from '@wildlife/service-kit';
import { recordIdOf } from '@wildlife/signatures';
import type pg from 'pg';
import type { EndorsementEvent } from '../domain/endorsement.events.js';
import { writeEndorsementRecords } from '../projections/endorsement-read-model.js';
import { enterEndorsementWrite } from '../projections/read-model-fence.js';
import { endorsementRecordOf, type EndorsementRecords } from '../projections/endorsement-record.js';
import { publicOutboxMessages } from '../publishing/public-outbox.js';
import { toPublicEvent } from '../publishing/to-public-event.js';
import type { LoadedEndorsement } from './endorsement-stream.js';
import { toStoredEvent } from './stored-endorsement-event.js';

/** Who or what caused the events being recorded. */
export interface EventCause {
  /** When it was decided (RFC 3339): the time of the public events. */
  readonly at: string;
  /** The signer of the call that caused them, if any. */
  readonly principal?: EventPrincipal;
  /** The public event they were learnt from, if any. */
  readonly causationId?: string;
  /** That event's conversation: it becomes the case's correlation id when the stream starts here. */
  readonly correlationId?: string;
}

/**
 * Records what was decided on a loaded stream, on the caller's transaction: appends the events
 * expecting the stream still at the version it was loaded at, writes the outbox rows of their public
 * counterparts and the request's read-model rows. Nothing is written when `decided` is empty.
 * Throws, with nothing written: StreamVersionConflict (the stream moved since it was loaded), and
 * EndorsementWritesArePaused (a rebuild of the read models is running). A signed decision's event
 * (the record provenance checks) is appended and published under the id derived from its signature
 * (`recordIdOf` of its public type); any other event under a random one.
 */
@Injectable()
export class EndorsementRecorder {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(TOPIC_PREFIX) private readonly topicPrefix: string,
  ) {}

  async record(client: pg.ClientBase, loaded: LoadedEndorsement, decided: readonly EndorsementEvent[], cause: EventCause): Promise<EndorsementRecords> {
    const all = [...loaded.events, ...decided];
    if (decided.length === 0) return endorsementRecordOf(loaded.requestId, all);
    const identified = decided.map((event) => ({ eventId: eventIdOf(event), event }));
    const correlationId = loaded.events.length === 0 ? (cause.correlationId ?? loaded.correlationId) : loaded.correlationId;
    const metadata = {
      correlationId,
      ...(cause.causationId !== undefined && { causationId: cause.causationId }),
      ...(cause.principal !== undefined && { principal: cause.principal }),
    };
    const outbox = publicOutboxMessages(identified, { correlationId, time: cause.at, topicPrefix: this.topicPrefix });
    await enterEndorsementWrite(client);
    await this.eventStore.appendWith(
      client,
      loaded.streamId,
      loaded.state.version,
      identified.map(({ eventId, event }) => toStoredEvent(event, eventId, metadata)),
      { outbox },
    );
    const records = endorsementRecordOf(loaded.requestId, all);
    await writeEndorsementRecords(client, records);
    return records;
  }
}

/** The id a decided event is appended and published under: a signed decision's is its record id, derived from its signature. */
function eventIdOf(event: EndorsementEvent): string {
  if ('signatureMaterial' in event) {
    const published = toPublicEvent(event);
    if (published !== undefined) return recordIdOf(published.type, event.signatureMaterial);
  }
  return randomUUID();
}
