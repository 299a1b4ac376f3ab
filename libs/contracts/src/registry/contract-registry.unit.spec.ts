import { describe, expect, it } from '@jest/globals';
import { ContractRegistry } from './contract-registry.js';
import {
  ContractIsAlreadyRegistered,
  EventSchemaViolation,
  UnknownEventType,
  UpcastBrokeTheNextContract,
  UpcastChainIsBroken,
} from './contract-registry.errors.js';
import { defineContract } from './event-contract.js';
import type { CloudEvent } from '../envelope/cloud-event.js';

// A test-only event that changed shape twice, the way a real one would:
// v1 named the species in free text; v2 made it a structured, scientific name; v3 added a count.
interface SightingReportedV1 {
  readonly reportedAt: string;
  readonly speciesName: string;
}
interface SightingReportedV2 {
  readonly reportedAt: string;
  readonly species: { readonly scientificName: string };
}
interface SightingReportedV3 extends SightingReportedV2 {
  readonly specimens: number;
}

const closed = (properties: Record<string, unknown>) => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});
const reportedAt = { type: 'string', format: 'date-time' };
const species = closed({ scientificName: { type: 'string', minLength: 1, maxLength: 200 } });

const sightingV1 = defineContract<'test-lab.SightingReported.v1', SightingReportedV1>({
  type: 'test-lab.SightingReported.v1',
  topic: 'test.lab.events',
  summary: 'test only',
  schema: closed({ reportedAt, speciesName: { type: 'string', minLength: 1, maxLength: 200 } }),
  upcast: (old): SightingReportedV2 => ({ reportedAt: old.reportedAt, species: { scientificName: old.speciesName } }),
});
const sightingV2 = defineContract<'test-lab.SightingReported.v2', SightingReportedV2>({
  type: 'test-lab.SightingReported.v2',
  topic: 'test.lab.events',
  summary: 'test only',
  schema: closed({ reportedAt, species }),
  // Before v3, a report always stood for one specimen.
  upcast: (old): SightingReportedV3 => ({ ...old, specimens: 1 }),
});
const sightingV3 = defineContract<'test-lab.SightingReported.v3', SightingReportedV3>({
  type: 'test-lab.SightingReported.v3',
  topic: 'test.lab.events',
  summary: 'test only',
  schema: closed({ reportedAt, species, specimens: { type: 'integer', minimum: 1 } }),
});

const v1Data: SightingReportedV1 = { reportedAt: '2025-02-01T10:00:00Z', speciesName: 'Pangolinus sp.' };
const v3Data: SightingReportedV3 = {
  reportedAt: '2025-02-01T10:00:00Z',
  species: { scientificName: 'Pangolinus sp.' },
  specimens: 1,
};

describe('decoding event data through the registry', () => {
  it('returns data of the latest version as it is', () => {
    const registry = new ContractRegistry([sightingV1, sightingV2, sightingV3]);

    expect(registry.decode('test-lab.SightingReported.v3', { ...v3Data, specimens: 4 })).toEqual({ ...v3Data, specimens: 4 });
  });

  it('upcasts v1 data step by step to the latest version', () => {
    const registry = new ContractRegistry([sightingV1, sightingV2, sightingV3]);

    expect(registry.decode('test-lab.SightingReported.v1', v1Data)).toEqual(v3Data);
  });

  it('upcasts to whatever is latest in this registry, whatever the registration order', () => {
    const upToV2 = new ContractRegistry([sightingV2, sightingV1]);

    expect(upToV2.decode('test-lab.SightingReported.v1', v1Data)).toEqual({
      reportedAt: v1Data.reportedAt,
      species: { scientificName: v1Data.speciesName },
    });
    expect(upToV2.latestOf('test-lab.SightingReported.v1').type).toBe('test-lab.SightingReported.v2');
  });

  it('never modifies the data it was given', () => {
    const registry = new ContractRegistry([sightingV1, sightingV2, sightingV3]);
    const given = deepFreeze({ ...v1Data });

    registry.decode('test-lab.SightingReported.v1', given);

    expect(given).toEqual(v1Data);
  });

  it('refuses an unknown event type', () => {
    const registry = new ContractRegistry([sightingV1]);

    expect(() => registry.decode('test-lab.SightingReported.v9', v1Data)).toThrow(UnknownEventType);
  });

  it('refuses data that violates its own version, listing every bad path and why', () => {
    const registry = new ContractRegistry([sightingV1, sightingV2]);

    const attempt = () => registry.decode('test-lab.SightingReported.v1', { reportedAt: 'yesterday', colour: 'grey' });

    expect(attempt).toThrow(EventSchemaViolation);
    expect(caught(attempt)).toMatchObject({
      type: 'test-lab.SightingReported.v1',
      violations: expect.arrayContaining([
        { path: '/reportedAt', reason: expect.stringMatching(/^must match format "date-time": it is not an RFC 3339 date-time/) },
        { path: '/speciesName', reason: 'is required' },
        { path: '/colour', reason: 'is not allowed' },
      ]),
    });
  });

  it('refuses to skip a missing version', () => {
    const registry = new ContractRegistry([sightingV1, sightingV3]);

    expect(() => registry.decode('test-lab.SightingReported.v1', v1Data)).toThrow(UpcastChainIsBroken);
  });

  it('refuses a version that has a successor but no upcast', () => {
    const { upcast: _dropped, ...withoutUpcast } = sightingV2;
    const registry = new ContractRegistry([defineContract(withoutUpcast), sightingV3]);

    const v2Data = { reportedAt: v1Data.reportedAt, species: { scientificName: 'x' } };

    expect(() => registry.decode('test-lab.SightingReported.v2', v2Data)).toThrow(UpcastChainIsBroken);
  });

  it('refuses an upcast whose result the next version does not accept', () => {
    const sloppyV1 = defineContract<'test-lab.SightingReported.v1', SightingReportedV1>({
      ...sightingV1,
      upcast: (old) => ({ reportedAt: old.reportedAt, species: old.speciesName }),
    });
    const registry = new ContractRegistry([sloppyV1, sightingV2]);

    expect(() => registry.decode('test-lab.SightingReported.v1', v1Data)).toThrow(UpcastBrokeTheNextContract);
  });

  it('refuses to register the same type twice', () => {
    const registry = new ContractRegistry([sightingV1]);

    expect(() => registry.register(sightingV1)).toThrow(ContractIsAlreadyRegistered);
  });

  it('decodes a whole event into its latest version, keeping its other attributes', () => {
    const registry = new ContractRegistry([sightingV1, sightingV2, sightingV3]);
    const received: CloudEvent<unknown> = {
      specversion: '1.0',
      id: 'evt-1',
      source: '/test/lab',
      type: 'test-lab.SightingReported.v1',
      subject: 'case-1',
      time: '2025-02-01T10:00:01.000Z',
      datacontenttype: 'application/json',
      dataschema: 'urn:wildlife:schema:test-lab.SightingReported.v1',
      correlationid: 'case-1',
      principalid: 'agency-ke-kws',
      principalkind: 'agency',
      principalcountry: 'KE',
      data: v1Data,
    };

    expect(registry.decodeEvent(received)).toEqual({
      ...received,
      type: 'test-lab.SightingReported.v3',
      dataschema: 'urn:wildlife:schema:test-lab.SightingReported.v3',
      data: v3Data,
    });
  });
});

function caught(attempt: () => unknown): unknown {
  try {
    attempt();
  } catch (error) {
    return error;
  }
  throw new Error('expected the attempt to throw');
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) deepFreeze(child);
  return Object.freeze(value);
}
