import { describe, expect, it } from '@jest/globals';
import { topics } from '../../topics/topics.js';
import { agencyAccreditedV1 } from './agency-accredited.v1.js';
import { agencyRegisteredV1 } from './agency-registered.v1.js';
import { auditorRegisteredV1 } from './auditor-registered.v1.js';
import { externalSourceRegisteredV1 } from './external-source-registered.v1.js';
import { keyRevokedV1 } from './key-revoked.v1.js';
import { keyRotatedV1 } from './key-rotated.v1.js';
import { registryContracts } from './registry-contracts.js';
import {
  agencyAccreditedV1Example,
  agencyRegisteredV1Example,
  auditorRegisteredV1Example,
  externalSourceRegisteredV1Example,
  keyRevokedV1Example,
  keyRotatedV1Example,
} from './registry-examples.js';

const agency = { id: 'fr-ofb', kind: 'agency', country: 'FR' };
const ncb = { id: 'ncb-fr', kind: 'ncb', country: 'FR' };
const gs = { id: 'gs', kind: 'general-secretariat' };
const paths = (violations: readonly { path: string }[]) => violations.map((violation) => violation.path);
const signedBy = <D extends { provenance: object }>(data: D, principal: object) => ({ ...data, provenance: { ...data.provenance, principal } });

describe('the registry events', () => {
  it('are all published on the registry topic, which is kept forever', () => {
    expect(new Set(registryContracts.map((contract) => contract.topic))).toEqual(new Set(['wildlife.registry.events']));
    expect(topics.registryEvents.retentionMs).toBe(-1);
  });

  it.each([
    ['an agency registration', agencyRegisteredV1, agencyRegisteredV1Example.data, gs],
    ['an accreditation', agencyAccreditedV1, agencyAccreditedV1Example.data, agency],
    ['an external source registration', externalSourceRegisteredV1, externalSourceRegisteredV1Example.data, ncb],
    ['an auditor registration', auditorRegisteredV1, auditorRegisteredV1Example.data, ncb],
    ['a key rotation', keyRotatedV1, keyRotatedV1Example.data, agency],
  ] as const)('refuses %s signed by a principal of a kind that may not issue it', (_what, contract, data, signer) => {
    expect(paths(contract.violationsOf(signedBy(data, signer)))).toEqual(['/provenance/principal/kind']);
  });

  it('accepts a key rotation signed by the General Secretariat', () => {
    expect(keyRotatedV1.violationsOf(signedBy(keyRotatedV1Example.data, gs))).toEqual([]);
  });

  it.each([
    ['empty', []],
    ['with an unknown capability', ['information-sharing', 'surveillance']],
    ['with a repeated capability', ['information-sharing', 'information-sharing']],
  ])('refuses an accreditation scope %s', (_what, scope) => {
    expect(paths(agencyAccreditedV1.violationsOf({ ...agencyAccreditedV1Example.data, scope }))).toEqual([expect.stringMatching(/^\/scope/)]);
  });

  it.each([
    ['padded', 'xYyfnbxv1IFqj9QmW1wf__SywyuFopY_vMAxKxSwPWw='],
    ['standard base64', 'xYyfnbxv1IFqj9QmW1wf//SywyuFopY/vMAxKxSwPWw'],
    ['31 bytes long', 'xYyfnbxv1IFqj9QmW1wf__SywyuFopY_vMAxKxSwPW'],
    ['not canonical in its last character', 'xYyfnbxv1IFqj9QmW1wf__SywyuFopY_vMAxKxSwPWx'],
  ])('refuses a public key that is %s', (_what, publicKey) => {
    const data = agencyRegisteredV1Example.data;

    expect(paths(agencyRegisteredV1.violationsOf({ ...data, key: { ...data.key, publicKey } }))).toEqual(['/key/publicKey']);
  });

  it('refuses a registered id with upper-case letters or of fewer than three characters', () => {
    const data = agencyRegisteredV1Example.data;

    expect(paths(agencyRegisteredV1.violationsOf({ ...data, agencyId: 'FR-OFB' }))).toEqual(['/agencyId']);
    expect(paths(agencyRegisteredV1.violationsOf({ ...data, agencyId: 'fr' }))).toEqual(['/agencyId']);
  });

  it('refuses a key revocation for a reason outside the CRL reason codes', () => {
    expect(paths(keyRevokedV1.violationsOf({ ...keyRevokedV1Example.data, reason: 'lost-interest' }))).toEqual(['/reason']);
  });

  it('accepts a key revocation without a compromise date or note', () => {
    const { compromisedSince: _since, ...revocation } = keyRevokedV1Example.data;

    expect(keyRevokedV1.violationsOf({ ...revocation, reason: 'superseded' })).toEqual([]);
  });
});
