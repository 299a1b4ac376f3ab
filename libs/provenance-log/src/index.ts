// @wildlife/provenance-log: the provenance log's Merkle tree (RFC 6962 / RFC 9162 §2.1), its
// proofs, its C2SP checkpoints and signed notes, what binds a record to its signed request, and the
// request rules of the classification (which records wait for their request, NCB vouches).
// Pure code (node:crypto, and @wildlife/signatures for the ids derived from a signature), shared by
// the provenance service and the offline auditor.

export {
  ACCREDITATION_REACH_BACK_MS,
  AccreditationReachBack,
  type AccreditationDueChange,
  type AgencyRecordMemo,
  type AgencyVerdict,
} from './entry/accreditation-reach-back.js';
export { RecordsAwaitingRequest } from './entry/records-awaiting-request.js';
export { requestIdOf, requestingCountryOf, statedCountryOf, capabilitiesOf } from './entry/record-facts.js';
export {
  RECORD_AWAITS_REQUEST_MS,
  RecentRequestCountries,
  RequestVouches,
  isVouch,
  type RequestCountries,
  type RequestDueChange,
} from './entry/request-vouches.js';

export { HASH_SIZE, leafHash, nodeHash, emptyTreeRoot, sameHash } from './merkle/hashing.js';
export { type NodeId } from './merkle/tree-shape.js';
export { type PerfectSubtreeSource, type StoredNode, subtreeRootHash } from './merkle/perfect-subtrees.js';
export { rootHashAt, inclusionProof, consistencyProof } from './merkle/proof-generation.js';
export {
  requiredNodesForRoot,
  requiredNodesForInclusion,
  requiredNodesForConsistency,
} from './merkle/required-nodes.js';
export { PerfectSubtreeHashMap } from './merkle/perfect-subtree-hash-map.js';
export { MerkleTree } from './merkle/merkle-tree.js';
export { CompactRange, rootHash } from './merkle/compact-range.js';
export { verifyInclusion, type InclusionClaim } from './merkle/inclusion-verification.js';
export { verifyConsistency, type ConsistencyClaim } from './merkle/consistency-verification.js';
export * from './merkle/merkle.errors.js';

export {
  ED25519_SIGNATURE_TYPE,
  type NoteSigner,
  type NoteVerifier,
  noteKeyId,
  formatVerifierKey,
  parseVerifierKey,
  parseSignerKey,
  generateNoteKeyPair,
  publicKeyOf,
} from './note/note-keys.js';
export {
  MAX_NOTE_SIGNATURES,
  type NoteSignature,
  type OpenedNote,
  signNote,
  openSignedNote,
} from './note/signed-note.js';
export * from './note/note.errors.js';

export { type Checkpoint, formatCheckpoint, parseCheckpoint } from './checkpoint/checkpoint.js';
export { type OpenedCheckpoint, signCheckpoint, openCheckpoint } from './checkpoint/signed-checkpoint.js';
export * from './checkpoint/checkpoint.errors.js';

export {
  type LogEntry,
  type LogClassification,
  type LoggedRecord,
  type LoggedPrincipal,
  type LogReason,
  type LoggedSignatureMaterial,
  type JsonValue,
  type JsonObject,
  LOG_ENTRY_VERSION,
  LOG_CLASSIFICATIONS,
  LOGGED_PRINCIPAL_KINDS,
} from './entry/log-entry.js';
export { entryBytes, parseEntry } from './entry/log-entry.bytes.js';
export { logEntryShapeProblem } from './entry/log-entry.shape.js';
export { LogEntryIsMalformed } from './entry/log-entry.errors.js';

export { RECORD_BINDINGS, type RecordBinding, type FieldOrigin } from './binding/record-bindings.js';
export {
  RECORD_DOES_NOT_MATCH_SIGNATURE,
  RECORD_ID_DOES_NOT_MATCH_SIGNATURE,
  RECORD_TIME_DOES_NOT_MATCH_SIGNATURE,
  recordBindingProblem,
  requestOfRecord,
  type BindingSigner,
  type BoundRecord,
  type RecordBindingMismatch,
} from './binding/record-binding.js';
