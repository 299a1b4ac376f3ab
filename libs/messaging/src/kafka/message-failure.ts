/**
 * A message that can never be processed, however often it is retried: not JSON, an unknown event type,
 * a schema violation, a bad signature. The consumer parks it in the dead-letter topic and moves on.
 * Subclasses are named by what is wrong (`ValueIsNotJson`), and that name becomes `dlq-reason`.
 */
export class PermanentMessageError extends Error {
  readonly permanent = true;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** `permanent`: dead-letter the message. `transient`: retry it until it succeeds. */
export type MessageFailureKind = 'permanent' | 'transient';

/**
 * Permanent when the error is marked `permanent: true` (a `PermanentMessageError`, an error of code
 * that cannot import this class, such as the CloudEvents codec's `UndecodableCloudEvent`, or one its
 * consumer marked, as the service kit marks the contract errors of decoding); transient otherwise.
 * Everything unrecognised is transient on purpose: a database outage or a bug in a handler must hold
 * the partition until it is fixed, never turn good messages into dead letters.
 */
export function failureKindOf(error: unknown): MessageFailureKind {
  return isMarkedPermanent(error) ? 'permanent' : 'transient';
}

function isMarkedPermanent(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { permanent?: unknown }).permanent === true;
}
