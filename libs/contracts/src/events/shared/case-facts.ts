import type { JsonSchema } from '../../schema/json-schema.js';
import { countryCode, listOf, principalId, record, text, uuid } from '../../schema/schema-fragments.js';

// Facts about a case that several events state the same way.

export type CitesAppendix = 'I' | 'II' | 'III';

export interface SpeciesConcerned {
  readonly scientificName: string;
  readonly citesAppendix?: CitesAppendix;
}

export interface PlatformConcerned {
  readonly name: string;
  readonly url?: string;
  /** ISO 3166-1 alpha-2 country the platform operates from. */
  readonly countryOfOperation: string;
}

/** A pointer to evidence held elsewhere; evidence itself never travels in events. */
export interface EvidenceReference {
  readonly reference: string;
  /** Who holds the evidence (an agency, an NCB, a platform). */
  readonly heldBy: string;
  readonly description?: string;
}

/** A national agency, by its registered principal and its country. */
export interface AgencyReference {
  readonly principalId: string;
  readonly country: string;
}

/** An NCB, by its registered principal and the country it acts for. */
export interface NcbReference {
  readonly principalId: string;
  readonly country: string;
}

export const species: JsonSchema = listOf(
  record({ scientificName: text(1, 200), citesAppendix: { enum: ['I', 'II', 'III'] } }, ['citesAppendix']),
  100,
);

export const platforms: JsonSchema = listOf(
  record(
    { name: text(1, 200), url: { type: 'string', format: 'uri', maxLength: 2000 }, countryOfOperation: countryCode },
    ['url'],
  ),
  100,
);

export function countriesConcerned(minItems: number): JsonSchema {
  return { ...listOf(countryCode, 250, minItems), uniqueItems: true };
}

export const evidenceReferences: JsonSchema = listOf(
  record({ reference: text(1, 500), heldBy: text(1, 200), description: text(1, 2000) }, ['description']),
  200,
);

export const agencyReference: JsonSchema = record({ principalId, country: countryCode });

export const ncbReference: JsonSchema = record({ principalId, country: countryCode });

export const requestId: JsonSchema = uuid;
