import { DEFAULT_PARTITIONS, NINETY_DAYS_MS, THIRTY_DAYS_MS, type TopicDefinition } from './topic-definition.js';

export class CountryCodeIsInvalid extends Error {
  constructor(readonly countryCode: string) {
    super(`"${countryCode}" is not an ISO 3166-1 alpha-2 country code`);
    this.name = 'CountryCodeIsInvalid';
  }
}

export class ConsumerGroupCannotNameATopic extends Error {
  constructor(readonly consumerGroup: string) {
    super(`consumer group "${consumerGroup}" contains characters a Kafka topic name cannot hold`);
    this.name = 'ConsumerGroupCannotNameATopic';
  }
}

/** `wildlife.ncb.<cc>.inbox`: what the NCB of `countryCode` (ISO alpha-2, any case) must receive. */
export function ncbTopic(countryCode: string): string {
  if (!/^[A-Za-z]{2}$/.test(countryCode)) throw new CountryCodeIsInvalid(countryCode);
  return `wildlife.ncb.${countryCode.toLowerCase()}.inbox`;
}

/** `wildlife.dlq.<group>`: where a consumer group parks messages it can never process. */
export function deadLetterTopic(consumerGroup: string): string {
  // Kafka topic names: at most 249 characters of [a-zA-Z0-9._-].
  if (!/^[A-Za-z0-9._-]{1,236}$/.test(consumerGroup)) throw new ConsumerGroupCannotNameATopic(consumerGroup);
  return `wildlife.dlq.${consumerGroup}`;
}

// NCB gateways may be offline for a while; ninety days lets one catch up, and the REST inbox with
// receipts remains the record of delivery.
export function ncbTopicDefinition(countryCode: string): TopicDefinition {
  return {
    name: ncbTopic(countryCode),
    partitions: DEFAULT_PARTITIONS,
    retentionMs: NINETY_DAYS_MS,
    description: `What the NCB of ${countryCode.toUpperCase()} must receive: copies, requests to endorse, intelligence to route.`,
  };
}

// A dead letter is kept long enough to be looked at and replayed after a fix.
export function deadLetterTopicDefinition(consumerGroup: string): TopicDefinition {
  return {
    name: deadLetterTopic(consumerGroup),
    partitions: DEFAULT_PARTITIONS,
    retentionMs: THIRTY_DAYS_MS,
    description: `Messages consumer group ${consumerGroup} could never process, with the reason in their headers.`,
  };
}
