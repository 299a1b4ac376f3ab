import { describe, expect, it } from '@jest/globals';
import { CloudEventValueIsNotJson } from '../cloudevents/index.js';
import { failureKindOf, PermanentMessageError } from './message-failure.js';

class EventSchemaViolation extends Error {}
class UnknownEventType extends Error {}

describe('classifying why a message failed', () => {
  it('calls a PermanentMessageError, and any subclass, permanent', () => {
    class ValueIsNotJson extends PermanentMessageError {}

    expect(failureKindOf(new PermanentMessageError('bad'))).toBe('permanent');
    expect(failureKindOf(new ValueIsNotJson('bad'))).toBe('permanent');
    expect(new ValueIsNotJson('bad').name).toBe('ValueIsNotJson');
  });

  it('calls the CloudEvents codec’s decoding errors permanent, through their `permanent` mark', () => {
    expect(failureKindOf(new CloudEventValueIsNotJson('Unexpected token'))).toBe('permanent');
  });

  it('calls anything else transient: an outage or a bug must hold the partition, not lose the message', () => {
    expect(failureKindOf(new Error('connect ECONNREFUSED'))).toBe('transient');
    expect(failureKindOf(new TypeError('x is undefined'))).toBe('transient');
    expect(failureKindOf('a thrown string')).toBe('transient');
    expect(failureKindOf({ permanent: 'yes' })).toBe('transient');
  });

  it('calls an error of any class permanent once its consumer marked it so, and leaves the same class unmarked transient', () => {
    expect(failureKindOf(Object.assign(new EventSchemaViolation(), { permanent: true }))).toBe('permanent');
    expect(failureKindOf(Object.assign(new UnknownEventType(), { permanent: true }))).toBe('permanent');
    expect(failureKindOf(new EventSchemaViolation())).toBe('transient');
    expect(failureKindOf(new Error('pool exhausted'))).toBe('transient');
  });
});
