import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PG_POOL } from '@wildlife/service-kit';
import type pg from 'pg';
import { permitIsNotFound } from '../../access/request-access.js';
import { decideRevokePermit } from '../../domain/endorsement.decide.js';
import { readPermitWithVersion } from '../../projections/endorsement-read-model.js';
import type { EndorsementRecords } from '../../projections/endorsement-record.js';
import { NcbDecisions } from '../ncb-decision.js';
import { RevokePermitCommand } from './revoke-permit.command.js';

/** Finds the permit's request in the `permits` read model, then decides on that request's stream. */
@CommandHandler(RevokePermitCommand)
export class RevokePermitHandler implements ICommandHandler<RevokePermitCommand> {
  constructor(
    private readonly decisions: NcbDecisions,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  async execute({ permitId, signed, ifMatch, body }: RevokePermitCommand): Promise<EndorsementRecords> {
    const { permit } = (await readPermitWithVersion(this.pool, permitId)) ?? {};
    if (permit === undefined) throw permitIsNotFound(permitId);
    return this.decisions.take({
      requestId: permit.requestId,
      action: 'permit:revoke',
      signed,
      ifMatch,
      notFound: () => permitIsNotFound(permitId),
      decide: (context, state) => decideRevokePermit({ ...context, permitId, reason: body.reason }, state),
    });
  }
}
