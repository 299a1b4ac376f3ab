import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  entryBytes,
  generateNoteKeyPair,
  rootHash,
  signCheckpoint,
  type JsonObject,
  type LogEntry,
  type LoggedPrincipal,
  type LoggedSignatureMaterial,
  requestOfRecord,
  RECORD_BINDINGS,
} from '@wildlife/provenance-log';
import { parseTrustRoots, type TrustRoots } from '@wildlife/registry';
import { exportPublicKey, recordIdOf, signatureDerivedId, signRequest, verifyRequest } from '@wildlife/signatures';
import type { LeafRecord } from '../../src/verification/leaf-record.js';

// Builds provenance logs for tests the way the provenance service writes them: real Ed25519 keys,
// real RFC 9421 signature material, canonical entry bytes, a checkpoint signed with a log key.

export const LOG_ORIGIN = 'provenance.test.example/log';
const T0 = Date.parse('2025-03-01T10:00:00.000Z');

/** `T0` plus `seconds`, in the form facts and entries use. */
export const at = (seconds: number): string => new Date(T0 + seconds * 1000).toISOString();

export interface TestSigner {
  readonly principal: LoggedPrincipal;
  readonly keyId: string;
  readonly privateKey: KeyObject;
  /** Registry form of the public key. */
  readonly publicKey: string;
}

export function testSigner(id: string, kind: LoggedPrincipal['kind'], country?: string): TestSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { principal: { id, kind, ...(country !== undefined && { country }) }, keyId: `${id}-k1`, privateKey, publicKey: exportPublicKey(publicKey) };
}

/** Trust roots of the GS and the given NCBs. */
export function testTrustRoots(gs: TestSigner, ncbs: readonly TestSigner[]): TrustRoots {
  return parseTrustRoots({
    version: 1,
    generalSecretariat: { principalId: 'gs', keys: [{ keyId: gs.keyId, publicKey: gs.publicKey }] },
    ncbs: ncbs.map((ncb) => ({ country: ncb.principal.country, principalId: ncb.principal.id, keys: [{ keyId: ncb.keyId, publicKey: ncb.publicKey }] })),
  });
}

/** The signature material a service keeps for a signed POST of `body`, as JSON (what an entry's `evidence` holds). */
export async function evidenceOf(signer: TestSigner, body: JsonObject, path = '/v1/records'): Promise<LoggedSignatureMaterial> {
  const request = { method: 'POST', url: `https://service.test.example${path}`, headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode(JSON.stringify(body)) };
  const created = Math.floor(T0 / 1000);
  const fields = signRequest(request, { keyId: signer.keyId, privateKey: signer.privateKey }, { created });
  const result = await verifyRequest(
    { ...request, headers: { ...request.headers, ...fields } },
    { now: created, resolveKey: async () => ({ publicKey: signer.privateKey, principalId: signer.principal.id }), claimNonce: async () => true },
  );
  if (!result.ok) throw new Error(`test material did not verify: ${result.reason}`);
  return JSON.parse(JSON.stringify(result.material)) as LoggedSignatureMaterial;
}

/**
 * The material of the request that makes `data` a record of `type` (its route and body, as the
 * producing service's; `requestOfRecord`), or of a POST of `data` to `/v1/records` for a type no
 * request makes.
 */
export async function recordEvidenceOf(signer: TestSigner, type: string, data: JsonObject): Promise<LoggedSignatureMaterial> {
  const request = requestOfRecord(type, data, signer.principal);
  return request === undefined ? evidenceOf(signer, data) : evidenceOf(signer, request.body, request.path);
}

/** The data of a support request `agency` submitted itself, with every field its signed body binds. */
export function supportRequestData(agency: TestSigner, requestId: string, capabilities: readonly string[] = ['information-sharing']): JsonObject {
  return {
    requestId,
    submittedAt: at(0),
    requestingAgency: { principalId: agency.principal.id, country: agency.principal.country! },
    submittedBy: 'requesting-agency',
    capabilities,
    generalServices: [],
    natureOfHelp: ['investigation-support'],
    caseSummary: 'Ivory offered on a marketplace.',
    urgency: 'routine',
    species: [],
    platforms: [],
    countriesConcerned: [agency.principal.country!],
    evidenceReferences: [],
  };
}

export type EntryDraft = Omit<LogEntry, 'v' | 'sequence' | 'time'> & { readonly time?: string };

/** A log being written: entries get the next sequence and a time one second after the previous one. */
export class TestLog {
  readonly entries: LogEntry[] = [];
  readonly noteKey: ReturnType<typeof generateNoteKeyPair>;

  /** `origin` names the log (its checkpoints' origin line and its note key). */
  constructor(readonly origin: string = LOG_ORIGIN) {
    this.noteKey = generateNoteKeyPair(origin);
  }

  append(draft: EntryDraft): LogEntry {
    const sequence = this.entries.length;
    const entry = { ...draft, v: 1, sequence, time: draft.time ?? at(100 + sequence) } as LogEntry;
    this.entries.push(entry);
    return entry;
  }

  /** A signed record logged as the rules classify it. */
  async record(signer: TestSigner, type: string, data: JsonObject, verdict: Pick<LogEntry, 'classification' | 'reason' | 'basis' | 'supersedes'>): Promise<LogEntry> {
    const sequence = this.entries.length;
    const evidence = await recordEvidenceOf(signer, type, data);
    return this.append({
      record: { id: recordIdOf(type, evidence), type, subject: `subject-${sequence}`, time: at(100 + sequence) },
      source: signer.principal,
      evidence,
      recordData: withMintedIds(type, data, evidence),
      ...verdict,
    });
  }

  leaves(entries: readonly LogEntry[] = this.entries): Uint8Array[] {
    return entries.map((entry) => entryBytes(entry));
  }

  /** The checkpoint note over the first `size` leaves of `leaves`. */
  checkpoint(leaves: readonly Uint8Array[] = this.leaves(), size = leaves.length): string {
    return signCheckpoint({ origin: this.origin, size, rootHash: rootHash(leaves.slice(0, size)) }, this.noteKey.signerKey);
  }
}

/** Leaves as a source delivers them, sequence = position unless given otherwise. */
export async function* leafRecords(leaves: readonly Uint8Array[], sequences?: readonly number[]): AsyncIterable<LeafRecord> {
  for (const [position, leafBytes] of leaves.entries()) yield { sequence: sequences?.[position] ?? position, leafBytes };
}

/**
 * `data` with the ids its server mints from the signature (`RECORD_BINDINGS` fields of origin
 * `signature`) set to the ones `evidence` derives, as the producing service would have minted them.
 */
export function withMintedIds(type: string, data: JsonObject, evidence: LoggedSignatureMaterial): JsonObject {
  const minted: Record<string, JsonObject[string]> = {};
  for (const [field, origin] of Object.entries(RECORD_BINDINGS[type]?.fields ?? {})) {
    if (origin.from === 'signature' && !field.includes('.')) minted[field] = (origin.prefix ?? '') + signatureDerivedId(origin.label, evidence);
  }
  return { ...data, ...minted };
}
