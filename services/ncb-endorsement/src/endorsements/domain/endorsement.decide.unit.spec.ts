import { describe, expect, it } from '@jest/globals';
import { decideAcknowledge, decideDecline, decideEndorse } from './endorsement.decide.js';
import {
  OnlyTheAgencysOwnNcbMayAcknowledge,
  OnlyTheAgencysOwnNcbMayDecline,
  OnlyTheAgencysOwnNcbMayEndorse,
  PermitValidityIsOutOfRange,
  RequestIsUnknown,
  TextIsEmptyOrTooLong,
  TransitionIsNotAllowed,
} from './endorsement.errors.js';
import {
  acknowledged,
  agencyFr,
  commands,
  frenchAgency,
  generalSecretariat,
  given,
  kenyanNcb,
  ncbFr,
  received,
  rejected,
  signatureMaterial,
} from './endorsement.examples.spec.js';
import { initialEndorsementState, replay } from './endorsement.state.js';
import { permitIdOf } from '@wildlife/signatures';

describe('acknowledging a request', () => {
  it('records the acknowledgement by the agency’s NCB, with its time, note and signature material', () => {
    const { requestId, state } = given();

    const events = decideAcknowledge(commands.acknowledge(requestId, { note: 'Received; under review.' }), state);

    expect(events).toEqual([
      { type: 'RequestAcknowledged', requestId, ncb: ncbFr, at: '2025-03-14T10:00:00.000Z', note: 'Received; under review.', signatureMaterial },
    ]);
  });

  it('leaves the note out when there is none', () => {
    const { requestId, state } = given();

    const [event] = decideAcknowledge(commands.acknowledge(requestId), state);

    expect(event).not.toHaveProperty('note');
  });

  it.each([
    ['the NCB of another country', kenyanNcb],
    ['the requesting agency itself', frenchAgency],
    ['the General Secretariat', generalSecretariat],
  ])('refuses %s', (_who, actor) => {
    const { requestId, state } = given();

    expect(() => decideAcknowledge(commands.acknowledge(requestId, { actor }), state)).toThrow(OnlyTheAgencysOwnNcbMayAcknowledge);
  });

  it('refuses a request not yet received from intake', () => {
    expect(() => decideAcknowledge(commands.acknowledge('6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04'), initialEndorsementState)).toThrow(RequestIsUnknown);
  });

  it('refuses a request whose rejection arrived before the request itself', () => {
    const requestId = '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04';

    expect(() => decideAcknowledge(commands.acknowledge(requestId), replay([rejected(requestId)]))).toThrow(RequestIsUnknown);
  });

  it('refuses to acknowledge twice, naming the current status', () => {
    const { requestId, state } = given(acknowledged);

    expect(() => decideAcknowledge(commands.acknowledge(requestId), state)).toThrow(new TransitionIsNotAllowed('acknowledged', 'acknowledge'));
  });

  it('checks who acts before telling what state the request is in', () => {
    const { requestId } = received();
    const state = replay([received(requestId), rejected(requestId)]);

    expect(() => decideAcknowledge(commands.acknowledge(requestId, { actor: kenyanNcb }), state)).toThrow(OnlyTheAgencysOwnNcbMayAcknowledge);
  });

  it('refuses an empty note', () => {
    const { requestId, state } = given();

    expect(() => decideAcknowledge(commands.acknowledge(requestId, { note: '' }), state)).toThrow(TextIsEmptyOrTooLong);
  });
});

describe('endorsing a request', () => {
  it('records the endorsement and issues a direct-contact permit valid 180 days, in one decision', () => {
    const { requestId, state } = given(acknowledged);
    const command = commands.endorse(requestId, { note: 'Endorsed.' });

    const events = decideEndorse(command, state);

    expect(events).toEqual([
      { type: 'RequestEndorsed', requestId, ncb: ncbFr, agency: agencyFr, at: command.at, note: 'Endorsed.', signatureMaterial },
      {
        type: 'DirectContactPermitIssued',
        permitId: command.permitId,
        requestId,
        agency: agencyFr,
        gsTeam: 'gs-environmental-security',
        issuedAt: '2025-03-14T14:31:02.000Z',
        expiresAt: '2025-09-10T14:31:02.000Z',
        issuedBy: ncbFr,
        endorsementRecordId: command.endorsementRecordId,
      },
    ]);
    expect(command.permitId).toBe(permitIdOf(requestId, command.endorsementRecordId));
  });

  it('issues the permit for the validity the NCB chose', () => {
    const { requestId, state } = given(acknowledged);

    const [, permit] = decideEndorse(commands.endorse(requestId, { permitValidityDays: 30 }), state);

    expect(permit.expiresAt).toBe('2025-04-13T14:31:02.000Z');
  });

  it.each([0, 366, 1.5])('refuses a permit valid %s days', (permitValidityDays) => {
    const { requestId, state } = given(acknowledged);

    expect(() => decideEndorse(commands.endorse(requestId, { permitValidityDays }), state)).toThrow(PermitValidityIsOutOfRange);
  });

  it('refuses the NCB of another country', () => {
    const { requestId, state } = given(acknowledged);

    expect(() => decideEndorse(commands.endorse(requestId, { actor: kenyanNcb }), state)).toThrow(OnlyTheAgencysOwnNcbMayEndorse);
  });

  it('refuses a request that was not acknowledged first', () => {
    const { requestId, state } = given();

    expect(() => decideEndorse(commands.endorse(requestId), state)).toThrow(new TransitionIsNotAllowed('submitted', 'endorse'));
  });
});

describe('declining a request', () => {
  it('records the decline and its reason', () => {
    const { requestId, state } = given(acknowledged);
    const command = commands.decline(requestId);

    expect(decideDecline(command, state)).toEqual([
      { type: 'RequestDeclined', requestId, ncb: ncbFr, at: command.at, reason: command.reason, signatureMaterial },
    ]);
  });

  it('counts the reason in characters, not in UTF-16 units', () => {
    const { requestId, state } = given();

    expect(decideDecline(commands.decline(requestId, { reason: '🦜'.repeat(2000) }), state)).toHaveLength(1);
  });

  it.each([
    ['an empty reason', ''],
    ['a reason over 2000 characters', 'r'.repeat(2001)],
  ])('refuses %s', (_case, reason) => {
    const { requestId, state } = given();

    expect(() => decideDecline(commands.decline(requestId, { reason }), state)).toThrow(TextIsEmptyOrTooLong);
  });

  it('refuses the NCB of another country', () => {
    const { requestId, state } = given();

    expect(() => decideDecline(commands.decline(requestId, { actor: kenyanNcb }), state)).toThrow(OnlyTheAgencysOwnNcbMayDecline);
  });
});
