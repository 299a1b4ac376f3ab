import { Injectable } from '@nestjs/common';
import type { CloudEvent, RecordRejectedV1 } from '@wildlife/contracts';
import type { ReactionHandler } from '@wildlife/service-kit';
import type pg from 'pg';
import { decideObserveRejection } from '../domain/endorsement.observe.js';
import { ObservedFactRecorder } from './observed-fact.recorder.js';
import { provenanceRejectionFrom, RECORD_REJECTED } from './observed-facts.js';

/** Provenance's rejection of a support request's record: the request never moves on. */
@Injectable()
export class RecordRejectedReaction implements ReactionHandler {
  constructor(private readonly facts: ObservedFactRecorder) {}

  async handle(event: CloudEvent<unknown>, client: pg.PoolClient): Promise<void> {
    if (event.type !== RECORD_REJECTED) return;
    const rejection = provenanceRejectionFrom(event as CloudEvent<RecordRejectedV1>);
    if (rejection) await this.facts.record(client, event, rejection, decideObserveRejection);
  }
}
