import { Inject, Injectable } from '@nestjs/common';
import type { CloudEvent } from '@wildlife/contracts';
import type { EventStore } from '@wildlife/event-store';
import { EVENT_STORE } from '@wildlife/service-kit';
import type pg from 'pg';
import type { EndorsementEvent } from '../domain/endorsement.events.js';
import type { EndorsementState } from '../domain/endorsement.state.js';
import { loadEndorsement, type LoadedEndorsement } from '../stream/endorsement-stream.js';
import { EndorsementRecorder } from '../stream/endorsement-recorder.js';

/**
 * Records a fact learnt from another service's event on the request's stream, inside the inbox
 * transaction on `client`: the domain's observe decision says whether it is new (a redelivery, or the
 * same fact under another event id, adds nothing). A stream that moved meanwhile throws
 * StreamVersionConflict, which rolls the inbox row back too: the consumer retries the event.
 */
@Injectable()
export class ObservedFactRecorder {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly recorder: EndorsementRecorder,
  ) {}

  async record<F extends EndorsementEvent>(
    client: pg.PoolClient,
    source: CloudEvent<unknown>,
    fact: F,
    decide: (fact: F, state: EndorsementState) => readonly EndorsementEvent[],
  ): Promise<void> {
    await this.recordOn(client, source, fact.requestId, (loaded) => decide(fact, loaded.state));
  }

  /** The same, for a fact that can only be read against the loaded stream (`decide` gets all of it). */
  async recordOn(
    client: pg.PoolClient,
    source: CloudEvent<unknown>,
    requestId: string,
    decide: (loaded: LoadedEndorsement) => readonly EndorsementEvent[],
  ): Promise<void> {
    const loaded = await loadEndorsement(this.eventStore, requestId, client);
    const events = decide(loaded);
    await this.recorder.record(client, loaded, events, {
      at: source.time,
      causationId: source.id,
      correlationId: source.correlationid,
      principal: { id: source.principalid, kind: source.principalkind, ...(source.principalcountry !== undefined && { country: source.principalcountry }) },
    });
  }
}
