import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { EventSchemaViolation } from '../registry/contract-registry.errors.js';
import { requestAcknowledgedV1 } from '../events/ncb-endorsement/request-acknowledged.v1.js';
import { requestAcknowledgedV1Example } from '../events/ncb-endorsement/request-acknowledged.v1.example.js';
import { recordVerifiedV1 } from '../events/provenance/record-verified.v1.js';
import { recordVerifiedV1Example } from '../events/provenance/record-verified.v1.example.js';
import { createEvent, EventPrincipalDisagreesWithProvenance, type EventAttributesInput } from './create-event.js';
import { EventAttributesAreInvalid } from './event-attributes.validation.js';

const ncbFr = { id: 'ncb-fr', kind: 'ncb', country: 'FR' } as const;

function attributes(overrides: Partial<EventAttributesInput> = {}): EventAttributesInput {
  const caseId = randomUUID();
  return {
    id: randomUUID(),
    source: '/wildlife/ncb-endorsement',
    subject: caseId,
    time: '2025-03-14T11:05:40+01:00',
    correlationId: caseId,
    principal: ncbFr,
    ...overrides,
  };
}

describe('creating an event', () => {
  it('builds a CloudEvent 1.0 with the contract type, its dataschema and our extension attributes', () => {
    // given valid data and attributes
    const data = requestAcknowledgedV1Example.data;
    const given = attributes({ causationId: 'cause-1', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });

    // when
    const event = createEvent(requestAcknowledgedV1, data, given);

    // then
    expect(event).toEqual({
      specversion: '1.0',
      id: given.id,
      source: '/wildlife/ncb-endorsement',
      type: 'ncb-endorsement.RequestAcknowledged.v1',
      subject: given.subject,
      time: '2025-03-14T10:05:40.000Z',
      datacontenttype: 'application/json',
      dataschema: 'urn:wildlife:schema:ncb-endorsement.RequestAcknowledged.v1',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      correlationid: given.correlationId,
      causationid: 'cause-1',
      principalid: 'ncb-fr',
      principalkind: 'ncb',
      principalcountry: 'FR',
      data,
    });
  });

  it('leaves out optional attributes that were not given', () => {
    const given = attributes({ principal: { id: 'gs-analyst-1', kind: 'general-secretariat' } });

    const event = createEvent(recordVerifiedV1, recordVerifiedV1Example.data, given);

    for (const absent of ['traceparent', 'tracestate', 'causationid', 'principalcountry']) expect(event).not.toHaveProperty(absent);
  });

  it('normalises the time to UTC with milliseconds, also from a Date', () => {
    const given = attributes({ time: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)) });

    const fromDate = createEvent(recordVerifiedV1, recordVerifiedV1Example.data, given);

    expect(fromDate.time).toBe('2025-01-02T03:04:05.000Z');
  });

  it('refuses data that violates the schema, naming each bad path', () => {
    const data = { ...requestAcknowledgedV1Example.data, requestId: 'not-a-uuid', extra: 1 };

    const attempt = () => createEvent(requestAcknowledgedV1, data, attributes());

    expect(attempt).toThrow(EventSchemaViolation);
    expect(violationPaths(attempt)).toEqual(expect.arrayContaining(['/requestId', '/extra']));
  });

  it.each([
    ['a time without a time zone', { time: '2025-03-14T10:05:40' }, '/time'],
    ['a source that is not a URI reference', { source: 'not a uri' }, '/source'],
    ['a malformed traceparent', { traceparent: '00-abc-def-01' }, '/traceparent'],
    ['an all-zero trace id', { traceparent: `00-${'0'.repeat(32)}-b7ad6b7169203331-01` }, '/traceparent'],
    ['an empty correlation id', { correlationId: '' }, '/correlationid'],
    ['a lower-case principal country', { principal: { id: 'ncb-fr', kind: 'ncb', country: 'fr' } }, '/principalcountry'],
  ] as const)('refuses %s', (_case, overrides, path) => {
    const attempt = () =>
      createEvent(recordVerifiedV1, recordVerifiedV1Example.data, attributes(overrides as Partial<EventAttributesInput>));

    expect(attempt).toThrow(EventAttributesAreInvalid);
    expect(violationPaths(attempt)).toContain(path);
  });

  it('refuses a principal other than the signer of the record', () => {
    const anotherNcb = attributes({ principal: { id: 'ncb-be', kind: 'ncb', country: 'BE' } });

    const attempt = () => createEvent(requestAcknowledgedV1, requestAcknowledgedV1Example.data, anotherNcb);

    expect(attempt).toThrow(EventPrincipalDisagreesWithProvenance);
  });
});

function violationPaths(attempt: () => unknown): string[] {
  try {
    attempt();
  } catch (error) {
    return (error as { violations: { path: string }[] }).violations.map((violation) => violation.path);
  }
  throw new Error('expected the attempt to throw');
}
