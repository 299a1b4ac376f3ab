import type { PrincipalKind } from '@wildlife/contracts';

// Refusals of the support-request rules, named as the rule they enforce. The HTTP edge maps each
// to an RFC 9457 problem; they all extend `SupportRequestRuleViolation` so it can catch them at once.

export abstract class SupportRequestRuleViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class OnlyAgenciesAndTheirNcbSubmitSupportRequests extends SupportRequestRuleViolation {
  constructor(
    readonly principalKind: PrincipalKind,
    readonly principalCountry: string | undefined,
  ) {
    const who = principalCountry === undefined ? `a ${principalKind} principal of no country` : `a ${principalKind} principal`;
    super(`${who} cannot submit a support request: only a national agency or its NCB can`);
  }
}

export class AnAgencySubmitsOnlyForItself extends SupportRequestRuleViolation {
  constructor(readonly agencyId: string) {
    super(`agency "${agencyId}" submits only for itself; only an NCB names the agency it submits for`);
  }
}

export class AnNcbNamesTheAgencyItSubmitsFor extends SupportRequestRuleViolation {
  constructor(readonly ncbId: string) {
    super(`NCB "${ncbId}" must name the agency it submits the request for (onBehalfOfAgency)`);
  }
}

export class AnNcbSubmitsOnlyForAnAgencyOfItsOwnCountry extends SupportRequestRuleViolation {
  constructor(
    readonly ncbCountry: string,
    readonly agencyCountry: string,
  ) {
    super(`the NCB of ${ncbCountry} cannot submit for an agency of ${agencyCountry}`);
  }
}

export class ASupportRequestAsksForAtLeastOneCapability extends SupportRequestRuleViolation {
  constructor() {
    super('a support request must ask for at least one of the five support capabilities');
  }
}

export class OperationalDetailNeedsTheOperationalSupportCapability extends SupportRequestRuleViolation {
  constructor() {
    super('operational support detail is only accepted with the operational-support capability');
  }
}

export class SupportRequestAlreadyExists extends SupportRequestRuleViolation {
  constructor(readonly requestId: string) {
    super(`support request ${requestId} already exists`);
  }
}

export class SupportRequestIsUnknown extends SupportRequestRuleViolation {
  constructor(readonly requestId: string) {
    super(`support request ${requestId} was never submitted here`);
  }
}

export class FactIsAboutAnotherRequest extends SupportRequestRuleViolation {
  constructor(
    readonly streamRequestId: string,
    readonly factRequestId: string,
  ) {
    super(`a fact about request ${factRequestId} cannot be recorded on request ${streamRequestId}`);
  }
}
