import { Injectable } from '@nestjs/common';
import type { CloudEvent, RecordRejectedV1 } from '@wildlife/contracts';
import type { ReactionHandler } from '@wildlife/service-kit';
import type pg from 'pg';
import { decideObserveRejection, decideSetAside } from '../domain/endorsement.observe.js';
import { ObservedFactRecorder } from './observed-fact.recorder.js';
import { decisionSetAsideFrom, ncbDecisionOf, provenanceRejectionFrom, RECORD_REJECTED, requestIdOf } from './observed-facts.js';

/**
 * Provenance's rejection of a record of the request's case: of the support request itself, which
 * then never moves on; or of one of its NCB's decisions, which is set aside. Rejections of other
 * records (external information, registry records) concern no request here.
 */
@Injectable()
export class RecordRejectedReaction implements ReactionHandler {
  constructor(private readonly facts: ObservedFactRecorder) {}

  async handle(event: CloudEvent<unknown>, client: pg.PoolClient): Promise<void> {
    if (event.type !== RECORD_REJECTED) return;
    const rejected = event as CloudEvent<RecordRejectedV1>;
    const rejection = provenanceRejectionFrom(rejected);
    if (rejection) return this.facts.record(client, event, rejection, decideObserveRejection);
    // Registry records are this service's too, but no request's: their streams are not loaded.
    if (ncbDecisionOf(rejected.data.recordType) === undefined) return;
    await this.facts.recordOn(client, event, requestIdOf(rejected.subject), (loaded) => {
      const setAside = decisionSetAsideFrom(rejected, loaded.eventIds);
      return setAside === undefined ? [] : decideSetAside(setAside, loaded.state);
    });
  }
}
