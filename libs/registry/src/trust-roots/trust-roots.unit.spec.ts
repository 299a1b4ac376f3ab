import { describe, expect, it } from '@jest/globals';
import { parseTrustRoots, TrustRootsAreInvalid } from '../index.js';
import { freshKey } from '../../test/support/registry-scenario.js';

const gsKey = freshKey('gs-k1');
const analystKey = freshKey('gs-analyst-1-k1');
const frKey = freshKey('ncb-fr-k1');

interface KeyDoc {
  keyId?: unknown;
  keyid?: unknown;
  publicKey: unknown;
}
interface PrincipalDoc {
  principalId: unknown;
  country?: unknown;
  name?: unknown;
  keys: KeyDoc[];
  analysts?: PrincipalDoc[];
}
interface Doc {
  version: unknown;
  ncb?: unknown;
  generalSecretariat: PrincipalDoc & { analysts: PrincipalDoc[] };
  ncbs: PrincipalDoc[];
}

function document(): Doc {
  return {
    version: 1,
    generalSecretariat: { principalId: 'gs', name: 'INTERPOL General Secretariat', keys: [gsKey], analysts: [{ principalId: 'gs-analyst-1', keys: [analystKey] }] },
    ncbs: [{ country: 'FR', principalId: 'ncb-fr', keys: [frKey] }],
  };
}

function problemWith(mutate: (doc: Doc) => void): { field: string } | undefined {
  const doc = document();
  mutate(doc);
  try {
    parseTrustRoots(JSON.stringify(doc));
    return undefined;
  } catch (error) {
    if (!(error instanceof TrustRootsAreInvalid)) throw error;
    return { field: error.field };
  }
}

describe('reading trust roots', () => {
  it('reads a valid document, from text or from parsed JSON', () => {
    const parsed = parseTrustRoots(JSON.stringify(document()));

    expect(parsed).toEqual(document());
    expect(parseTrustRoots(document())).toEqual(parsed);
  });

  it('reads a document without analysts', () => {
    const { analysts: _analysts, ...generalSecretariat } = document().generalSecretariat;
    const doc = { ...document(), generalSecretariat };

    expect(parseTrustRoots(doc).generalSecretariat).not.toHaveProperty('analysts');
  });

  it.each<[string, (doc: Doc) => void, string]>([
    ['another version', (doc) => (doc.version = 2), 'version'],
    ['a misspelt top-level field', (doc) => (doc.ncb = []), 'ncb'],
    ['a GS that is not "gs"', (doc) => (doc.generalSecretariat.principalId = 'interpol'), 'generalSecretariat.principalId'],
    ['a GS without keys', (doc) => (doc.generalSecretariat.keys = []), 'generalSecretariat.keys'],
    ['an analyst id outside gs-…', (doc) => (doc.generalSecretariat.analysts[0].principalId = 'analyst-1'), 'generalSecretariat.analysts[0].principalId'],
    ['a lower-case country', (doc) => (doc.ncbs[0].country = 'fr'), 'ncbs[0].country'],
    ['a code ISO has not assigned', (doc) => (doc.ncbs[0].country = 'XK'), 'ncbs[0].country'],
    ['an NCB id that does not match its country', (doc) => (doc.ncbs[0].principalId = 'ncb-ke'), 'ncbs[0].principalId'],
    ['the same country twice', (doc) => doc.ncbs.push({ ...doc.ncbs[0], keys: [freshKey('other')] }), 'ncbs[1].principalId'],
    ['a key with a misspelt field', (doc) => (doc.ncbs[0].keys[0] = { keyid: 'x', publicKey: frKey.publicKey }), 'ncbs[0].keys[0].keyid'],
    ['a key id with a space', (doc) => (doc.ncbs[0].keys[0] = { ...frKey, keyId: 'ncb fr' }), 'ncbs[0].keys[0].keyId'],
    ['a key id used twice', (doc) => (doc.ncbs[0].keys[0] = { ...freshKey('gs-k1') }), 'ncbs[0].keys[0].keyId'],
    ['a public key used twice', (doc) => (doc.ncbs[0].keys[0] = { keyId: 'ncb-fr-k1', publicKey: gsKey.publicKey }), 'ncbs[0].keys[0].publicKey'],
    ['a public key that is not 32 bytes', (doc) => (doc.ncbs[0].keys[0] = { keyId: 'ncb-fr-k1', publicKey: 'AAAA' }), 'ncbs[0].keys[0].publicKey'],
    ['ncbs that is not a list', (doc) => ((doc as { ncbs: unknown }).ncbs = {}), 'ncbs'],
    ['a blank name', (doc) => (doc.ncbs[0].name = ' '), 'ncbs[0].name'],
  ])('refuses %s, naming the field', (_what, mutate, field) => {
    expect(problemWith(mutate)).toEqual({ field });
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseTrustRoots('{')).toThrow(TrustRootsAreInvalid);
  });
});
