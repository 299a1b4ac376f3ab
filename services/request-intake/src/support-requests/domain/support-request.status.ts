// The two independent statuses of a support request, and why they only move forward.
//
// - `LifecycleStatus` is what the requesting agency's NCB did: submitted → acknowledged →
//   endorsed | declined, as decided in the NCB endorsement service. `rejected` (provenance refused
//   the submission record) is terminal and overrides any of them: a rejected request never moves on.
// - `ProvenanceStatus` is what provenance said of the submission record: unverified → pending-ncb
//   → official, or rejected (terminal). A support request is signed by an agency or an NCB, so it
//   is never classified `external`: external information has a stream and a flag of its own.
//   The provenance log may classify a record again (an accreditation suspended from before it,
//   logged after it, makes an official request pending): verdicts that name their log entry
//   (`logIndex`) are followed in log order, back to pending too (support-request.state.ts); the
//   rank below orders only verdicts stored before they named it.
//
// Intake learns both through Kafka, where facts from different topics can arrive in any order (an
// endorsement can be read before its acknowledgement). A status therefore only ever advances: a
// late fact is kept in the history but never moves a status back. Endorsed and declined rank the
// same, so the first one seen stays (the endorsement service never lets both happen). The one
// fact that moves the lifecycle status back is a decision set aside (provenance rejected the NCB's
// record of it): the endorsement service publishes it after the decision, on the same partition,
// with the status the request has at its NCB from then on.

export type LifecycleStatus = 'submitted' | 'acknowledged' | 'endorsed' | 'declined' | 'rejected';

export type ProvenanceStatus = 'unverified' | 'pending-ncb' | 'official' | 'rejected';

const LIFECYCLE_RANK: Record<Exclude<LifecycleStatus, 'rejected'>, number> = {
  submitted: 0,
  acknowledged: 1,
  endorsed: 2,
  declined: 2,
};

const PROVENANCE_RANK: Record<Exclude<ProvenanceStatus, 'rejected'>, number> = {
  unverified: 0,
  'pending-ncb': 1,
  official: 2,
};

/** The status after observing `next`: never earlier than `current`; `rejected` absorbs everything. */
export function laterLifecycleStatus(current: LifecycleStatus, next: LifecycleStatus): LifecycleStatus {
  if (current === 'rejected' || next === 'rejected') return 'rejected';
  return LIFECYCLE_RANK[next] > LIFECYCLE_RANK[current] ? next : current;
}

/** The provenance status after observing `next`: never earlier than `current`; `rejected` absorbs everything. */
export function laterProvenanceStatus(current: ProvenanceStatus, next: ProvenanceStatus): ProvenanceStatus {
  if (current === 'rejected' || next === 'rejected') return 'rejected';
  return PROVENANCE_RANK[next] > PROVENANCE_RANK[current] ? next : current;
}
