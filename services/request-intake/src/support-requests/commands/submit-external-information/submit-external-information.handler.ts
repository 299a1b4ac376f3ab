import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { topics } from '@wildlife/contracts';
import { EventStore } from '@wildlife/event-store';
import { authorize } from '@wildlife/registry';
import { EVENT_STORE, outboxMessageFor, PG_POOL, PRINCIPAL_DIRECTORY, TOPIC_PREFIX, type PrincipalDirectory, type VerifiedPrincipal } from '@wildlife/service-kit';
import type pg from 'pg';
import { decideSubmitExternalInformation } from '../../domain/external-information.decide.js';
import { externalInformationStreamId, type ExternalInformationReceived } from '../../domain/external-information.events.js';
import { initialExternalInformationState } from '../../domain/external-information.state.js';
import { assertAllowed } from '../../http/access.problem.js';
import { decidedOrRefused } from '../../http/rule-violation.problem.js';
import { recordOnce, type SubmissionOutcome } from '../../idempotency/idempotent-submission.js';
import { intakeCloudEventOf } from '../../publishing/intake-cloud-event.js';
import { toPublicEvent } from '../../publishing/to-public-event.js';
import { writeExternalInformationView } from '../../read-model/external-information.projection.js';
import { newStreamEvent } from '../../stream/intake-stream-events.js';
import { actingPrincipalOf, eventPrincipalOf } from '../acting-principal-of.js';
import { caseFactsOf } from '../case-facts.of.js';
import { registeredSourceNameOf } from './registered-source-name.js';
import { SubmitExternalInformationCommand } from './submit-external-information.command.js';
import type { ExternalInformationAcceptedResponse } from './submit-external-information.response.dto.js';

export const externalInformationUrlOf = (informationId: string) => `/v1/external-information/${informationId}`;

/**
 * Accepts information from a registered external source as `ExternalInformationReceived`, always
 * flagged external with the caveat, in one transaction with its public event and read model (and
 * the Idempotency-Key's answer). The related request, if named, is kept as given and not looked
 * up: checking it would tell a source which requests exist.
 */
@CommandHandler(SubmitExternalInformationCommand)
export class SubmitExternalInformationHandler
  implements ICommandHandler<SubmitExternalInformationCommand, SubmissionOutcome<ExternalInformationAcceptedResponse>>
{
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(TOPIC_PREFIX) private readonly topicPrefix: string,
    @Inject(PRINCIPAL_DIRECTORY) private readonly directory: PrincipalDirectory,
  ) {}

  async execute({ signed, body, idempotency }: SubmitExternalInformationCommand): Promise<SubmissionOutcome<ExternalInformationAcceptedResponse>> {
    const { principal } = signed;
    assertAllowed(authorize(principal, 'external-information:submit', { ownerId: principal.id }), 'Only a registered external source may submit external information.');
    const [received] = decidedOrRefused(() =>
      decideSubmitExternalInformation(
        {
          informationId: randomUUID(),
          receivedAt: new Date().toISOString(),
          submitter: actingPrincipalOf(principal),
          registeredSourceName: registeredSourceNameOf(this.directory, principal.id),
          summary: body.summary,
          ...(body.relatedRequestId !== undefined && { relatedRequestId: body.relatedRequestId.toLowerCase() }),
          facts: caseFactsOf(body),
          signatureMaterial: signed.material,
        },
        initialExternalInformationState,
      ),
    );
    const { informationId } = received;
    const answer = {
      status: 202,
      body: { informationId, external: received.external, caveat: received.caveat, url: externalInformationUrlOf(informationId) },
    };
    return recordOnce(this.pool, principal.id, idempotency, answer, (client) => this.append(client, received, principal));
  }

  private async append(client: pg.PoolClient, received: ExternalInformationReceived, principal: VerifiedPrincipal): Promise<void> {
    const eventId = randomUUID();
    const correlationId = received.relatedRequestId ?? received.informationId;
    const publicEvent = intakeCloudEventOf(toPublicEvent(received)!, { id: eventId, time: received.receivedAt, correlationId });
    await this.eventStore.appendWith(
      client,
      externalInformationStreamId(received.informationId),
      'no_stream',
      [newStreamEvent(received, eventId, { correlationId, principal: eventPrincipalOf(principal) })],
      { outbox: [outboxMessageFor(publicEvent, this.topicPrefix + topics.requestIntakeEvents.name)] },
    );
    await writeExternalInformationView(client, received, 1);
  }
}
