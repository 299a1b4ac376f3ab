import { recordProvenanceViolations } from '@wildlife/contracts';
import type { SignatureMaterial } from '@wildlife/signatures';
import { ProblemError } from '../problem.js';
import type { VerifiedPrincipal } from './principal-directory.js';

/**
 * The 400 problem (`signature-material-unrecordable`) for a verified signature whose material no
 * record event could keep as its provenance (libs/contracts' `recordProvenance`: e.g. a target URI, a
 * label, a covered value or a list of components longer than it allows), or undefined when any could.
 * A write keeps its principal and material as the provenance of the event it causes, so without this
 * check such a request passed the guard and failed when its event was built, a 500 on every signed
 * write of every service. `errors` names each field by JSON Pointer into the signature material.
 */
export function unrecordableSignatureProblem({ id, kind, country }: VerifiedPrincipal, material: SignatureMaterial): ProblemError | undefined {
  const violations = recordProvenanceViolations({ principal: { id, kind, ...(country !== undefined && { country }) }, ...material });
  if (violations.length === 0) return undefined;
  return new ProblemError(
    400,
    'signature-material-unrecordable',
    'The request signature cannot be recorded',
    'The signature material is beyond what a record may keep of it (`errors` says where); sign a request that fits, e.g. with a shorter query, label or covered header.',
    { errors: violations.map(({ path, reason }) => ({ pointer: path, reason })) },
  );
}
