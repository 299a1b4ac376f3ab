import { DEFAULT_MAX_AGE_SECONDS, DEFAULT_MAX_FUTURE_SKEW_SECONDS } from './verification-policy.js';

/**
 * The window the services' signed-request guard accepts a signature in: `verifyRequest`'s policy
 * with these two bounds (its defaults, named here so the guard and the record binding read the
 * same numbers). A request is accepted while `created - maxFutureSkewSeconds ≤ now ≤ created +
 * maxAgeSeconds`, `now` in whole seconds (the guard floors it).
 */
export const SIGNED_REQUEST_WINDOW = {
  maxAgeSeconds: DEFAULT_MAX_AGE_SECONDS,
  maxFutureSkewSeconds: DEFAULT_MAX_FUTURE_SKEW_SECONDS,
} as const;

/**
 * How long after the guard accepted a signature the service may stamp the record it makes (its
 * CloudEvent `time`): the handler's work between the two (a database read, the registry's lock,
 * a registry decision timed at its latest fact when another instance's clock ran ahead). The
 * services stamp within milliseconds to a few seconds; a minute leaves room for a loaded database
 * without letting a record's time wander far from its signature.
 */
export const RECORD_STAMP_MARGIN_SECONDS = 60;

/** The instants (epoch milliseconds, both inclusive) a record made by an accepted signature can be timed at. */
export interface RecordTimeWindow {
  readonly earliest: number;
  readonly latest: number;
}

/**
 * Where a record made by a request signed at `created` (unix seconds) can be timed, when a service
 * accepted the signature (`SIGNED_REQUEST_WINDOW`) and then stamped the record: from `created` minus
 * the future skew allowed (a signer's clock ahead of the service's; the stamp is never before the
 * check) to the end of the second `created + maxAgeSeconds` (the guard compares whole seconds) plus
 * `RECORD_STAMP_MARGIN_SECONDS`. A record timed outside it was not stamped by the service that
 * accepted its signature (`record-time-does-not-match-signature` in the provenance log).
 */
export function recordTimeWindowOf(created: number): RecordTimeWindow {
  return {
    earliest: (created - SIGNED_REQUEST_WINDOW.maxFutureSkewSeconds) * 1000,
    latest: (created + SIGNED_REQUEST_WINDOW.maxAgeSeconds + 1 + RECORD_STAMP_MARGIN_SECONDS) * 1000 - 1,
  };
}
