import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  ACTION_CATALOGUE,
  ACTIONS,
  authorize,
  POLICY,
  PRINCIPAL_KINDS,
  relationOf,
  renderPolicyMarkdown,
  type AccessDecision,
  type Principal,
  type PrincipalKind,
  type Relation,
  type ResourceTies,
} from '../index.js';

const PRINCIPALS: { readonly [K in PrincipalKind]: Principal } = {
  ncb: { id: 'ncb-fr', kind: 'ncb', country: 'FR' },
  agency: { id: 'fr-ofb', kind: 'agency', country: 'FR' },
  'general-secretariat': { id: 'gs', kind: 'general-secretariat' },
  'external-source': { id: 'ngo-watch', kind: 'external-source' },
  auditor: { id: 'auditor-1', kind: 'auditor' },
};

/** Resources that stand in `relation` to `who`: each relation built more than one way where it can be. */
function resourcesIn(relation: Relation, who: Principal): ResourceTies[] {
  switch (relation) {
    case 'own':
      return who.country === undefined ? [{ ownerId: who.id }] : [{ ownerId: who.id, country: who.country }, { ownerId: who.id }];
    case 'same-country':
      return [{ country: who.country }, { country: who.country, ownerId: 'fr-douane' }];
    case 'other-country':
      return [{ country: 'KE' }, { country: 'KE', ownerId: 'ke-kws' }, { country: 'KE', ownerId: who.id }].filter(
        (resource) => who.country !== undefined || resource.ownerId !== who.id,
      );
    case 'global':
      return [{}, { ownerId: 'someone-else' }];
  }
}

const cells = PRINCIPAL_KINDS.flatMap((kind) =>
  (Object.entries(POLICY[kind]) as [Relation, Record<string, AccessDecision>][]).flatMap(([relation, row]) =>
    ACTIONS.map((action) => ({ kind, relation, action, decision: row[action] })),
  ),
);

describe('the authorisation table', () => {
  it('has a cell for every action in every relation each kind can stand in', () => {
    const relationsOf = (kind: PrincipalKind) => Object.keys(POLICY[kind]).sort();
    expect(PRINCIPAL_KINDS.map(relationsOf)).toEqual([
      ['global', 'other-country', 'own', 'same-country'],
      ['global', 'other-country', 'own', 'same-country'],
      ['global', 'other-country', 'own'],
      ['global', 'other-country', 'own'],
      ['global', 'other-country', 'own'],
    ]);
    expect(cells).toHaveLength(2 * 4 * ACTIONS.length + 3 * 3 * ACTIONS.length);
    for (const cell of cells) expect(['allow', 'forbid', 'hide']).toContain(cell.decision);
  });

  it.each(cells)('$kind, $relation, $action: $decision', ({ kind, relation, action, decision }) => {
    const who = PRINCIPALS[kind];
    for (const resource of resourcesIn(relation, who)) {
      expect({ resource, relation: relationOf(who, resource) }).toEqual({ resource, relation });
      expect({ resource, decision: authorize(who, action, resource) }).toEqual({ resource, decision });
    }
  });

  it('hides an existing resource exactly from those who may not read it, and never forbids a read', () => {
    for (const { kind, relation, action, decision } of cells) {
      const { target, readBy } = ACTION_CATALOGUE[action];
      const readable = readBy === undefined ? undefined : (POLICY[kind] as Record<string, Record<string, AccessDecision>>)[relation]![readBy];
      const expected = target !== 'existing' ? ['allow', 'forbid'] : readable === 'allow' ? ['allow', 'forbid'] : ['hide'];
      expect({ kind, relation, action, decision: expected.includes(decision) ? 'fits' : decision }).toEqual({ kind, relation, action, decision: 'fits' });
      if (readBy === action) expect(decision).not.toBe('forbid');
    }
  });

  it('is what docs/AUTHORISATION.md says (regenerate with `npm run authorisation-doc -w @wildlife/registry`)', () => {
    const committed = readFileSync(new URL('../../../../docs/AUTHORISATION.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderPolicyMarkdown());
  });
});

describe('the rules of the notification, in the table', () => {
  const ncbFr = PRINCIPALS.ncb;
  const ofb = PRINCIPALS.agency;
  const frRequest = { country: 'FR', ownerId: 'fr-douane' };
  const keRequest = { country: 'KE', ownerId: 'ke-kws' };

  it('lets an NCB act on its own country’s requests and hides other countries’ from it', () => {
    for (const action of ['support-request:read', 'support-request:acknowledge', 'support-request:endorse', 'support-request:decline'] as const) {
      expect(authorize(ncbFr, action, frRequest)).toBe('allow');
      expect(authorize(ncbFr, action, keRequest)).toBe('hide');
    }
  });

  it('lets an NCB register and accredit its own country’s agencies only', () => {
    expect(authorize(ncbFr, 'registry:register-agency', { country: 'FR', ownerId: 'fr-new' })).toBe('allow');
    expect(authorize(ncbFr, 'registry:accredit-agency', { country: 'FR', ownerId: 'fr-ofb' })).toBe('allow');
    expect(authorize(ncbFr, 'registry:register-agency', { country: 'KE', ownerId: 'ke-new' })).toBe('forbid');
    expect(authorize(ncbFr, 'registry:accredit-agency', { country: 'KE', ownerId: 'ke-kws' })).toBe('forbid');
  });

  it('shows an agency its own requests and hides every other agency’s, even in its own country', () => {
    expect(authorize(ofb, 'support-request:read', { country: 'FR', ownerId: 'fr-ofb' })).toBe('allow');
    expect(authorize(ofb, 'support-request:read', frRequest)).toBe('hide');
    expect(authorize(ofb, 'support-request:read', keRequest)).toBe('hide');
    expect(authorize(ofb, 'support-request:submit', { country: 'FR', ownerId: 'fr-ofb' })).toBe('allow');
    expect(authorize(ofb, 'support-request:endorse', { country: 'FR', ownerId: 'fr-ofb' })).toBe('forbid');
  });

  it('lets an external source submit external information and do nothing else', () => {
    const source = PRINCIPALS['external-source'];
    const anyResource = [{ ownerId: source.id }, {}, { country: 'FR' }, { country: 'FR', ownerId: source.id }, { ownerId: 'gs' }];
    const allowed = ACTIONS.filter((action) => anyResource.some((resource) => authorize(source, action, resource) === 'allow'));

    expect(allowed).toEqual(['external-information:submit']);
    expect(authorize(source, 'external-information:submit', { ownerId: 'ngo-other' })).toBe('forbid');
  });

  it('lets an auditor read the provenance log, record provenance and the registry, and nothing else', () => {
    const auditor = PRINCIPALS.auditor;
    const anyResource = [{ ownerId: auditor.id }, {}, { country: 'FR' }, { country: 'KE', ownerId: 'ke-kws' }];
    const allowed = ACTIONS.filter((action) => anyResource.some((resource) => authorize(auditor, action, resource) === 'allow'));

    expect(allowed).toEqual(['registry:read', 'provenance-log:read', 'provenance-record:read']);
  });

  it('hides record provenance (record contents) from agencies and NCBs, even for their own records and country', () => {
    const theirs = [{}, { ownerId: ofb.id }, { ownerId: ncbFr.id, country: 'FR' }, frRequest, keRequest];
    for (const who of [ofb, ncbFr]) expect(theirs.map((resource) => authorize(who, 'provenance-record:read', resource))).toEqual(Array(theirs.length).fill('hide'));
    expect(authorize(PRINCIPALS['general-secretariat'], 'provenance-record:read', {})).toBe('allow');
  });

  it('lets the General Secretariat read every country’s requests but act on none of them', () => {
    const gs = PRINCIPALS['general-secretariat'];
    expect(authorize(gs, 'support-request:read', keRequest)).toBe('allow');
    expect(authorize(gs, 'support-request:list', {})).toBe('allow');
    for (const action of ['support-request:acknowledge', 'support-request:endorse', 'support-request:decline', 'registry:accredit-agency'] as const) {
      expect(authorize(gs, action, keRequest)).toBe('forbid');
    }
    expect(authorize(gs, 'intelligence:disseminate', { country: 'TH' })).toBe('allow');
  });

  it('never lets a country-bound principal own a resource of another country', () => {
    expect(relationOf(ofb, { country: 'KE', ownerId: 'fr-ofb' })).toBe('other-country');
    expect(authorize(ofb, 'support-request:read', { country: 'KE', ownerId: 'fr-ofb' })).toBe('hide');
  });
});
