import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CloudEvent } from '@wildlife/contracts';
import { deadLetterHeaders } from '@wildlife/messaging';
import { eventually, headerOf, readTopics, testKafkaBrokers } from '@wildlife/testing';
import { Kafka, logLevel } from 'kafkajs';
import { rebuildReadModels } from '../src/index.js';
import { supportRequestBody } from './support/intake-examples.js';
import { startIntake, type RunningIntake } from './support/intake-service.js';
import { endorsementEvents, OtherServices, provenanceEvents } from './support/other-services.js';

interface Shown {
  status: string;
  provenanceStatus: string;
  version: number;
  permit?: { permitId: string; revokedAt?: string; voidedAt?: string };
  history: { what: string; by?: string; detail?: string }[];
}

describe('the status of a request follows the endorsement and provenance services', () => {
  let intake: RunningIntake;
  let others: OtherServices;

  beforeAll(async () => {
    intake = await startIntake('intake-status');
    others = new OtherServices(intake.service.kafka, intake.topicPrefix);
  });
  afterAll(async () => {
    await others?.stop();
    await intake?.stop();
  });

  async function submitted(): Promise<{ requestId: string; submissionEventId: string }> {
    const accepted = await intake.client.post('frenchAgency', '/v1/support-requests', supportRequestBody());
    const requestId = (accepted.body as { requestId: string }).requestId;
    const [submission] = await intake.service.eventStore.readStream(`support-request-${requestId}`);
    return { requestId, submissionEventId: submission!.eventId };
  }

  const shown = async (requestId: string) => (await intake.client.get<Shown>('frenchNcb', `/v1/support-requests/${requestId}`)).body;
  // Polls every 10 ms: one test measures how soon a status shows.
  const once = (requestId: string, ready: (request: Shown) => boolean, timeoutMs = 30_000) =>
    eventually(`request ${requestId} shows what the test waits for`, async () => {
      const request = await shown(requestId);
      return ready(request) ? request : undefined;
    }, { timeoutMs, pollMs: 10 });

  it('shows an endorsement within a second of its publication', async () => {
    const { requestId } = await submitted();
    // The first fact also waits for the consumer group to join; the measured one does not.
    await others.publish(endorsementEvents.acknowledged(requestId));
    await once(requestId, (request) => request.status === 'acknowledged');

    const publishedAt = performance.now();
    await others.publish(endorsementEvents.endorsed(requestId));
    const endorsed = await once(requestId, (request) => request.status === 'endorsed', 1_000);
    const elapsedMs = performance.now() - publishedAt;

    console.info(`request-intake: endorsement shown ${elapsedMs.toFixed(0)} ms after it was published`);
    expect(elapsedMs).toBeLessThan(1_000);
    expect(endorsed.history.map((entry) => entry.what)).toEqual(['SupportRequestSubmitted', 'RequestAcknowledgedByNcb', 'RequestEndorsedByNcb']);
    expect(endorsed.history[2]).toMatchObject({ by: 'ncb-fr' });
    expect(endorsed.version).toBe(3);
  });

  it('shows a decline with its reason, and lists the request under its new status', async () => {
    const { requestId } = await submitted();

    await others.publish(endorsementEvents.declined(requestId, 'Covered by a national investigation.'));

    const declined = await once(requestId, (request) => request.status === 'declined');
    expect(declined.history.at(-1)).toMatchObject({ what: 'RequestDeclinedByNcb', detail: 'Covered by a national investigation.' });
    const listed = await intake.client.get<{ items: { requestId: string }[] }>('frenchNcb', '/v1/support-requests?status=declined');
    expect(listed.body.items.map((item) => item.requestId)).toEqual([requestId]);
  });

  it('shows the direct-contact permit, then its revocation', async () => {
    const { requestId } = await submitted();
    const permitId = randomUUID();

    await others.publish(endorsementEvents.permitIssued(requestId, permitId));
    await once(requestId, (request) => request.permit?.permitId === permitId);
    await others.publish(endorsementEvents.permitRevoked(requestId, permitId));

    const revoked = await once(requestId, (request) => request.permit?.revokedAt !== undefined);
    expect(revoked.permit).toMatchObject({ permitId, gsTeam: expect.any(String), revokedAt: expect.any(String) });
  });

  it('goes back to acknowledged, its permit void, when the endorsement service sets the endorsement aside', async () => {
    const { requestId } = await submitted();
    const permitId = randomUUID();
    await others.publish(endorsementEvents.acknowledged(requestId));
    await others.publish(endorsementEvents.endorsed(requestId));
    await others.publish(endorsementEvents.permitIssued(requestId, permitId));
    await once(requestId, (request) => request.status === 'endorsed' && request.permit?.permitId === permitId);

    await others.publish(endorsementEvents.endorsementSetAside(requestId, permitId));

    const setAside = await once(requestId, (request) => request.status === 'acknowledged');
    expect(setAside.permit).toMatchObject({ permitId, voidedAt: expect.any(String) });
    expect(setAside.history.at(-1)).toMatchObject({ what: 'NcbDecisionSetAside', detail: expect.stringContaining('ncb-endorsement.RequestEndorsed.v1 set aside') });
    const listed = await intake.client.get<{ items: { requestId: string }[] }>('frenchNcb', '/v1/support-requests?status=acknowledged');
    expect(listed.body.items.map((item) => item.requestId)).toContain(requestId);
  });

  it('shows what provenance said of the submission, and ignores its verdicts on other records', async () => {
    const { requestId, submissionEventId } = await submitted();

    await others.publish(provenanceEvents.verified(requestId, randomUUID(), 'external', 'request-intake.ExternalInformationReceived.v1'));
    await others.publish(provenanceEvents.verified(requestId, submissionEventId, 'official'));

    const verified = await once(requestId, (request) => request.provenanceStatus === 'official');
    expect(verified.status).toBe('submitted');
    expect(verified.history.map((entry) => entry.what)).toEqual(['SupportRequestSubmitted', 'ProvenanceVerified']);
  });

  it('marks a request whose submission provenance rejected as rejected, for good', async () => {
    const { requestId, submissionEventId } = await submitted();

    await others.publish(provenanceEvents.rejected(requestId, submissionEventId));
    await once(requestId, (request) => request.status === 'rejected');
    await others.publish(endorsementEvents.endorsed(requestId));

    const after = await once(requestId, (request) => request.history.length === 3);
    expect(after).toMatchObject({ status: 'rejected', provenanceStatus: 'rejected' });
  });

  it('records a redelivered event once', async () => {
    const { requestId } = await submitted();
    const acknowledged = endorsementEvents.acknowledged(requestId);

    await others.publish(acknowledged);
    await others.publish(acknowledged);
    await others.publish(endorsementEvents.endorsed(requestId));

    const endorsed = await once(requestId, (request) => request.status === 'endorsed');
    expect(endorsed.history.map((entry) => entry.what)).toEqual(['SupportRequestSubmitted', 'RequestAcknowledgedByNcb', 'RequestEndorsedByNcb']);
  });

  it('applies facts naming the request by its id in capitals, on both topics (the contracts take them)', async () => {
    const { requestId, submissionEventId } = await submitted();
    const inCapitals = requestId.toUpperCase();

    await others.publish(endorsementEvents.acknowledged(inCapitals));
    await others.publish(provenanceEvents.verified(inCapitals, submissionEventId, 'official'));

    const applied = await once(requestId, (request) => request.status === 'acknowledged' && request.provenanceStatus === 'official');
    expect(applied.history.map((entry) => entry.what).sort()).toEqual(['ProvenanceVerified', 'RequestAcknowledgedByNcb', 'SupportRequestSubmitted']);
  });

  it('dead-letters a fact about a request it never received, with the reason, and goes on with the next', async () => {
    const { requestId } = await submitted();
    const neverReceived = endorsementEvents.acknowledged(randomUUID());
    const deadLetters = await readTopics(new Kafka({ clientId: 'intake-status-dlq', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }), [
      intake.service.pipeline.deadLetterTopicOf('support-request-status'),
    ]);
    try {
      await others.publish(neverReceived);
      await others.publish(endorsementEvents.acknowledged(requestId));

      await once(requestId, (request) => request.status === 'acknowledged');
      const { message } = await deadLetters.first((read) => headerOf(read.message, 'ce_id') === neverReceived.id, 30_000);
      expect(headerOf(message, deadLetterHeaders.reason)).toBe('FactNamesARequestNeverSubmittedHere');
      expect(headerOf(message, deadLetterHeaders.detail)).toContain(`support request ${neverReceived.data.requestId}, which was never submitted here`);
    } finally {
      await deadLetters.stop();
    }
  });

  it('dead-letters, with the reason, facts timed when no record can hold, and applies the facts after them on both topics', async () => {
    // Given facts whose times the contract's date-time used to take and PostgreSQL refuses (an offset
    // beyond ±15:59, year 0) or stores as year 10000, which JavaScript cannot read back (a leap
    // second at the end of 9999): before, each was retried for ever and held both topics' partitions
    const { requestId, submissionEventId } = await submitted();
    const acknowledgedAt = (time: string): CloudEvent => {
      const event = endorsementEvents.acknowledged(requestId);
      return { ...event, data: { ...event.data, acknowledgedAt: time } };
    };
    const poisons = [
      { event: acknowledgedAt('2025-03-14T14:31:02+23:59'), why: 'has a UTC offset beyond ±15:59' },
      { event: acknowledgedAt('0000-01-01T00:00:00Z'), why: 'falls outside the years 0001 to 9999 (UTC)' },
      { event: acknowledgedAt('9999-12-31T23:59:60Z'), why: 'is a leap second' },
    ];
    const deadLetters = await readTopics(new Kafka({ clientId: 'intake-status-dlq', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }), [
      intake.service.pipeline.deadLetterTopicOf('support-request-status'),
    ]);
    try {
      // When they are published, then a fact after them on the same topic and key, and one on the other topic
      for (const { event } of poisons) await others.publish(event);
      await others.publish(endorsementEvents.acknowledged(requestId));
      await others.publish(provenanceEvents.verified(requestId, submissionEventId, 'official'));

      // Then the facts after them are applied, and each poison is a dead letter saying what is wrong
      const applied = await once(requestId, (request) => request.status === 'acknowledged' && request.provenanceStatus === 'official');
      expect(applied.history.map((entry) => entry.what).sort()).toEqual(['ProvenanceVerified', 'RequestAcknowledgedByNcb', 'SupportRequestSubmitted']);
      for (const { event, why } of poisons) {
        const { message } = await deadLetters.first((read) => headerOf(read.message, 'ce_id') === event.id, 30_000);
        expect(headerOf(message, deadLetterHeaders.reason)).toBe('EventSchemaViolation');
        expect(headerOf(message, deadLetterHeaders.detail)).toContain(`/acknowledgedAt must match format "date-time": it ${why}`);
      }
    } finally {
      await deadLetters.stop();
    }
  }, 90_000);

  it('rebuilds read models equal to the live ones from the event log', async () => {
    const { requestId } = await submitted();
    await others.publish(endorsementEvents.acknowledged(requestId));
    await once(requestId, (request) => request.status === 'acknowledged');
    await intake.client.post('wildWatch', '/v1/external-information', { summary: 'A seller moved platforms.' });
    const snapshot = async () => {
      const query = (sql: string) => intake.service.pool.query(sql).then((result) => result.rows);
      return {
        requests: await query('SELECT * FROM support_requests ORDER BY request_id'),
        history: await query('SELECT * FROM support_request_history ORDER BY request_id, position'),
        external: await query('SELECT * FROM external_information ORDER BY information_id'),
      };
    };
    const live = await snapshot();

    const rebuilt = await rebuildReadModels(intake.service.pool);

    expect(rebuilt.supportRequests).toBe(live.requests.length);
    expect(rebuilt.externalInformation).toBe(1);
    expect(await snapshot()).toEqual(live);
    expect(live.history.length).toBeGreaterThan(live.requests.length);
  });

  it('rebuilds while a writer is between the request row and its history, without a deadlock', async () => {
    // Given a writer holding support_requests and about to write support_request_history, in the
    // order write_support_request_view writes them (here in two statements, so the test can stop between)
    const { requestId } = await submitted();
    const writer = await intake.service.pool.connect();
    try {
      await writer.query('BEGIN');
      await writer.query('UPDATE support_requests SET version = version WHERE request_id = $1', [requestId]);

      // When a rebuild starts meanwhile, and waits for the writer
      const rebuilt = rebuildReadModels(intake.service.pool);
      await eventually('the rebuild waits for the writer’s support_requests', async () => {
        const { rows } = await intake.service.pool.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_locks
            WHERE NOT granted AND mode = 'ExclusiveLock' AND relation = 'support_requests'::regclass
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
        return rows[0]!.waiting > 0 ? true : undefined;
      });

      // Then the writer writes the history and commits (the rebuild held no lock on it: a deadlock
      // before, when it locked the history first), and the rebuild ends after it
      await writer.query('UPDATE support_request_history SET at = at WHERE request_id = $1', [requestId]);
      await writer.query('COMMIT');
      await expect(rebuilt).resolves.toMatchObject({ supportRequests: expect.any(Number) });
    } finally {
      await writer.query('ROLLBACK').catch(() => undefined);
      writer.release();
    }
  });
});
