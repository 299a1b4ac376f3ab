// Example commands and facts for the unit specs of the NCB endorsement (no tests here; the
// `.spec.ts` suffix keeps this file out of the build).
import { randomUUID } from 'node:crypto';
import { requestAcknowledgedV1Example } from '@wildlife/contracts';
import { permitIdOf } from '@wildlife/signatures';
import type { ActingPrincipal, SignatureMaterial } from './acting-principal.js';
import type { AcknowledgeRequest, DeclineRequest, EndorseRequest, RevokePermit } from './endorsement.commands.js';
import { decideAcknowledge, decideEndorse, decideRevokePermit } from './endorsement.decide.js';
import type { DecisionRejection, DecisionSetAside, EndorsementEvent, NcbDecisionType, ProvenanceRejected, RequestReceived } from './endorsement.events.js';
import { replay, type EndorsementState } from './endorsement.state.js';

const { principal: _signer, ...exampleMaterial } = requestAcknowledgedV1Example.data.provenance;

/** Signature material in the contract's shape; its bytes are placeholders, never verified here. */
export const signatureMaterial: SignatureMaterial = exampleMaterial;

export const frenchNcb: ActingPrincipal = { principalId: 'ncb-fr', kind: 'ncb', country: 'FR' };
export const kenyanNcb: ActingPrincipal = { principalId: 'ncb-ke', kind: 'ncb', country: 'KE' };
export const frenchAgency: ActingPrincipal = { principalId: 'agency-fr-ofb', kind: 'agency', country: 'FR' };
export const ncbFr = { principalId: 'ncb-fr', country: 'FR' };
export const agencyFr = { principalId: 'agency-fr-ofb', country: 'FR' };
export const generalSecretariat: ActingPrincipal = { principalId: 'gs-environmental-security', kind: 'general-secretariat' };

/** Intake's submission of a fresh request by the French agency. */
export function received(requestId: string = randomUUID()): RequestReceived {
  return {
    type: 'RequestReceived',
    requestId,
    agency: { principalId: 'agency-fr-ofb', country: 'FR' },
    submittedAt: '2025-03-14T09:26:53.000Z',
    capabilities: ['information-sharing', 'operational-support'],
    sourceEventId: randomUUID(),
  };
}

/**
 * Provenance's rejection of a submission record under `requestId`'s subject: of record `recordId`
 * (`received(…).sourceEventId` for the request's own), or, without one, as stored before rejections
 * named their record (it counts).
 */
export function rejected(requestId: string, recordId?: string): ProvenanceRejected {
  return {
    type: 'ProvenanceRejected',
    requestId,
    at: '2025-03-14T09:27:00.000Z',
    reason: { code: 'signature-invalid', text: 'the signature does not verify with the registered key' },
    sourceEventId: randomUUID(),
    ...(recordId !== undefined && { recordId }),
  };
}

/** Provenance's rejection of the record of the decision at `decisionVersion`. */
export function decisionRejection(requestId: string, decisionVersion: number, decision: NcbDecisionType, at = '2025-03-15T08:00:00.000Z'): DecisionRejection {
  return {
    type: 'DecisionSetAside',
    requestId,
    decisionVersion,
    decision,
    recordId: randomUUID(),
    recordType: `ncb-endorsement.${decision}.v1`,
    at,
    reason: { code: 'key-unknown', text: 'No key "ncb-fr-2025" is registered.' },
    sourceEventId: randomUUID(),
  };
}

/**
 * The set-aside of the decision at `decisionVersion`, as recorded (for folding examples: its
 * `status` is a placeholder the fold does not read; `decideSetAside` fills it in for real).
 */
export function setAside(requestId: string, decisionVersion: number, decision: NcbDecisionType, at?: string): DecisionSetAside {
  return { ...decisionRejection(requestId, decisionVersion, decision, at), ncb: ncbFr, status: 'submitted' };
}

const action = (requestId: string, at: string) => ({ requestId, actor: frenchNcb, at, expectedVersion: 1, signatureMaterial });

export const commands = {
  acknowledge: (requestId: string, overrides: Partial<AcknowledgeRequest> = {}): AcknowledgeRequest => ({
    ...action(requestId, '2025-03-14T10:00:00.000Z'),
    ...overrides,
  }),
  endorse: (requestId: string, overrides: Partial<EndorseRequest> = {}): EndorseRequest => {
    const endorsementRecordId = overrides.endorsementRecordId ?? randomUUID();
    return {
      ...action(requestId, '2025-03-14T14:31:02.000Z'),
      permitId: permitIdOf(requestId, endorsementRecordId),
      endorsementRecordId,
      gsTeam: 'gs-environmental-security',
      ...overrides,
    };
  },
  decline: (requestId: string, overrides: Partial<DeclineRequest> = {}): DeclineRequest => ({
    ...action(requestId, '2025-03-14T14:31:02.000Z'),
    reason: 'A national investigation already covers this case.',
    ...overrides,
  }),
  revokePermit: (requestId: string, overrides: Partial<RevokePermit> = {}): RevokePermit => ({
    ...action(requestId, '2025-04-01T08:00:00.000Z'),
    reason: 'The case was closed.',
    ...overrides,
  }),
};

type Step = (requestId: string, events: EndorsementEvent[]) => EndorsementEvent[];

/** A fresh request, received from intake, and the state after the decisions of `then` on it. */
export function given(...then: Step[]): { requestId: string; state: EndorsementState } {
  const submission = received();
  const events: EndorsementEvent[] = [submission];
  for (const step of then) events.push(...step(submission.requestId, events));
  return { requestId: submission.requestId, state: replay(events) };
}

export const acknowledged: Step = (requestId, events) => decideAcknowledge(commands.acknowledge(requestId), replay(events));
export const endorsed: Step = (requestId, events) => decideEndorse(commands.endorse(requestId), replay(events));
export const revoked: Step = (requestId, events) => decideRevokePermit(commands.revokePermit(requestId), replay(events));
