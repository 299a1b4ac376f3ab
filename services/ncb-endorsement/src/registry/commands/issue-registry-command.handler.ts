import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inTransaction, StreamVersionConflict, type EventStore } from '@wildlife/event-store';
import { decide, isoOf, type RegistryState } from '@wildlife/registry';
import { EVENT_STORE, PG_POOL, ProblemError, TOPIC_PREFIX, type SignedRequestContext } from '@wildlife/service-kit';
import type pg from 'pg';
import { registryOutboxMessage, subjectOf } from '../publishing/registry-public-event.js';
import { RegistryStream, REGISTRY_STREAM_ID } from '../stream/registry-stream.js';
import { toStoredFact, type SignedRegistryFact } from '../stream/stored-registry-fact.js';
import { assertMayActOnRegistry, resourceOf } from './registry-access.js';
import { IssueRegistryCommand, type RegistryFactsRecorded } from './issue-registry-command.command.js';
import { problemOfRefusal } from './registry-refusal.problem.js';
import { assertSigningKeyStands } from './signing-key.js';

/** Registry commands are independent of each other: one that lost a race is decided again on the new state. */
const ATTEMPTS = 3;

/**
 * Loads the registry; checks on it the key that signed the command (401 with the guard's `check`: the
 * guard read the service's Kafka-fed copy of the registry, which may not know yet that the key was
 * rotated out or revoked) and the table (`authorize`) for the signer; decides with
 * `@wildlife/registry`; and appends the facts to the `registry` stream with their public events in
 * the outbox, in one transaction, expecting the version it decided on. On StreamVersionConflict it
 * decides again on the newer registry, key check included, up to three times in all, then answers
 * 409. Refusals are problems: 401 for the key, 403 / 404 from the table, then the refusal kind's
 * status from `decide`.
 */
@CommandHandler(IssueRegistryCommand)
export class IssueRegistryCommandHandler implements ICommandHandler<IssueRegistryCommand> {
  constructor(
    private readonly registry: RegistryStream,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(TOPIC_PREFIX) private readonly topicPrefix: string,
  ) {}

  async execute({ command, signed }: IssueRegistryCommand): Promise<RegistryFactsRecorded> {
    for (let attempt = 1; ; attempt++) {
      const { state, version } = await this.registry.load();
      const at = decisionTime(state);
      assertSigningKeyStands(state, signed, at);
      assertMayActOnRegistry(signed.principal, `registry:${command.command}`, resourceOf(state, command));
      const decision = decide(state, command, { by: signed.principal.id, at });
      if (!decision.accepted) throw problemOfRefusal(decision.refusal);
      const facts = decision.facts.map((fact) => ({ eventId: randomUUID(), signed: { fact, provenance: provenanceOf(signed) } }));
      try {
        await this.append(facts, version, signed);
        return { facts: facts.map(({ eventId, signed: { fact } }) => ({ ...fact, eventId })) };
      } catch (error) {
        if (!(error instanceof StreamVersionConflict)) throw error;
        if (attempt === ATTEMPTS) {
          throw new ProblemError(409, 'registry-changed-concurrently', 'Conflict', 'The registry kept changing while the command was decided; send it again.');
        }
      }
    }
  }

  private append(facts: readonly { eventId: string; signed: SignedRegistryFact }[], version: number, signed: SignedRequestContext) {
    const { id, kind, country } = signed.principal;
    // The public events' correlation id: the principal the command is about.
    const correlationId = subjectOf(facts[0]!.signed.fact);
    const metadata = { correlationId, principal: { id, kind, ...(country !== undefined && { country }) } };
    return inTransaction(this.pool, (client) =>
      this.eventStore.appendWith(
        client,
        REGISTRY_STREAM_ID,
        version,
        facts.map(({ eventId, signed: fact }) => toStoredFact(fact, eventId, metadata)),
        { outbox: facts.map(({ eventId, signed: fact }) => registryOutboxMessage(fact, eventId, this.topicPrefix)) },
      ),
    );
  }
}

/** Now, but never before the registry's latest fact: instances' clocks may differ by a little. */
function decisionTime(state: RegistryState): string {
  return isoOf(Math.max(Date.now(), state.latestFactAt ?? 0));
}

function provenanceOf({ principal, material }: SignedRequestContext): SignedRegistryFact['provenance'] {
  return { principal, ...material };
}
