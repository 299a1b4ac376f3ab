import type { ApiTransport } from './api-transport.js';
import type { ServiceUrl } from './endpoints.js';
import type { ApiObject, Reasoned } from './api-object.js';
import type {
  Accreditation,
  AgencyRegistration,
  AuditorRegistration,
  ExternalSourceRegistration,
  KeyRevocation,
  KeyRotation,
  RegistryCommandOptions,
  Reinstatement,
} from './registry.types.js';
import { ifMatch, segment } from './request-preconditions.js';

/**
 * The principal and key registry, served by ncb-endorsement. Every command takes `options` (If-Match,
 * Idempotency-Key: `RegistryCommandOptions`); a version `ifMatch` refuses (a weak tag) rejects the
 * returned promise with a TypeError rather than throwing.
 */
export interface RegistryClient {
  registerAgency(agency: AgencyRegistration, options?: RegistryCommandOptions): Promise<ApiObject>;
  accreditAgency(agencyId: string, accreditation: Accreditation, options?: RegistryCommandOptions): Promise<ApiObject>;
  suspendAccreditation(agencyId: string, accreditationId: string, suspension: Reasoned, options?: RegistryCommandOptions): Promise<ApiObject>;
  reinstateAccreditation(agencyId: string, accreditationId: string, reinstatement?: Reinstatement, options?: RegistryCommandOptions): Promise<ApiObject>;
  revokeAccreditation(agencyId: string, accreditationId: string, revocation: Reasoned, options?: RegistryCommandOptions): Promise<ApiObject>;
  rotateKey(principalId: string, rotation: KeyRotation, options?: RegistryCommandOptions): Promise<ApiObject>;
  revokeKey(principalId: string, keyId: string, revocation: KeyRevocation, options?: RegistryCommandOptions): Promise<ApiObject>;
  registerExternalSource(source: ExternalSourceRegistration, options?: RegistryCommandOptions): Promise<ApiObject>;
  registerAuditor(auditor: AuditorRegistration, options?: RegistryCommandOptions): Promise<ApiObject>;
  getPrincipal(principalId: string): Promise<ApiObject>;
}

export function registryClient(call: ApiTransport, url: ServiceUrl): RegistryClient {
  const post = async (path: string, json: unknown, { ifMatch: version, idempotencyKey }: RegistryCommandOptions = {}) =>
    call<ApiObject>({
      method: 'POST',
      url: url(`v1/registry/${path}`),
      json,
      ...(version !== undefined && { headers: { 'if-match': ifMatch(version) } }),
      ...(idempotencyKey !== undefined && { idempotencyKey }),
    });
  const accreditation = (agencyId: string, accreditationId: string) =>
    `agencies/${segment(agencyId)}/accreditations/${segment(accreditationId)}`;
  return {
    registerAgency: (agency, options) => post('agencies', agency, options),
    accreditAgency: (agencyId, body, options) => post(`agencies/${segment(agencyId)}/accreditations`, body, options),
    suspendAccreditation: (agencyId, accreditationId, { reason }, options) => post(`${accreditation(agencyId, accreditationId)}/suspend`, { reason }, options),
    reinstateAccreditation: (agencyId, accreditationId, reinstatement = {}, options) =>
      post(`${accreditation(agencyId, accreditationId)}/reinstate`, reinstatement, options),
    revokeAccreditation: (agencyId, accreditationId, { reason }, options) => post(`${accreditation(agencyId, accreditationId)}/revoke`, { reason }, options),
    rotateKey: (principalId, rotation, options) => post(`principals/${segment(principalId)}/keys/rotate`, rotation, options),
    revokeKey: (principalId, keyId, revocation, options) => post(`principals/${segment(principalId)}/keys/${segment(keyId)}/revoke`, revocation, options),
    registerExternalSource: (source, options) => post('external-sources', source, options),
    registerAuditor: (auditor, options) => post('auditors', auditor, options),
    getPrincipal: (principalId) => call({ method: 'GET', url: url(`v1/registry/principals/${segment(principalId)}`) }),
  };
}
