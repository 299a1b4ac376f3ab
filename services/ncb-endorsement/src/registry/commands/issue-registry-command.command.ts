import { Command } from '@nestjs/cqrs';
import type { RegistryCommand, RegistryFact } from '@wildlife/registry';
import type { IdempotentSubmission, SignedRequestContext } from '@wildlife/service-kit';
import type { IfMatch } from '../../http/if-match.precondition.js';

/** What a registry command recorded: the facts, in order, each under its public event id. */
export interface RegistryFactsRecorded {
  readonly facts: readonly (RegistryFact & { readonly eventId: string })[];
}

/** The answer to an accepted registry command, first given or replayed. */
export interface RegistryCommandAnswer {
  readonly body: RegistryFactsRecorded;
  /** The `registry` stream's version once the facts were appended: the answer's ETag. */
  readonly version: number;
  /** True when this is the stored first answer to an earlier command with the same Idempotency-Key. */
  readonly replayed: boolean;
}

/** The request's conditions on a registry command; both optional. */
export interface RegistryConditions {
  /** The registry version the officer decided on: the command is refused (412) unless it is still current. */
  readonly ifMatch: IfMatch | undefined;
  /** At most once per signer and key: a retry gets the first answer. */
  readonly idempotency: IdempotentSubmission | undefined;
}

/** A registry command (see `@wildlife/registry`'s `RegistryCommand`), issued by the signer of the call. */
export class IssueRegistryCommand extends Command<RegistryCommandAnswer> {
  constructor(
    readonly command: RegistryCommand,
    readonly signed: SignedRequestContext,
    readonly conditions: RegistryConditions = { ifMatch: undefined, idempotency: undefined },
  ) {
    super();
  }
}
