/** Every action the authorisation table decides, as `<resource>:<verb>`. */
export const ACTIONS = [
  'support-request:submit',
  'support-request:read',
  'support-request:list',
  'support-request:acknowledge',
  'support-request:endorse',
  'support-request:decline',
  'permit:revoke',
  'external-information:submit',
  'external-information:read',
  'registry:register-agency',
  'registry:accredit-agency',
  'registry:suspend-accreditation',
  'registry:reinstate-accreditation',
  'registry:revoke-accreditation',
  'registry:rotate-key',
  'registry:revoke-key',
  'registry:register-external-source',
  'registry:register-auditor',
  'registry:read',
  'provenance-log:read',
  'provenance-record:read',
  'intelligence:disseminate',
  'intelligence:route',
  'intelligence:read',
] as const;

export type Action = (typeof ACTIONS)[number];

/**
 * What an action is done to. `existing`: one resource that already exists (its existence may be
 * secret, so refusing it can mean hiding it); `new`: a resource the action creates; `collection`: a
 * listing or the whole log, which exists whoever asks.
 */
export type ActionTarget = 'existing' | 'new' | 'collection';

export interface ActionDescription {
  readonly target: ActionTarget;
  /** For an `existing` target: the action that reads it. Whoever may not read it gets `hide`. */
  readonly readBy?: Action;
  /** The `{ country, ownerId }` a service passes to `authorize`. */
  readonly resource: string;
}

const REQUEST = 'the request: `country` its country, `ownerId` the requesting agency';
const REGISTRY_SUBJECT = 'the agency: `country` its country, `ownerId` its id';
const KEY_OWNER = 'the key’s principal: `ownerId` its id, `country` its country if it has one';

export const ACTION_CATALOGUE: { readonly [A in Action]: ActionDescription } = {
  'support-request:submit': { target: 'new', resource: 'the new request: `country` the submitter’s country, `ownerId` the submitter' },
  'support-request:read': { target: 'existing', readBy: 'support-request:read', resource: REQUEST },
  'support-request:list': { target: 'collection', resource: 'the listing asked for: `ownerId` to list one agency’s, `country` one country’s, neither for all' },
  'support-request:acknowledge': { target: 'existing', readBy: 'support-request:read', resource: REQUEST },
  'support-request:endorse': { target: 'existing', readBy: 'support-request:read', resource: REQUEST },
  'support-request:decline': { target: 'existing', readBy: 'support-request:read', resource: REQUEST },
  'permit:revoke': { target: 'existing', readBy: 'support-request:read', resource: 'the permit’s request: `country` its country, `ownerId` the requesting agency' },
  'external-information:submit': { target: 'new', resource: 'the new submission: `ownerId` the submitting source' },
  'external-information:read': {
    target: 'existing',
    readBy: 'external-information:read',
    resource: 'the submission: `ownerId` its source, `country` one country it concerns (allowed if any concerned country allows)',
  },
  'registry:register-agency': { target: 'new', resource: 'the new agency: `country` its country, `ownerId` its id' },
  'registry:accredit-agency': { target: 'existing', readBy: 'registry:read', resource: REGISTRY_SUBJECT },
  'registry:suspend-accreditation': { target: 'existing', readBy: 'registry:read', resource: REGISTRY_SUBJECT },
  'registry:reinstate-accreditation': { target: 'existing', readBy: 'registry:read', resource: REGISTRY_SUBJECT },
  'registry:revoke-accreditation': { target: 'existing', readBy: 'registry:read', resource: REGISTRY_SUBJECT },
  'registry:rotate-key': { target: 'existing', readBy: 'registry:read', resource: KEY_OWNER },
  'registry:revoke-key': { target: 'existing', readBy: 'registry:read', resource: KEY_OWNER },
  'registry:register-external-source': { target: 'new', resource: 'the new source: `ownerId` its id' },
  'registry:register-auditor': { target: 'new', resource: 'the new auditor: `ownerId` its id' },
  'registry:read': { target: 'existing', readBy: 'registry:read', resource: 'the principal read: `ownerId` its id, `country` its country if it has one' },
  'provenance-log:read': { target: 'collection', resource: 'the whole log (checkpoints, entries, proofs): no country, no owner' },
  'provenance-record:read': {
    target: 'existing',
    readBy: 'provenance-record:read',
    resource:
      'one record’s provenance (its entries hold the record’s contents): asked with no country and no owner, so only the kinds allowed `global` read it (auditors and the GS); hidden from all others, even for their own records',
  },
  'intelligence:disseminate': { target: 'new', resource: 'the report sent: `country` a country it concerns, or none' },
  'intelligence:route': { target: 'existing', readBy: 'intelligence:read', resource: 'the report received: `country` the receiving NCB’s country' },
  'intelligence:read': {
    target: 'existing',
    readBy: 'intelligence:read',
    resource: 'the report: `country` the receiving country, `ownerId` the agency it was sent to directly, if any',
  },
};
