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
  Reinstatement,
} from './registry.types.js';
import { segment } from './request-preconditions.js';

/** The principal and key registry, served by ncb-endorsement. */
export interface RegistryClient {
  registerAgency(agency: AgencyRegistration): Promise<ApiObject>;
  accreditAgency(agencyId: string, accreditation: Accreditation): Promise<ApiObject>;
  suspendAccreditation(agencyId: string, accreditationId: string, suspension: Reasoned): Promise<ApiObject>;
  reinstateAccreditation(agencyId: string, accreditationId: string, reinstatement?: Reinstatement): Promise<ApiObject>;
  revokeAccreditation(agencyId: string, accreditationId: string, revocation: Reasoned): Promise<ApiObject>;
  rotateKey(principalId: string, rotation: KeyRotation): Promise<ApiObject>;
  revokeKey(principalId: string, keyId: string, revocation: KeyRevocation): Promise<ApiObject>;
  registerExternalSource(source: ExternalSourceRegistration): Promise<ApiObject>;
  registerAuditor(auditor: AuditorRegistration): Promise<ApiObject>;
  getPrincipal(principalId: string): Promise<ApiObject>;
}

export function registryClient(call: ApiTransport, url: ServiceUrl): RegistryClient {
  const post = (path: string, json: unknown) => call<ApiObject>({ method: 'POST', url: url(`v1/registry/${path}`), json });
  const accreditation = (agencyId: string, accreditationId: string) =>
    `agencies/${segment(agencyId)}/accreditations/${segment(accreditationId)}`;
  return {
    registerAgency: (agency) => post('agencies', agency),
    accreditAgency: (agencyId, body) => post(`agencies/${segment(agencyId)}/accreditations`, body),
    suspendAccreditation: (agencyId, accreditationId, { reason }) => post(`${accreditation(agencyId, accreditationId)}/suspend`, { reason }),
    reinstateAccreditation: (agencyId, accreditationId, reinstatement = {}) => post(`${accreditation(agencyId, accreditationId)}/reinstate`, reinstatement),
    revokeAccreditation: (agencyId, accreditationId, { reason }) => post(`${accreditation(agencyId, accreditationId)}/revoke`, { reason }),
    rotateKey: (principalId, rotation) => post(`principals/${segment(principalId)}/keys/rotate`, rotation),
    revokeKey: (principalId, keyId, revocation) => post(`principals/${segment(principalId)}/keys/${segment(keyId)}/revoke`, revocation),
    registerExternalSource: (source) => post('external-sources', source),
    registerAuditor: (auditor) => post('auditors', auditor),
    getPrincipal: (principalId) => call({ method: 'GET', url: url(`v1/registry/principals/${segment(principalId)}`) }),
  };
}
