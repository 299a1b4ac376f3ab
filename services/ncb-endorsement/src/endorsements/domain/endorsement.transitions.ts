// The lifecycle of a request at its NCB, as one explicit table.
//
//   submitted    --acknowledge-->  acknowledged
//   acknowledged --endorse------>  endorsed       (issues the direct-contact permit)
//   submitted    --decline------>  declined
//   acknowledged --decline------>  declined
//   endorsed     --revokePermit->  endorsed       (the permit is revoked; the endorsement stands)
//
// No NCB action leaves `declined`. `rejected` (provenance refused the submission record) can befall
// any status and nothing leaves it either. Any other pair is refused naming the current status (409).
// Apart from this table, a decision whose record provenance rejected is set aside: the status goes
// back to where the decisions that still count lead (`statusAfter` in endorsement.state.ts).

export type EndorsementStatus = 'submitted' | 'acknowledged' | 'endorsed' | 'declined' | 'rejected';

export type NcbAction = 'acknowledge' | 'endorse' | 'decline' | 'revokePermit';

export const NCB_ACTIONS: readonly NcbAction[] = ['acknowledge', 'endorse', 'decline', 'revokePermit'];

export const ENDORSEMENT_STATUSES: readonly EndorsementStatus[] = ['submitted', 'acknowledged', 'endorsed', 'declined', 'rejected'];

/** For each action, the statuses it may start from and the status it leads to. */
export const TRANSITIONS: Readonly<Record<NcbAction, { readonly from: readonly EndorsementStatus[]; readonly to: EndorsementStatus }>> = {
  acknowledge: { from: ['submitted'], to: 'acknowledged' },
  endorse: { from: ['acknowledged'], to: 'endorsed' },
  decline: { from: ['submitted', 'acknowledged'], to: 'declined' },
  revokePermit: { from: ['endorsed'], to: 'endorsed' },
};

export function isAllowed(from: EndorsementStatus, action: NcbAction): boolean {
  return TRANSITIONS[action].from.includes(from);
}
