import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@wildlife/service-kit';
import type pg from 'pg';
import type { ActingPrincipal } from '../domain/acting-principal.js';
import type { SupportRequestFacts } from '../domain/support-request.facts.js';
import type { PermitSeen } from '../domain/support-request.state.js';
import type { LifecycleStatus, ProvenanceStatus } from '../domain/support-request.status.js';
import type { ListPosition } from './list-support-requests/list-cursor.js';
import type { ListScope } from './list-support-requests/list-scope.js';
import type { HistoryEntryView, SupportRequestSummaryView, SupportRequestView } from './support-request.view.dto.js';

interface SupportRequestRow {
  request_id: string;
  status: LifecycleStatus;
  provenance_status: ProvenanceStatus;
  requesting_agency_id: string;
  country: string;
  submitted_by: ActingPrincipal;
  channel: SupportRequestView['channel'];
  submitted_at: Date;
  facts: SupportRequestFacts;
  permit: PermitSeen | null;
  version: number;
}

/** A history line as `ONE_WITH_HISTORY` aggregates it: JSON, with `at` as the API shows it. */
interface HistoryRow {
  what: string;
  at: string;
  by: string | null;
  detail: string | null;
}

/**
 * A history time as the API shows it, rendered by PostgreSQL: RFC 3339 in UTC to the millisecond,
 * what toISOString() wrote when JavaScript parsed PostgreSQL's rendering instead. That parse failed
 * for good on a time stored at year 10000 (a leap second at the end of 9999, which the contracts took
 * before they checked times), and the request's GET answered 500; PostgreSQL renders any time it stores.
 */
const API_TIME = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

const ONE_WITH_HISTORY = `
  SELECT r.*, COALESCE(
    (SELECT json_agg(json_build_object('what', h.what, 'at', to_char(h.at AT TIME ZONE 'UTC', ${API_TIME}), 'by', h.by, 'detail', h.detail) ORDER BY h.position)
       FROM support_request_history h WHERE h.request_id = r.request_id),
    '[]') AS history
  FROM support_requests r WHERE r.request_id = $1`;

/** A request as the read model holds it, with what authorisation needs beside the view. */
export interface SupportRequestFound {
  readonly view: SupportRequestView;
  readonly country: string;
  readonly requestingAgencyId: string;
}

export const statusUrlOf = (requestId: string) => `/v1/support-requests/${requestId}`;

/** Reads of the support-request read model (tables of migrations/0001). No authorisation here: callers decide. */
@Injectable()
export class SupportRequestQueries {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /**
   * One statement, so the row and its history come from one snapshot: two queries (even concurrent
   * ones) could show a status whose history line a projection committed between them.
   */
  async one(requestId: string): Promise<SupportRequestFound | undefined> {
    const { rows } = await this.pool.query<SupportRequestRow & { history: HistoryRow[] }>(ONE_WITH_HISTORY, [requestId]);
    const row = rows[0];
    if (!row) return undefined;
    return { view: viewOf(row, row.history.map(historyEntryOf)), country: row.country, requestingAgencyId: row.requesting_agency_id };
  }

  /** Up to `limit` requests within `scope`, newest first, after `after` when given. */
  async page(scope: ListScope, filter: { status?: LifecycleStatus; limit: number; after?: ListPosition }): Promise<SupportRequestSummaryView[]> {
    if (scope.only === 'none') return [];
    const conditions: string[] = [];
    const values: unknown[] = [];
    const bind = (value: unknown) => `$${values.push(value)}`;
    if (scope.only === 'agency') conditions.push(`requesting_agency_id = ${bind(scope.agencyId)}`);
    if (scope.only === 'country') conditions.push(`country = ${bind(scope.country)}`);
    if (filter.status !== undefined) conditions.push(`status = ${bind(filter.status)}`);
    if (filter.after !== undefined) conditions.push(`(submitted_at, request_id) < (${bind(filter.after.submittedAt)}::timestamptz, ${bind(filter.after.requestId)}::uuid)`);
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    const { rows } = await this.pool.query<SupportRequestRow>(
      `SELECT * FROM support_requests ${where} ORDER BY submitted_at DESC, request_id DESC LIMIT ${bind(filter.limit)}`,
      values,
    );
    return rows.map(summaryOf);
  }
}

function viewOf(row: SupportRequestRow, history: HistoryEntryView[]): SupportRequestView {
  const { principalId, kind, country } = row.submitted_by;
  return {
    requestId: row.request_id,
    status: row.status,
    provenanceStatus: row.provenance_status,
    requestingAgency: { principalId: row.requesting_agency_id, country: row.country },
    submittedBy: { principalId, kind, ...(country !== undefined && { country }) },
    channel: row.channel,
    submittedAt: row.submitted_at.toISOString(),
    ...row.facts,
    ...(row.permit !== null && { permit: row.permit }),
    history,
    version: row.version,
  };
}

function summaryOf(row: SupportRequestRow): SupportRequestSummaryView {
  return {
    requestId: row.request_id,
    status: row.status,
    provenanceStatus: row.provenance_status,
    requestingAgency: { principalId: row.requesting_agency_id, country: row.country },
    channel: row.channel,
    submittedAt: row.submitted_at.toISOString(),
    urgency: row.facts.urgency,
    capabilities: row.facts.capabilities,
    countriesConcerned: row.facts.countriesConcerned,
    statusUrl: statusUrlOf(row.request_id),
  };
}

function historyEntryOf(row: HistoryRow): HistoryEntryView {
  return {
    what: row.what,
    at: row.at,
    ...(row.by !== null && { by: row.by }),
    ...(row.detail !== null && { detail: row.detail }),
  };
}
