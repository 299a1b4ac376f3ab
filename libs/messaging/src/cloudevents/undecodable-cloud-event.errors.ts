/**
 * A Kafka message that can never be read as one of our CloudEvents, however often it is retried:
 * a consumer sends it to its dead-letter topic instead of retrying. Every decoding error of this
 * codec extends this class and has `permanent === true`.
 */
export abstract class UndecodableCloudEvent extends Error {
  readonly permanent = true;

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class CloudEventValueIsNotJson extends UndecodableCloudEvent {
  constructor(readonly reason: string) {
    super(`the message value is not JSON: ${reason}`);
  }
}

export class CloudEventAttributeIsMissing extends UndecodableCloudEvent {
  constructor(readonly attributes: readonly string[]) {
    super(`required CloudEvent attributes are missing: ${attributes.join(', ')}`);
  }
}

export class CloudEventSpecVersionIsUnsupported extends UndecodableCloudEvent {
  constructor(readonly specversion: string) {
    super(`CloudEvents specversion "${specversion}" is not supported; only 1.0 is`);
  }
}

export class CloudEventContentTypeIsUnsupported extends UndecodableCloudEvent {
  constructor(readonly contentType: string) {
    super(`content type "${contentType}" is not supported; only application/json is`);
  }
}

/** Present but unusable: malformed per our envelope schema, repeated, or not UTF-8. */
export class CloudEventAttributeIsInvalid extends UndecodableCloudEvent {
  constructor(readonly problems: readonly string[]) {
    super(`CloudEvent attributes are invalid: ${problems.join('; ')}`);
  }
}

/**
 * The value's JSON holds text PostgreSQL stores in neither text nor jsonb (U+0000, or half of a
 * surrogate pair, in a string or a member name), so no consumer could ever record the event: it is a
 * dead letter, not a statement that fails on every retry and holds its partition.
 */
export class CloudEventValueHoldsUnstorableText extends UndecodableCloudEvent {
  constructor(readonly pointer: string) {
    super(`the message value holds a character no record can store (U+0000, or half of a surrogate pair) at ${pointer || '/'}`);
  }
}

/**
 * The value's JSON nests arrays and objects deeper than any event of ours (MAX_JSON_NESTING of
 * contracts): walking it (a search for unstorable text, a schema's deep equality, a canonicaliser)
 * could overflow the stack, a RangeError retried for ever. Refused before anything walks it.
 */
export class CloudEventValueIsNestedTooDeeply extends UndecodableCloudEvent {
  constructor(
    readonly pointer: string,
    readonly limit: number,
  ) {
    super(`the message value nests arrays and objects more than ${limit} deep, at ${pointer || '/'}`);
  }
}
