import { defineContract } from '../../registry/event-contract.js';
import { record, setOf, text, timestamp } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import {
  agencyReference,
  countriesConcerned,
  evidenceReferences,
  platforms,
  requestId,
  species,
  type AgencyReference,
  type EvidenceReference,
  type PlatformConcerned,
  type SpeciesConcerned,
} from '../shared/case-facts.js';
import { provenanceSignedBy, recordDefs, type RecordProvenance } from '../shared/record-provenance.js';

/** The five support capabilities of the notification (2.1 to 2.5). */
export const SUPPORT_CAPABILITIES = [
  'information-sharing',
  'best-practice-guidance',
  'operational-support',
  'capacity-building',
  'expert-network',
] as const;
export type SupportCapability = (typeof SUPPORT_CAPABILITIES)[number];

/** INTERPOL's general services, asked for besides the capabilities. */
export const GENERAL_SERVICES = ['notices', 'diffusions', 'database-searches', 'legal-assistance', 'training'] as const;
export type GeneralService = (typeof GENERAL_SERVICES)[number];

export const NATURES_OF_HELP = ['investigation-support', 'criminal-intelligence-analysis', 'advice'] as const;
export type NatureOfHelp = (typeof NATURES_OF_HELP)[number];

export const URGENCIES = ['routine', 'urgent', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

/**
 * Who put the request in: the requesting agency itself (`provenance.principal` is that agency), or
 * its NCB on the agency's behalf (`provenance.principal` is the NCB of `requestingAgency.country`).
 * Either way the request goes through the NCB channel (notification 1.1); the schema checks the
 * signer's kind, request intake checks that the signer is that agency or that country's NCB.
 */
export type SubmissionChannel = 'requesting-agency' | 'ncb-on-behalf';

export interface OperationalSupportRequested {
  /** An Investigative Support Team deployed in the country. */
  readonly istDeployment: boolean;
  /** A coordination meeting between member countries. */
  readonly coordinationMeeting: boolean;
}

export interface SupportRequestSubmittedV1 {
  readonly requestId: string;
  readonly submittedAt: string;
  readonly requestingAgency: AgencyReference;
  readonly submittedBy: SubmissionChannel;
  readonly capabilities: readonly SupportCapability[];
  readonly generalServices: readonly GeneralService[];
  /** Only with the `operational-support` capability. */
  readonly operationalSupport?: OperationalSupportRequested;
  readonly natureOfHelp: readonly NatureOfHelp[];
  readonly caseSummary: string;
  readonly urgency: Urgency;
  readonly species: readonly SpeciesConcerned[];
  readonly platforms: readonly PlatformConcerned[];
  readonly countriesConcerned: readonly string[];
  readonly evidenceReferences: readonly EvidenceReference[];
  readonly provenance: RecordProvenance;
}

// The signer's kind must match the submission channel.
const signerMatchesChannel = (channel: SubmissionChannel, kind: 'agency' | 'ncb') => ({
  if: { type: 'object', properties: { submittedBy: { const: channel } }, required: ['submittedBy'] },
  then: {
    type: 'object',
    properties: {
      provenance: {
        type: 'object',
        properties: { principal: { type: 'object', properties: { kind: { const: kind } } } },
      },
    },
  },
});

export const supportRequestSubmittedV1 = defineContract<'request-intake.SupportRequestSubmitted.v1', SupportRequestSubmittedV1>({
  type: 'request-intake.SupportRequestSubmitted.v1',
  topic: topics.requestIntakeEvents.name,
  summary: 'A national agency (or its NCB on its behalf) asked INTERPOL for support on a wildlife-cybercrime case.',
  schema: {
    ...record(
      {
        requestId,
        submittedAt: timestamp,
        requestingAgency: agencyReference,
        submittedBy: { enum: ['requesting-agency', 'ncb-on-behalf'] },
        capabilities: setOf(SUPPORT_CAPABILITIES, 1),
        generalServices: setOf(GENERAL_SERVICES),
        operationalSupport: record({ istDeployment: { type: 'boolean' }, coordinationMeeting: { type: 'boolean' } }),
        natureOfHelp: setOf(NATURES_OF_HELP),
        caseSummary: text(1, 10_000),
        urgency: { enum: [...URGENCIES] },
        species,
        platforms,
        countriesConcerned: countriesConcerned(1),
        evidenceReferences,
        provenance: provenanceSignedBy('agency', 'ncb'),
      },
      ['operationalSupport'],
    ),
    dependentSchemas: {
      operationalSupport: {
        type: 'object',
        properties: { capabilities: { type: 'array', contains: { const: 'operational-support' } } },
      },
    },
    allOf: [signerMatchesChannel('requesting-agency', 'agency'), signerMatchesChannel('ncb-on-behalf', 'ncb')],
    $defs: recordDefs,
  },
});
