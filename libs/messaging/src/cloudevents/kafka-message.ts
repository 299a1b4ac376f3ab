/** A Kafka message as a producer sends it (kafkajs accepts it as is). */
export interface OutgoingKafkaMessage {
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Record<string, string>;
}

/** A header value as Kafka clients hand it over: kafkajs gives Buffers, and an array when the
 * same header name occurs more than once. */
export type IncomingHeaderValue = Buffer | string | ReadonlyArray<Buffer | string> | undefined;

/** A Kafka message as a consumer receives it. */
export interface IncomingKafkaMessage {
  readonly key?: Buffer | string | null;
  readonly value: Buffer | string | null;
  readonly headers?: Readonly<Record<string, IncomingHeaderValue>>;
}
