import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inTransaction, type EventStore } from '@wildlife/event-store';
import { decide, isoOf, type RegistryState } from '@wildlife/registry';
import { assertRecordTimeWithinSignature, EVENT_STORE, PG_POOL, REGISTRY_EVENT_TYPES, TOPIC_PREFIX, type SignedRequestContext } from '@wildlife/service-kit';
import { recordIdOf } from '@wildlife/signatures';
import type pg from 'pg';
import { assertIfMatchHolds } from '../../http/if-match.precondition.js';
import { registryOutboxMessage, subjectOf } from '../publishing/registry-public-event.js';
import { RegistryStream, REGISTRY_STREAM_ID } from '../stream/registry-stream.js';
import { toStoredFact, type SignedRegistryFact } from '../stream/stored-registry-fact.js';
import { assertMayActOnRegistry, resourceOf } from './registry-access.js';
import { IssueRegistryCommand, type RegistryCommandAnswer } from './issue-registry-command.command.js';
import { keepAnswerWith, replayedAnswerWith } from './registry-idempotency.js';
import { problemOfRefusal } from './registry-refusal.problem.js';
import { assertSigningKeyStands } from './signing-key.js';

/**
 * In one transaction holding the `registry` stream's lock (so registry commands are decided one after
 * the other, across instances, and never on a registry another command is changing): loads the
 * registry; checks on it the key that signed the command (401 with the guard's `check`: the guard
 * read the service's Kafka-fed copy of the registry, which may not know yet that the key was rotated
 * out or revoked) and the table (`authorize`) for the signer; decides with `@wildlife/registry`; and
 * appends the facts to the stream, expecting the version it decided on, with their public events in
 * the outbox. Refusals are problems: 401 for the key, 403 / 404 from the table, 412 for an If-Match
 * that does not name the version read under the lock, then the refusal kind's status from `decide`; a
 * refusal writes nothing.
 *
 * With an Idempotency-Key, the key's stored first answer is looked up once the signing key stands,
 * before anything else is checked: a retry gets that answer (`replayed`) even though its If-Match,
 * the one the first attempt sent, names a version the first attempt itself made stale. A new answer
 * is kept for the key in the same transaction as the append, so it exists exactly when the facts do.
 * If-Match is checked after the table, as RFC 9110 (13.2.1) asks: a signer refused anyway learns
 * nothing from a 412.
 *
 * Facts timed outside the window their signature allows (`decisionTime` is the registry's latest
 * fact when another instance's clock ran ahead) are refused with a 503, nothing written: the
 * provenance log would reject them (`record-time-does-not-match-signature`) after the registry
 * applied them.
 *
 * Why a lock rather than optimistic retries: every registry command depends on the whole registry, so
 * any two concurrent commands conflict, and a burst of them (six registrations at once) exhausted a
 * bounded number of retries with a spurious 409. Registry commands are rare and short, so waiting for
 * the lock costs little; each waiter holds a pooled connection meanwhile.
 */
@CommandHandler(IssueRegistryCommand)
export class IssueRegistryCommandHandler implements ICommandHandler<IssueRegistryCommand> {
  constructor(
    private readonly registry: RegistryStream,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(TOPIC_PREFIX) private readonly topicPrefix: string,
  ) {}

  execute({ command, signed, conditions: { ifMatch, idempotency } }: IssueRegistryCommand): Promise<RegistryCommandAnswer> {
    return inTransaction(this.pool, async (client) => {
      await this.eventStore.lockStreamWith(client, REGISTRY_STREAM_ID);
      const { state, version } = await this.registry.loadWith(client);
      const at = decisionTime(state);
      assertSigningKeyStands(state, signed, at);
      const replayed = idempotency === undefined ? undefined : await replayedAnswerWith(client, signed.principal.id, idempotency);
      if (replayed !== undefined) return replayed;
      assertMayActOnRegistry(signed.principal, `registry:${command.command}`, resourceOf(state, command));
      assertIfMatchHolds(ifMatch, version, 'registry');
      const decision = decide(state, command, { by: signed.principal.id, at });
      if (!decision.accepted) throw problemOfRefusal(decision.refusal);
      // The facts' time is their records' time, which the provenance log binds to the signature.
      assertRecordTimeWithinSignature(signed.material, at);
      // Each fact is a record under the id derived from the command's signature and its public type.
      const facts = decision.facts.map((fact) => ({ eventId: recordIdOf(REGISTRY_EVENT_TYPES[fact.type], signed.material), signed: { fact, provenance: provenanceOf(signed) } }));
      const { nextExpectedVersion } = await this.append(client, facts, version, signed);
      const answer = { body: { facts: facts.map(({ eventId, signed: { fact } }) => ({ ...fact, eventId })) }, version: nextExpectedVersion, replayed: false };
      if (idempotency !== undefined) await keepAnswerWith(client, signed.principal.id, idempotency, answer);
      return answer;
    });
  }

  private append(client: pg.PoolClient, facts: readonly { eventId: string; signed: SignedRegistryFact }[], version: number, signed: SignedRequestContext) {
    const { id, kind, country } = signed.principal;
    // The public events' correlation id: the principal the command is about.
    const correlationId = subjectOf(facts[0]!.signed.fact);
    const metadata = { correlationId, principal: { id, kind, ...(country !== undefined && { country }) } };
    return this.eventStore.appendWith(
      client,
      REGISTRY_STREAM_ID,
      version,
      facts.map(({ eventId, signed: fact }) => toStoredFact(fact, eventId, metadata)),
      { outbox: facts.map(({ eventId, signed: fact }) => registryOutboxMessage(fact, eventId, this.topicPrefix)) },
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
