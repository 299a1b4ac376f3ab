import { describe, expect, it } from '@jest/globals';
import { EventAttributesAreInvalid, requestEndorsedV1Example, recordVerifiedV1Example } from '@wildlife/contracts';
import { toKafkaMessage } from './to-kafka-message.js';

describe('encoding an event as a Kafka message (binary mode)', () => {
  it('writes every attribute as a ce_ header and the data type as content-type', () => {
    // given an event with every optional attribute but tracestate
    const event = requestEndorsedV1Example;

    // when
    const message = toKafkaMessage(event);

    // then
    expect(message.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_source: '/wildlife/ncb-endorsement',
      ce_type: 'ncb-endorsement.RequestEndorsed.v1',
      ce_subject: event.subject,
      ce_time: event.time,
      'content-type': 'application/json',
      ce_dataschema: 'urn:wildlife:schema:ncb-endorsement.RequestEndorsed.v1',
      ce_traceparent: event.traceparent,
      ce_correlationid: event.correlationid,
      ce_causationid: event.causationid,
      ce_principalid: 'ncb-fr',
      ce_principalkind: 'ncb',
      ce_principalcountry: 'FR',
    });
  });

  it('writes the data alone as the UTF-8 JSON value', () => {
    const message = toKafkaMessage(requestEndorsedV1Example);

    expect(JSON.parse(message.value.toString('utf8'))).toEqual(requestEndorsedV1Example.data);
  });

  it('keys the message by the case id, so one case keeps its order on one partition', () => {
    expect(toKafkaMessage(recordVerifiedV1Example).key).toBe(recordVerifiedV1Example.subject);
  });

  it('uses the key it is given instead', () => {
    expect(toKafkaMessage(recordVerifiedV1Example, { key: 'report-7' }).key).toBe('report-7');
  });

  it('writes no header for an attribute the event does not have', () => {
    const { traceparent: _traceparent, causationid: _causationid, ...untraced } = recordVerifiedV1Example;

    const { headers } = toKafkaMessage(untraced);

    expect(headers).not.toHaveProperty('ce_traceparent');
    expect(headers).not.toHaveProperty('ce_causationid');
  });

  it('refuses to send an event our envelope refuses', () => {
    expect(() => toKafkaMessage({ ...recordVerifiedV1Example, time: 'yesterday' })).toThrow(EventAttributesAreInvalid);
  });
});
