import { describe, expect, it } from '@jest/globals';
import { recordVerifiedV1Example, requestEndorsedV1Example, type CloudEvent } from '@wildlife/contracts';
import { StreamVersionConflict, type EventStore, type NewEvent, type RecordedEvent } from '@wildlife/event-store';
import type pg from 'pg';
import { submissionByTheAgency } from '../domain/support-request.examples.spec.js';
import { decideSubmit } from '../domain/support-request.decide.js';
import { initialSupportRequestState } from '../domain/support-request.state.js';
import { newStreamEvent } from '../stream/intake-stream-events.js';
import { SupportRequestStatusReaction } from './support-request-status.reaction.js';
import { FactNamesARequestNeverSubmittedHere, VerdictIsAboutAnotherRecordThanTheSubmission } from './support-request-status.errors.js';

// The reaction over a fake event store: which stream it appends to, at which version, and what it
// refuses. The inbox transaction's client only receives the read model write here.

const requestId = requestEndorsedV1Example.data.requestId;
const submissionEventId = 'aa3d46e4-0240-471e-96ec-09a05b3b8408';
const [submitted] = decideSubmit(submissionByTheAgency({ requestId }), initialSupportRequestState);

const recorded = (event: NewEvent, position: number): RecordedEvent => ({
  ...event,
  eventId: event.eventId!,
  streamId: `support-request-${requestId}`,
  streamPosition: position,
  globalPosition: position,
  recordedAt: new Date(),
});

function given(stream: RecordedEvent[], conflictsFirst = false) {
  const appends: { streamId: string; expected: unknown; events: readonly NewEvent[] }[] = [];
  let conflicts = conflictsFirst ? 1 : 0;
  const eventStore = {
    readStreamWith: async () => stream,
    appendWith: async (_client: unknown, streamId: string, expected: unknown, events: readonly NewEvent[]) => {
      if (conflicts-- > 0) throw new StreamVersionConflict(streamId, expected as number, stream.length + 1);
      appends.push({ streamId, expected, events });
      return { nextExpectedVersion: (expected as number) + events.length, events: [] };
    },
  } as unknown as EventStore;
  const written: string[] = [];
  const client = { query: async (text: string) => (written.push(text), { rows: [], rowCount: 1 }) } as unknown as pg.PoolClient;
  return { reaction: new SupportRequestStatusReaction(eventStore), appends, written, client };
}

const submittedStream = () => [recorded(newStreamEvent(submitted, submissionEventId, { correlationId: requestId }), 1)];

describe('the status reaction', () => {
  it('appends the endorsement to the request’s stream at its version, with the source event as cause, and writes the read model', async () => {
    const { reaction, appends, written, client } = given(submittedStream());

    await reaction.handle(requestEndorsedV1Example as CloudEvent, client);

    expect(appends).toEqual([{ streamId: `support-request-${requestId}`, expected: 1, events: [expect.objectContaining({ type: 'RequestEndorsedByNcb' })] }]);
    expect(appends[0]!.events[0]!.metadata).toMatchObject({ causationId: requestEndorsedV1Example.id, principal: { id: 'ncb-fr', kind: 'ncb', country: 'FR' } });
    expect(written).toHaveLength(1);
  });

  it('tries once more after losing a race on the stream', async () => {
    const { reaction, appends, client } = given(submittedStream(), true);

    await reaction.handle(requestEndorsedV1Example as CloudEvent, client);

    expect(appends).toHaveLength(1);
  });

  it('appends nothing for a source event it has already observed', async () => {
    const endorsed = { type: 'RequestEndorsedByNcb' as const, requestId, at: '2025-03-14T14:31:02.000Z', sourceEventId: requestEndorsedV1Example.id, ncb: { principalId: 'ncb-fr', country: 'FR' } };
    const { reaction, appends, written, client } = given([...submittedStream(), recorded(newStreamEvent(endorsed, 'b0c1d2e3-0000-4000-8000-000000000001', { correlationId: requestId }), 2)]);

    await reaction.handle(requestEndorsedV1Example as CloudEvent, client);

    expect(appends).toEqual([]);
    expect(written).toEqual([]);
  });

  it('refuses, for good, a fact about a request it never received', async () => {
    const { reaction, client } = given([]);

    await expect(reaction.handle(requestEndorsedV1Example as CloudEvent, client)).rejects.toThrow(FactNamesARequestNeverSubmittedHere);
  });

  it('refuses, for good, a verdict naming the request but about another record', async () => {
    const { reaction, client } = given(submittedStream());
    const verdict = { ...recordVerifiedV1Example, subject: requestId, data: { ...recordVerifiedV1Example.data, recordId: 'another-record' } };

    await expect(reaction.handle(verdict, client)).rejects.toThrow(VerdictIsAboutAnotherRecordThanTheSubmission);
  });
});
