import type { PolicyTable } from './access-decision.js';
import { agencyPolicy } from './table/agency.policy.js';
import { auditorPolicy } from './table/auditor.policy.js';
import { externalSourcePolicy } from './table/external-source.policy.js';
import { generalSecretariatPolicy } from './table/general-secretariat.policy.js';
import { ncbPolicy } from './table/ncb.policy.js';

/**
 * The authorisation table (one file per principal kind under `table/`), as data: every cell written
 * out, none defaulted; the type makes a missing cell a compile error. Two rules shape it besides the
 * notification's, and a unit test holds every cell to them:
 * - an action on an existing resource is `hide` (404) exactly where the principal may not read that
 *   resource, so a refusal never reveals that it exists; `forbid` (403) is for what it may see but
 *   not do, and for creating or listing, where there is nothing to reveal;
 * - reads are `allow` or `hide`, never `forbid`.
 * The table says who may call what. Whether a record's source is official (accreditation scope and
 * validity) is `isOfficialSource`'s question, and which NCB or GS principal may manage which key or
 * accreditation exactly is `decide`'s; both refine, and never widen, what the table allows.
 * docs/AUTHORISATION.md is this table rendered by `renderPolicyMarkdown`.
 */
export const POLICY: PolicyTable = {
  ncb: ncbPolicy,
  agency: agencyPolicy,
  'general-secretariat': generalSecretariatPolicy,
  'external-source': externalSourcePolicy,
  auditor: auditorPolicy,
};
