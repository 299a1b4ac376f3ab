import { recordTimeWindowOf, type SignatureMaterial } from '@wildlife/signatures';
import { ProblemError } from '../problem.js';

/**
 * Refuses to stamp a record made by the signed request `material` at `at` (its CloudEvent time)
 * outside the window in which the provenance log accepts it (`recordTimeWindowOf`: from `created` −
 * 30 s to `created` + 361 s; else `record-time-does-not-match-signature`). The services stamp right
 * after the guard, so this holds unless the handler was held for over a minute, or a time is taken
 * from elsewhere (the registry times a command at its latest fact when another instance's clock
 * ran ahead): a 503 `record-time-outside-signature-window` then, nothing stored, rather than a
 * record the log would reject after the service applied it.
 */
export function assertRecordTimeWithinSignature(material: Pick<SignatureMaterial, 'created'>, at: string): void {
  const { earliest, latest } = recordTimeWindowOf(material.created);
  const ms = Date.parse(at);
  if (ms >= earliest && ms <= latest) return;
  throw new ProblemError(
    503,
    'record-time-outside-signature-window',
    'Service Unavailable',
    `The record would be timed ${at}, outside the window its signature (created ${material.created}) allows, ${new Date(earliest).toISOString()} to ${new Date(latest).toISOString()}; nothing was stored. Sign the request again and retry.`,
    {},
    { 'retry-after': '1' },
  );
}
