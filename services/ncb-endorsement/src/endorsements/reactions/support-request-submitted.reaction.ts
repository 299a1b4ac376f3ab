import { Injectable } from '@nestjs/common';
import type { CloudEvent, SupportRequestSubmittedV1 } from '@wildlife/contracts';
import type { ReactionHandler } from '@wildlife/service-kit';
import type pg from 'pg';
import { decideReceive } from '../domain/endorsement.observe.js';
import { ObservedFactRecorder } from './observed-fact.recorder.js';
import { requestReceivedFrom, SUPPORT_REQUEST_SUBMITTED } from './observed-facts.js';

/** Intake's SupportRequestSubmitted opens the request's stream at its NCB (once, however often delivered). */
@Injectable()
export class SupportRequestSubmittedReaction implements ReactionHandler {
  constructor(private readonly facts: ObservedFactRecorder) {}

  async handle(event: CloudEvent<unknown>, client: pg.PoolClient): Promise<void> {
    if (event.type !== SUPPORT_REQUEST_SUBMITTED) return;
    await this.facts.record(client, event, requestReceivedFrom(event as CloudEvent<SupportRequestSubmittedV1>), decideReceive);
  }
}
