import { describe, expect, it } from '@jest/globals';
import { decideRevokePermit } from './endorsement.decide.js';
import {
  OnlyTheAgencysOwnNcbMayRevokeThePermit,
  PermitHasAlreadyExpired,
  PermitIsAlreadyRevoked,
  PermitIsVoid,
  TextIsEmptyOrTooLong,
} from './endorsement.errors.js';
import { acknowledged, commands, endorsed, generalSecretariat, given, kenyanNcb, ncbFr, revoked, setAside, signatureMaterial } from './endorsement.examples.spec.js';

describe('revoking a direct-contact permit', () => {
  it('revokes the permit of an endorsed request, saying why', () => {
    const { requestId, state } = given(acknowledged, endorsed);
    const command = commands.revokePermit(requestId);

    expect(decideRevokePermit(command, state)).toEqual([
      {
        type: 'DirectContactPermitRevoked',
        permitId: state.permit!.permitId,
        requestId,
        endorsementRecordId: state.permit!.endorsementRecordId,
        at: command.at,
        reason: command.reason,
        revokedBy: ncbFr,
        signatureMaterial,
      },
    ]);
  });

  it('refuses a permit already revoked', () => {
    const { requestId, state } = given(acknowledged, endorsed, revoked);

    expect(() => decideRevokePermit(commands.revokePermit(requestId), state)).toThrow(PermitIsAlreadyRevoked);
  });

  it('refuses a permit that has expired', () => {
    const { requestId, state } = given(acknowledged, endorsed);

    expect(() => decideRevokePermit(commands.revokePermit(requestId, { at: '2025-09-10T14:31:02.000Z' }), state)).toThrow(PermitHasAlreadyExpired);
  });

  it.each([
    ['the NCB of another country', kenyanNcb],
    ['the General Secretariat', generalSecretariat],
  ])('refuses %s', (_who, actor) => {
    const { requestId, state } = given(acknowledged, endorsed);

    expect(() => decideRevokePermit(commands.revokePermit(requestId, { actor }), state)).toThrow(OnlyTheAgencysOwnNcbMayRevokeThePermit);
  });

  it('refuses an empty reason', () => {
    const { requestId, state } = given(acknowledged, endorsed);

    expect(() => decideRevokePermit(commands.revokePermit(requestId, { reason: '' }), state)).toThrow(TextIsEmptyOrTooLong);
  });

  it('refuses to revoke a permit whose endorsement was set aside, naming it void, even after a new endorsement', () => {
    const { requestId, state } = given(acknowledged, endorsed, (id) => [setAside(id, 3, 'RequestEndorsed')], endorsed);
    const voidPermitId = 'a permit of the endorsement set aside';

    expect(() => decideRevokePermit(commands.revokePermit(requestId, { permitId: voidPermitId }), state)).toThrow(PermitIsVoid);
    expect(decideRevokePermit(commands.revokePermit(requestId, { permitId: state.permit!.permitId }), state)).toHaveLength(1);
  });
});
