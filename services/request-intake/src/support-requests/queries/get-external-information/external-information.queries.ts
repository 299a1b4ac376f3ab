import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@wildlife/service-kit';
import type pg from 'pg';
import type { CaseFacts } from '../../domain/support-request.facts.js';
import type { ExternalInformationView } from '../external-information.view.dto.js';

interface ExternalInformationRow {
  information_id: string;
  source_id: string;
  source_name: string;
  received_at: Date;
  external: boolean;
  caveat: string;
  summary: string;
  related_request_id: string | null;
  facts: CaseFacts;
}

/** Reads of the external-information read model. No authorisation here: callers decide. */
@Injectable()
export class ExternalInformationQueries {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async one(informationId: string): Promise<ExternalInformationView | undefined> {
    const { rows } = await this.pool.query<ExternalInformationRow>('SELECT * FROM external_information WHERE information_id = $1', [informationId]);
    const row = rows[0];
    if (!row) return undefined;
    return {
      external: true,
      caveat: row.caveat,
      informationId: row.information_id,
      receivedAt: row.received_at.toISOString(),
      externalSource: { principalId: row.source_id, name: row.source_name },
      summary: row.summary,
      ...(row.related_request_id !== null && { relatedRequestId: row.related_request_id }),
      ...row.facts,
    };
  }
}
