import { Inject, Injectable } from '@nestjs/common';
import { inTransaction, StreamVersionConflict, type EventStore } from '@wildlife/event-store';
import type { Action } from '@wildlife/registry';
import { assertRecordTimeWithinSignature, EVENT_STORE, PG_POOL, ProblemError, type SignedRequestContext } from '@wildlife/service-kit';
import type pg from 'pg';
import { assertMayActOnRequest, supportRequestIsNotFound } from '../access/request-access.js';
import { CLOCK, type Clock } from '../clock.js';
import type { ActingPrincipal, SignatureMaterial } from '../domain/acting-principal.js';
import { EndorsementRuleViolation } from '../domain/endorsement.errors.js';
import type { EndorsementEvent } from '../domain/endorsement.events.js';
import type { EndorsementState } from '../domain/endorsement.state.js';
import type { EndorsementRecords } from '../projections/endorsement-record.js';
import { EndorsementWritesArePaused } from '../projections/read-model-fence.js';
import { loadEndorsement } from '../stream/endorsement-stream.js';
import { EndorsementRecorder } from '../stream/endorsement-recorder.js';
import { problemFor } from './endorsement-problems.js';
import { assertIfMatchHolds, versionIsStale, type IfMatch } from '../../http/if-match.precondition.js';

/** What every NCB decision carries into the domain besides its own fields. */
export interface DecisionContext {
  readonly requestId: string;
  readonly actor: ActingPrincipal;
  readonly at: string;
  readonly expectedVersion: number;
  readonly signatureMaterial: SignatureMaterial;
}

export interface NcbDecision {
  readonly requestId: string;
  readonly action: Action;
  readonly signed: SignedRequestContext;
  readonly ifMatch: IfMatch | undefined;
  /** The domain's decision (decideAcknowledge, …) on the request's current state. */
  readonly decide: (context: DecisionContext, state: EndorsementState) => readonly EndorsementEvent[];
  /** The 404 for a request the signer may not know of (default: the support request's). */
  readonly notFound?: () => ProblemError;
}

/**
 * Takes one signed NCB decision on a request, checking in this order, and stopping at the first
 * refusal with nothing stored and nothing published: the request exists and the signer may know of it
 * (404), the table allows the action (403), If-Match names the current version (412), the domain's
 * rules (403, 409, 400); a decision timed outside the window its signature allows, which the
 * provenance log would reject (503, `assertRecordTimeWithinSignature`). Then appends the events, their public counterparts to the outbox and the
 * read-model rows in one transaction; a change that slips in meanwhile is a 412 (409 without If-Match),
 * and a rebuild of the read models in progress a 503 with Retry-After.
 */
@Injectable()
export class NcbDecisions {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly recorder: EndorsementRecorder,
  ) {}

  async take(decision: NcbDecision): Promise<EndorsementRecords> {
    const { requestId, signed, ifMatch } = decision;
    const notFound = decision.notFound ?? (() => supportRequestIsNotFound(requestId));
    const loaded = await loadEndorsement(this.eventStore, requestId);
    const { state } = loaded;
    assertMayActOnRequest(signed.principal, decision.action, state.request?.agency, notFound);
    assertIfMatchHolds(ifMatch, state.version);
    const { principal, material } = signed;
    const at = this.clock().toISOString();
    // The decision's time is its record's time, which the provenance log binds to the signature.
    assertRecordTimeWithinSignature(material, at);
    const context: DecisionContext = {
      requestId,
      actor: { principalId: principal.id, kind: principal.kind, ...(principal.country !== undefined && { country: principal.country }) },
      at,
      expectedVersion: state.version,
      signatureMaterial: material,
    };
    let events: readonly EndorsementEvent[];
    try {
      events = decision.decide(context, state);
    } catch (error) {
      throw error instanceof EndorsementRuleViolation ? problemFor(error, state.status) : error;
    }
    try {
      return await inTransaction(this.pool, (client) => this.recorder.record(client, loaded, events, { at, principal }));
    } catch (error) {
      if (error instanceof EndorsementWritesArePaused) {
        throw new ProblemError(503, 'writes-are-paused', 'Service Unavailable', error.message, {}, { 'retry-after': '1' });
      }
      if (!(error instanceof StreamVersionConflict)) throw error;
      if (ifMatch !== undefined) throw versionIsStale(error.actual);
      throw new ProblemError(409, 'request-changed-meanwhile', 'Conflict', 'The request changed while this decision was taken; read it again and retry.', {
        ...(error.actual !== undefined && { currentVersion: error.actual }),
      });
    }
  }
}
