import { assertValidEventAttributes, EVENT_ATTRIBUTE_NAMES, type CloudEvent } from '@wildlife/contracts';
import { headerNameOf } from './cloud-event-headers.js';
import type { OutgoingKafkaMessage } from './kafka-message.js';

/**
 * Encodes an event in the CloudEvents Kafka protocol binding, binary content mode: every attribute
 * present becomes a `ce_<name>` header (`datacontenttype` becomes `content-type`), the data is the
 * UTF-8 JSON value, and the key is the case id (`subject`) unless `options.key` is given.
 * Throws EventAttributesAreInvalid (from @wildlife/contracts) for an event our envelope refuses,
 * so nothing a consumer would dead-letter is ever sent.
 */
export function toKafkaMessage(event: CloudEvent, options: { readonly key?: string } = {}): OutgoingKafkaMessage {
  return {
    key: options.key ?? event.subject,
    value: Buffer.from(JSON.stringify(event.data), 'utf8'),
    headers: toKafkaHeaders(event),
  };
}

/**
 * The `ce_*` headers of `event` in binary content mode, without serialising its data (for a writer
 * that stores the data and sends it later, as the outbox does). Throws as `toKafkaMessage` does.
 */
export function toKafkaHeaders(event: CloudEvent): Record<string, string> {
  assertValidEventAttributes(event);
  const headers: Record<string, string> = {};
  for (const attribute of EVENT_ATTRIBUTE_NAMES) {
    const value = event[attribute];
    if (value !== undefined) headers[headerNameOf(attribute)] = value;
  }
  return headers;
}
