import type {
  EvidenceReference,
  GeneralService,
  NatureOfHelp,
  OperationalSupportRequested,
  PlatformConcerned,
  SpeciesConcerned,
  SupportCapability,
  Urgency,
} from '@wildlife/contracts';

/** What a case is about, as any submission states it: never the evidence itself, only references. */
export interface CaseFacts {
  readonly species: readonly SpeciesConcerned[];
  readonly platforms: readonly PlatformConcerned[];
  /** ISO 3166-1 alpha-2 codes, distinct. */
  readonly countriesConcerned: readonly string[];
  readonly evidenceReferences: readonly EvidenceReference[];
}

/** What a support request asks for, as validated at the edge. */
export interface SupportRequestFacts extends CaseFacts {
  readonly capabilities: readonly SupportCapability[];
  readonly generalServices: readonly GeneralService[];
  /** Only with the `operational-support` capability. */
  readonly operationalSupport?: OperationalSupportRequested;
  readonly natureOfHelp: readonly NatureOfHelp[];
  readonly caseSummary: string;
  readonly urgency: Urgency;
}
