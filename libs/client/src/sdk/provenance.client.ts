import type { ApiTransport } from './api-transport.js';
import type { ServiceUrl } from './endpoints.js';
import type { ApiObject } from './api-object.js';
import type { ConsistencyProofQuery, InclusionProofQuery, LogCheckpoint, LogEntryRange } from './provenance.types.js';
import { queryString, segment } from './request-preconditions.js';

/**
 * Reads of the provenance log. Answers are returned as sent: checking proofs against a checkpoint is
 * the auditor's job (`@wildlife/provenance-log`), not this client's.
 */
export interface ProvenanceClient {
  getCheckpoint(): Promise<LogCheckpoint>;
  getEntries(range: LogEntryRange): Promise<ApiObject>;
  getInclusionProof(query: InclusionProofQuery): Promise<ApiObject>;
  getConsistencyProof(query: ConsistencyProofQuery): Promise<ApiObject>;
  getRecord(recordId: string): Promise<ApiObject>;
}

export function provenanceClient(call: ApiTransport, url: ServiceUrl): ProvenanceClient {
  const get = <T>(path: string) => call<T>({ method: 'GET', url: url(`v1/log/${path}`) });
  return {
    getCheckpoint: () => get('checkpoint'),
    getEntries: ({ start, end }) => get(`entries${queryString({ start, end })}`),
    getInclusionProof: ({ index, treeSize }) => get(`proofs/inclusion${queryString({ index, treeSize })}`),
    getConsistencyProof: ({ first, second }) => get(`proofs/consistency${queryString({ first, second })}`),
    getRecord: (recordId) => get(`records/${segment(recordId)}`),
  };
}
