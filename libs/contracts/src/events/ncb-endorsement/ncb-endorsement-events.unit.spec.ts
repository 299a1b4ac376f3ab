import { describe, expect, it } from '@jest/globals';
import { directContactPermitIssuedV1 } from './direct-contact-permit-issued.v1.js';
import { directContactPermitIssuedV1Example } from './direct-contact-permit-issued.v1.example.js';
import { directContactPermitRevokedV1 } from './direct-contact-permit-revoked.v1.js';
import { directContactPermitRevokedV1Example } from './direct-contact-permit-revoked.v1.example.js';
import { requestAcknowledgedV1 } from './request-acknowledged.v1.js';
import { requestAcknowledgedV1Example } from './request-acknowledged.v1.example.js';
import { requestDeclinedV1 } from './request-declined.v1.js';
import { requestDeclinedV1Example } from './request-declined.v1.example.js';
import { requestEndorsedV1 } from './request-endorsed.v1.js';
import { requestEndorsedV1Example } from './request-endorsed.v1.example.js';

const agency = { id: 'agency-fr-ofb', kind: 'agency', country: 'FR' };
const gs = { id: 'gs-environmental-security', kind: 'general-secretariat' };
const paths = (violations: readonly { path: string }[]) => violations.map((violation) => violation.path);

describe('the NCB endorsement events', () => {
  it.each([
    ['an acknowledgement', requestAcknowledgedV1, requestAcknowledgedV1Example.data],
    ['an endorsement', requestEndorsedV1, requestEndorsedV1Example.data],
    ['a decline', requestDeclinedV1, requestDeclinedV1Example.data],
  ] as const)('refuses %s not signed by an NCB', (_what, contract, data) => {
    expect(paths(contract.violationsOf({ ...data, provenance: { ...data.provenance, principal: agency } }))).toEqual([
      '/provenance/principal/kind',
    ]);
  });

  it('refuses a decline without a reason', () => {
    expect(paths(requestDeclinedV1.violationsOf({ ...requestDeclinedV1Example.data, reason: '' }))).toEqual(['/reason']);
  });

  it('accepts a permit revocation by the General Secretariat', () => {
    const data = directContactPermitRevokedV1Example.data;

    expect(directContactPermitRevokedV1.violationsOf({ ...data, provenance: { ...data.provenance, principal: gs } })).toEqual([]);
  });

  it('refuses a permit without an expiry', () => {
    const { expiresAt: _expiry, ...endless } = directContactPermitIssuedV1Example.data;

    expect(paths(directContactPermitIssuedV1.violationsOf(endless))).toEqual(['/expiresAt']);
  });
});
