import type pg from 'pg';
import type { EndorsementHistoryEntry, EndorsementRecord, EndorsementRecords, PermitRecord } from './endorsement-record.js';

// The `endorsements` and `permits` tables (migrations/0001_endorsement_read_models.sql). Writes
// replace a request's rows whole, from `endorsementRecordOf` over its whole stream, on the client of
// the transaction that appended to it.

type Queryable = pg.Pool | pg.ClientBase;

const UPSERT_ENDORSEMENT = `
  INSERT INTO endorsements (request_id, status, version, agency_id, country, submitted_at, capabilities, permit_id, rejection, history)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  ON CONFLICT (request_id) DO UPDATE SET
    status = EXCLUDED.status, version = EXCLUDED.version, agency_id = EXCLUDED.agency_id, country = EXCLUDED.country,
    submitted_at = EXCLUDED.submitted_at, capabilities = EXCLUDED.capabilities, permit_id = EXCLUDED.permit_id,
    rejection = EXCLUDED.rejection, history = EXCLUDED.history`;

const UPSERT_PERMIT = `
  INSERT INTO permits (permit_id, request_id, agency_id, country, gs_team, issued_at, expires_at, issued_by, revoked_at, revocation_reason, revoked_by, voided_at, void_reason)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
  ON CONFLICT (permit_id) DO UPDATE SET
    revoked_at = EXCLUDED.revoked_at, revocation_reason = EXCLUDED.revocation_reason, revoked_by = EXCLUDED.revoked_by,
    voided_at = EXCLUDED.voided_at, void_reason = EXCLUDED.void_reason`;

/** Writes a request's rows (its permits after the request they reference). */
export async function writeEndorsementRecords(client: pg.ClientBase, { endorsement: e, permits }: EndorsementRecords): Promise<void> {
  await client.query(UPSERT_ENDORSEMENT, [
    e.requestId,
    e.status,
    e.version,
    e.agency?.principalId ?? null,
    e.agency?.country ?? null,
    e.submittedAt ?? null,
    JSON.stringify(e.capabilities),
    e.permitId ?? null,
    e.rejection ? JSON.stringify(e.rejection) : null,
    JSON.stringify(e.history),
  ]);
  for (const p of permits) {
    await client.query(UPSERT_PERMIT, [
    p.permitId,
    p.requestId,
    p.agency.principalId,
    p.agency.country,
    p.gsTeam,
    p.issuedAt,
    p.expiresAt,
    p.issuedBy,
    p.revokedAt ?? null,
    p.revocationReason ?? null,
    p.revokedBy ?? null,
    p.voidedAt ?? null,
    p.voidReason ?? null,
    ]);
  }
}

interface EndorsementRow {
  request_id: string;
  status: EndorsementRecord['status'];
  version: number;
  agency_id: string | null;
  country: string | null;
  submitted_at: string | null;
  capabilities: EndorsementRecord['capabilities'];
  permit_id: string | null;
  rejection: EndorsementRecord['rejection'] | null;
  history: EndorsementHistoryEntry[];
}

interface PermitRow {
  permit_id: string;
  request_id: string;
  agency_id: string;
  country: string;
  gs_team: string;
  issued_at: string;
  expires_at: string;
  issued_by: string;
  revoked_at: string | null;
  revocation_reason: string | null;
  revoked_by: string | null;
  voided_at: string | null;
  void_reason: string | null;
}

// Each read that shows a request with its permit, or a permit with its request's version, is one
// statement: two queries could straddle a commit and show a permit revoked under the version before
// the revocation (an ETag for a state the reader never saw), or the reverse. Every column is text,
// integer or jsonb, so `to_jsonb` of a row gives the values `pg` would have parsed.

/** A request's row with its permit, if it has one, from one snapshot. */
export async function readEndorsementWithPermit(db: Queryable, requestId: string): Promise<{ endorsement: EndorsementRecord; permit?: PermitRecord } | undefined> {
  const { rows } = await db.query<{ endorsement: EndorsementRow; permit: PermitRow | null }>(
    'SELECT to_jsonb(e) AS endorsement, to_jsonb(p) AS permit FROM endorsements e LEFT JOIN permits p ON p.permit_id = e.permit_id WHERE e.request_id = $1',
    [requestId],
  );
  const row = rows[0];
  return row && { endorsement: endorsementOf(row.endorsement), ...(row.permit !== null && { permit: permitOf(row.permit) }) };
}

/** A permit with the version of its request's stream (what its ETag carries), from one snapshot. */
export async function readPermitWithVersion(db: Queryable, permitId: string): Promise<{ permit: PermitRecord; version: number } | undefined> {
  const { rows } = await db.query<{ permit: PermitRow; version: number }>(
    'SELECT to_jsonb(p) AS permit, e.version FROM permits p JOIN endorsements e ON e.request_id = p.request_id WHERE p.permit_id = $1',
    [permitId],
  );
  const row = rows[0];
  return row && { permit: permitOf(row.permit), version: row.version };
}

/** Every row of both tables, in key order: what a rebuild must reproduce. */
export async function readAllEndorsementRecords(db: Queryable): Promise<{ endorsements: EndorsementRecord[]; permits: PermitRecord[] }> {
  const endorsements = await db.query<EndorsementRow>('SELECT * FROM endorsements ORDER BY request_id');
  const permits = await db.query<PermitRow>('SELECT * FROM permits ORDER BY permit_id');
  return { endorsements: endorsements.rows.map(endorsementOf), permits: permits.rows.map(permitOf) };
}

function endorsementOf(row: EndorsementRow): EndorsementRecord {
  return {
    requestId: row.request_id,
    status: row.status,
    version: row.version,
    ...(row.agency_id !== null && row.country !== null && { agency: { principalId: row.agency_id, country: row.country } }),
    ...(row.submitted_at !== null && { submittedAt: row.submitted_at }),
    capabilities: row.capabilities,
    ...(row.permit_id !== null && { permitId: row.permit_id }),
    ...(row.rejection !== null && { rejection: row.rejection }),
    history: row.history,
  };
}

function permitOf(row: PermitRow): PermitRecord {
  return {
    permitId: row.permit_id,
    requestId: row.request_id,
    agency: { principalId: row.agency_id, country: row.country },
    gsTeam: row.gs_team,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    issuedBy: row.issued_by,
    ...(row.revoked_at !== null && { revokedAt: row.revoked_at }),
    ...(row.revocation_reason !== null && { revocationReason: row.revocation_reason }),
    ...(row.revoked_by !== null && { revokedBy: row.revoked_by }),
    ...(row.voided_at !== null && { voidedAt: row.voided_at }),
    ...(row.void_reason !== null && { voidReason: row.void_reason }),
  };
}
