// @wildlife/client: the TypeScript SDK integrators call the services with, every call signed with
// their Ed25519 key (RFC 9421), and the `wildlife` CLI (keygen, pubkey, sign, request) built on it.

export { createWildlifeClient, type WildlifeClient, type WildlifeClientOptions } from './sdk/wildlife-client.js';
export { DEFAULT_ENDPOINTS, EndpointIsNotAnHttpUrl, type WildlifeEndpoints } from './sdk/endpoints.js';
export { WildlifeApiError, problemOf, type ProblemDetails, type ProblemFieldError } from './sdk/wildlife-api-error.js';
export {
  CallGotNoAnswer,
  RedirectIsNotFollowed,
  ResponseBodyIsNotJson,
  WildlifeCallError,
  type CallErrorOptions,
} from './sdk/wildlife-call.errors.js';
export { ifMatch, type ResourceVersion } from './sdk/request-preconditions.js';
export type { ApiObject, Reasoned } from './sdk/api-object.js';

export type { IntakeClient } from './sdk/intake.client.js';
export type {
  IdempotentCallOptions,
  ProvenanceStatus,
  SupportRequestAccepted,
  SupportRequestHistoryEntry,
  SupportRequestPage,
  SupportRequestQuery,
  SupportRequestStatus,
  SupportRequestSubmission,
  SupportRequestSummary,
  SupportRequestView,
} from './sdk/intake.types.js';
export type { ExternalInformation, ExternalInformationAccepted, ExternalInformationSubmission } from './sdk/external-information.types.js';
export type { EndorsementClient } from './sdk/endorsement.client.js';
export type {
  Acknowledgement,
  Decline,
  Endorsement,
  EndorsementGranted,
  EndorsementHistoryEntry,
  EndorsementStatus,
  EndorsementView,
  Permit,
  PermitRevocation,
  PermitStatus,
  VersionedDecision,
} from './sdk/endorsement.types.js';
export type { RegistryClient } from './sdk/registry.client.js';
export type {
  Accreditation,
  AgencyRegistration,
  AuditorRegistration,
  ExternalSourceRegistration,
  KeyRevocation,
  KeyRotation,
  RegistryCommandOptions,
  RegistryKey,
  Reinstatement,
} from './sdk/registry.types.js';
export type { ProvenanceClient } from './sdk/provenance.client.js';
export type { ConsistencyProofQuery, InclusionProofQuery, LogCheckpoint, LogEntryRange } from './sdk/provenance.types.js';

export { main as runWildlifeCli, processIo, type CliIo } from './cli/main.js';
