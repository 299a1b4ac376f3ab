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
  INSERT INTO permits (permit_id, request_id, agency_id, country, gs_team, issued_at, expires_at, issued_by, revoked_at, revocation_reason, revoked_by)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
  ON CONFLICT (permit_id) DO UPDATE SET
    revoked_at = EXCLUDED.revoked_at, revocation_reason = EXCLUDED.revocation_reason, revoked_by = EXCLUDED.revoked_by`;

/** Writes a request's rows (the permit after the request it references). */
export async function writeEndorsementRecords(client: pg.ClientBase, { endorsement: e, permit: p }: EndorsementRecords): Promise<void> {
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
  if (!p) return;
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
  ]);
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
}

export async function readEndorsementRecord(db: Queryable, requestId: string): Promise<EndorsementRecord | undefined> {
  const { rows } = await db.query<EndorsementRow>('SELECT * FROM endorsements WHERE request_id = $1', [requestId]);
  return rows[0] && endorsementOf(rows[0]);
}

export async function readPermitRecord(db: Queryable, permitId: string): Promise<PermitRecord | undefined> {
  const { rows } = await db.query<PermitRow>('SELECT * FROM permits WHERE permit_id = $1', [permitId]);
  return rows[0] && permitOf(rows[0]);
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
  };
}
