import { toKafkaMessage, type OutgoingMessage } from '@wildlife/messaging';
import { anAcknowledgement } from './acknowledgements.js';

/**
 * Messages no consumer can ever process, each with the error class it must be dead-lettered with.
 * All carry complete CloudEvents headers and `key`, so they land on the key's partition and only the
 * one named defect stops them.
 */
export function poisonMessages(topic: string, key: string): { message: OutgoingMessage; reason: string }[] {
  const wellFormed = () => ({ topic, ...toKafkaMessage(anAcknowledgement(key)) });
  const notJson = wellFormed();
  const unknownType = wellFormed();
  const type = 'ncb-endorsement.RequestTeleported.v1';
  const schemaViolation = wellFormed();
  return [
    { message: { ...notJson, value: Buffer.from('{"requestId": ') }, reason: 'CloudEventValueIsNotJson' },
    {
      message: { ...unknownType, headers: { ...unknownType.headers, ce_type: type, ce_dataschema: `urn:wildlife:schema:${type}` } },
      reason: 'UnknownEventType',
    },
    {
      message: { ...schemaViolation, value: Buffer.from(JSON.stringify({ requestId: 42, acknowledgedAt: 'yesterday' })) },
      reason: 'EventSchemaViolation',
    },
  ];
}

