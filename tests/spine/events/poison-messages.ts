import { toKafkaMessage, type OutgoingMessage } from '@wildlife/messaging';
import { anAcknowledgement } from './acknowledgements.js';

export interface PoisonMessage {
  readonly message: OutgoingMessage;
  /** The error class it must be dead-lettered with (`dlq-reason`). */
  readonly reason: string;
}

const unknownType = 'ncb-endorsement.RequestTeleported.v1';

/**
 * Messages no consumer can ever process: a value that is not JSON, a type no contract knows, data
 * that violates its schema, and an id or data holding U+0000 (which PostgreSQL cannot store, so the
 * inbox could never record them). Each starts as a valid acknowledgement keyed `key` (so all land on
 * the key's partition with complete CloudEvents headers) and has exactly one defect.
 */
export function poisonMessages(
  topic: string,
  key: string,
): [notJson: PoisonMessage, unknownType: PoisonMessage, schemaViolation: PoisonMessage, nulInId: PoisonMessage, nulInData: PoisonMessage] {
  const valid = () => ({ topic, ...toKafkaMessage(anAcknowledgement(key)) });
  const [a, b, c, d, e] = [valid(), valid(), valid(), valid(), valid()];
  const dataOfE = JSON.parse(e.value!.toString()) as Record<string, unknown>;
  return [
    { message: { ...a, value: Buffer.from('{"requestId": ') }, reason: 'CloudEventValueIsNotJson' },
    {
      message: { ...b, headers: { ...b.headers, ce_type: unknownType, ce_dataschema: `urn:wildlife:schema:${unknownType}` } },
      reason: 'UnknownEventType',
    },
    { message: { ...c, value: Buffer.from(JSON.stringify({ requestId: 42, acknowledgedAt: 'yesterday' })) }, reason: 'EventSchemaViolation' },
    { message: { ...d, headers: { ...d.headers, ce_id: `${d.headers!.ce_id}\u0000` } }, reason: 'CloudEventAttributeIsInvalid' },
    { message: { ...e, value: Buffer.from(JSON.stringify({ ...dataOfE, requestId: `${key}\u0000` })) }, reason: 'CloudEventValueHoldsUnstorableText' },
  ];
}
