import { Command } from '@nestjs/cqrs';
import type { RegistryCommand, RegistryFact } from '@wildlife/registry';
import type { SignedRequestContext } from '@wildlife/service-kit';

/** What a registry command recorded: the facts, in order, each under its public event id. */
export interface RegistryFactsRecorded {
  readonly facts: readonly (RegistryFact & { readonly eventId: string })[];
}

/** A registry command (see `@wildlife/registry`'s `RegistryCommand`), issued by the signer of the call. */
export class IssueRegistryCommand extends Command<RegistryFactsRecorded> {
  constructor(
    readonly command: RegistryCommand,
    readonly signed: SignedRequestContext,
  ) {
    super();
  }
}
