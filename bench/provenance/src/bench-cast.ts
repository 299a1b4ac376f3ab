import { randomUUID, type KeyObject } from 'node:crypto';
import type { JsonObject } from '@wildlife/provenance-log';
import type { TrustRoots } from '@wildlife/registry';
import { exportPublicKey, generateSigningKeyPair, signRequest, verifyRequest, type SignatureMaterial } from '@wildlife/signatures';
import type { LoggableRecord } from '../../../services/provenance/dist/classification/log-entry-of.js';

export interface BenchSigner {
  readonly principal: { readonly id: string; readonly kind: 'ncb' | 'agency' | 'general-secretariat' | 'auditor'; readonly country?: string };
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKey: string;
}

function signer(principal: BenchSigner['principal']): BenchSigner {
  const { privateKey, publicKey } = generateSigningKeyPair();
  return { principal, keyId: `${principal.id}-k1`, privateKey, publicKey: exportPublicKey(publicKey) };
}

/** Who signs the bench's records: the GS and an NCB (trust roots), one accredited agency, the auditor who reads. */
export function benchCast() {
  return {
    gs: signer({ id: 'gs', kind: 'general-secretariat' }),
    ncb: signer({ id: 'ncb-ke', kind: 'ncb', country: 'KE' }),
    agency: signer({ id: 'ke-kws', kind: 'agency', country: 'KE' }),
    auditor: signer({ id: 'audit-bench', kind: 'auditor' }),
  };
}
export type BenchCast = ReturnType<typeof benchCast>;

export function trustRootsOf(cast: BenchCast): TrustRoots {
  const keys = (s: BenchSigner) => [{ keyId: s.keyId, publicKey: s.publicKey }];
  return { version: 1, generalSecretariat: { principalId: 'gs', keys: keys(cast.gs) }, ncbs: [{ country: 'KE', principalId: 'ncb-ke', keys: keys(cast.ncb) }] };
}

/** The material a service keeps for a signed POST of `data`: what a record's `provenance` carries beside the principal. */
async function materialOf(by: BenchSigner, data: JsonObject, at: Date): Promise<SignatureMaterial> {
  const url = 'https://intake.wildlife.example/v1/support-requests';
  const body = new Uint8Array(Buffer.from(JSON.stringify(data)));
  const headers = { 'content-type': 'application/json' };
  const created = Math.floor(at.getTime() / 1000);
  const fields = signRequest({ method: 'POST', url, headers, body }, { keyId: by.keyId, privateKey: by.privateKey }, { created });
  const verified = await verifyRequest(
    { method: 'POST', url, headers: { ...headers, ...fields }, body },
    { now: created, resolveKey: async () => ({ publicKey: by.privateKey, principalId: by.principal.id }), claimNonce: async () => true },
  );
  if (!verified.ok) throw new Error(`bench signing failed: ${verified.reason}`);
  return verified.material;
}

async function record(by: BenchSigner, type: string, subject: string, data: JsonObject, at: Date): Promise<LoggableRecord> {
  const provenance = { principal: by.principal, ...(await materialOf(by, data, at)) };
  return { kind: 'record', id: randomUUID(), type, subject, time: at.toISOString(), data, provenance };
}

/** The agency's registration and accreditation by its NCB, an hour back: the basis of every request. */
export async function registryRecords(cast: BenchCast): Promise<LoggableRecord[]> {
  const at = new Date(Date.now() - 3_600_000);
  const iso = at.toISOString();
  const key = { keyId: cast.agency.keyId, publicKey: cast.agency.publicKey };
  const agencyId = cast.agency.principal.id;
  const registered = { agencyId, country: 'KE', name: 'Kenya Wildlife Service', key, registeredBy: 'ncb-ke', at: iso };
  const validUntil = new Date(at.getTime() + 365 * 86_400_000).toISOString();
  const accredited = { agencyId, accreditationId: 'kws-acc-1', scope: ['information-sharing', 'operational-support'], validFrom: iso, validUntil, by: 'ncb-ke', at: iso };
  return [
    await record(cast.ncb, 'ncb-endorsement.AgencyRegistered.v1', agencyId, registered, at),
    await record(cast.ncb, 'ncb-endorsement.AgencyAccredited.v1', agencyId, accredited, at),
  ];
}

/**
 * `count` support requests by the accredited agency, each its own record (own id and subject). Their
 * signed bodies come from a pool of `distinct` really signed requests: signing 100,000 would cost the
 * bench more than it measures, and every entry is still re-verified on its own by the auditor.
 */
export async function requestRecords(cast: BenchCast, count: number, distinct = 256): Promise<LoggableRecord[]> {
  const at = new Date();
  const pool = await Promise.all(
    Array.from({ length: distinct }, async (_, i) => {
      const requestId = randomUUID();
      const data = {
        requestId,
        requestingAgency: { principalId: cast.agency.principal.id, country: 'KE' },
        capabilities: ['information-sharing'],
        caseSummary: `Ivory and pangolin scales offered on an online marketplace, seller ${i}, buyers in several countries; screenshots and payment traces attached.`,
        submittedAt: at.toISOString(),
      };
      return { requestId, data, provenance: { principal: cast.agency.principal, ...(await materialOf(cast.agency, data, at)) } };
    }),
  );
  return Array.from({ length: count }, (_, i) => {
    const signed = pool[i % distinct]!;
    return { kind: 'record', id: randomUUID(), type: 'request-intake.SupportRequestSubmitted.v1', subject: signed.requestId, time: at.toISOString(), data: signed.data, provenance: signed.provenance };
  });
}
