import type { PrincipalKind } from './principal.js';

/**
 * The CloudEvents 1.0 context attributes every public event carries, including our extensions
 * (CloudEvents extension names are lower-case a-z0-9, at most 20 characters):
 * - `traceparent` / `tracestate`: W3C Trace Context of the work that produced the event;
 * - `correlationid`: ties together every event of one conversation (usually one case);
 * - `causationid`: the id of the event or command that caused this one;
 * - `principalid` / `principalkind` / `principalcountry`: the record's source principal, the party
 *   that vouches for it (for a signed record, its signer).
 */
export interface CloudEventAttributes {
  readonly specversion: '1.0';
  readonly id: string;
  /** URI-reference naming the producer, e.g. `/wildlife/request-intake`. */
  readonly source: string;
  /** `<producer>.<EventName>.v<N>`. */
  readonly type: string;
  /** The case id (request or report id); also the Kafka key, so one case keeps its order. */
  readonly subject: string;
  /** RFC 3339, normalised to UTC with milliseconds by `createEvent`. */
  readonly time: string;
  readonly datacontenttype: 'application/json';
  /** `urn:wildlife:schema:<type>`, the `$id` of the data's JSON Schema. */
  readonly dataschema: string;
  readonly traceparent?: string;
  readonly tracestate?: string;
  readonly correlationid: string;
  readonly causationid?: string;
  readonly principalid: string;
  readonly principalkind: PrincipalKind;
  readonly principalcountry?: string;
}

export interface CloudEvent<T = unknown> extends CloudEventAttributes {
  readonly data: T;
}

export type CloudEventAttributeName = keyof CloudEventAttributes;

/** Every context attribute, in the order they are written; the wire codecs use this list. */
export const EVENT_ATTRIBUTE_NAMES: readonly CloudEventAttributeName[] = [
  'specversion',
  'id',
  'source',
  'type',
  'subject',
  'time',
  'datacontenttype',
  'dataschema',
  'traceparent',
  'tracestate',
  'correlationid',
  'causationid',
  'principalid',
  'principalkind',
  'principalcountry',
];

/** The attributes without which a received event is refused. */
export const REQUIRED_EVENT_ATTRIBUTES: readonly CloudEventAttributeName[] = [
  'specversion',
  'id',
  'source',
  'type',
  'subject',
  'time',
  'datacontenttype',
  'dataschema',
  'correlationid',
  'principalid',
  'principalkind',
];
