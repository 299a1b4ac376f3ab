import type { PrincipalKind } from '@wildlife/contracts';

// Refusals of the external-information rules, named as the rule they enforce.

export abstract class ExternalInformationRuleViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Agencies and NCBs submit support requests; the external channel is for non-law-enforcement sources. */
export class OnlyExternalSourcesSubmitExternalInformation extends ExternalInformationRuleViolation {
  constructor(readonly principalKind: PrincipalKind) {
    super(`a ${principalKind} principal cannot submit external information: only a registered external source can`);
  }
}

export class OnlyRegisteredExternalSourcesSubmitExternalInformation extends ExternalInformationRuleViolation {
  constructor(readonly principalId: string) {
    super(`"${principalId}" is not registered as an external source`);
  }
}

export class ExternalInformationAlreadyExists extends ExternalInformationRuleViolation {
  constructor(readonly informationId: string) {
    super(`external information ${informationId} already exists`);
  }
}
