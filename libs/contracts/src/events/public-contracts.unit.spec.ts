import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import type { CloudEvent } from '../envelope/cloud-event.js';
import { createEvent } from '../envelope/create-event.js';
import { eventAttributeViolations } from '../envelope/event-attributes.validation.js';
import { staticTopics } from '../topics/topics.js';
import { contracts, publicContracts, type DecodedPublicEventData, type PublicEventType } from './public-contracts.js';
import { publicEventExamples } from './public-examples.js';
import type { SupportRequestSubmittedV1 } from './request-intake/support-request-submitted.v1.js';
import { supportRequestSubmittedV1Example } from './request-intake/support-request-submitted.v1.example.js';

const fixturesFolder = new URL('../../fixtures/', import.meta.url);
const readFixture = (type: string): unknown => JSON.parse(readFileSync(new URL(`${type}.json`, fixturesFolder), 'utf8'));

// Compile-time: the decoded-data map names exactly the registered public types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const decodedMapCoversEveryType: Same<keyof DecodedPublicEventData, PublicEventType> = true;

describe('the public event contracts', () => {
  it('have one golden fixture each, and no fixture without a contract', () => {
    const fixtureTypes = readdirSync(fixturesFolder).map((file) => file.replace(/\.json$/, ''));

    expect(fixtureTypes.sort()).toEqual(publicContracts.map((contract) => contract.type).sort());
    expect(decodedMapCoversEveryType).toBe(true);
  });

  it('decode a known type into the typed data of its latest version', () => {
    const fixture = readFixture('request-intake.SupportRequestSubmitted.v1') as { data: unknown };

    // The annotation is the check: it compiles only if decode is typed for this type.
    const decoded: SupportRequestSubmittedV1 = contracts.decode('request-intake.SupportRequestSubmitted.v1', fixture.data);

    expect(decoded.caseSummary).toBe(supportRequestSubmittedV1Example.data.caseSummary);
  });

  describe.each(publicContracts.map((contract) => [contract.type, contract] as const))('%s', (type, contract) => {
    const fixture = readFixture(type) as { type: string; dataschema: string; data: unknown };

    it('has a fixture equal to its typed example, so the TypeScript type and the schema agree', () => {
      expect(fixture).toEqual(publicEventExamples.find((example) => example.type === type));
    });

    it('has a fixture whose envelope is valid and names this contract', () => {
      expect(eventAttributeViolations(fixture)).toEqual([]);
      expect(fixture).toMatchObject({ type, dataschema: `urn:wildlife:schema:${type}` });
    });

    it('has a fixture whose data validates and decodes unchanged', () => {
      expect(contract.violationsOf(fixture.data)).toEqual([]);
      expect(contracts.decode(type, fixture.data)).toEqual(fixture.data);
    });

    it('is exactly what createEvent builds from its data and attributes', () => {
      const event = fixture as CloudEvent;
      const principal = {
        id: event.principalid,
        kind: event.principalkind,
        ...(event.principalcountry && { country: event.principalcountry }),
      };

      const rebuilt = createEvent(contract, event.data, {
        id: event.id,
        source: event.source,
        subject: event.subject,
        time: event.time,
        correlationId: event.correlationid,
        principal,
        ...(event.causationid && { causationId: event.causationid }),
        ...(event.traceparent && { traceparent: event.traceparent }),
      });

      expect(rebuilt).toEqual(fixture);
    });

    it('refuses data with a property the schema does not declare', () => {
      expect(contract.violationsOf({ ...(fixture.data as object), unexpected: true })).toEqual([
        { path: '/unexpected', reason: 'is not allowed' },
      ]);
    });

    it('is published on a declared event topic', () => {
      expect(staticTopics.map((topic) => topic.name)).toContain(contract.topic);
      expect(contract.topic).toMatch(/\.events$/);
    });

    it('has a standalone draft 2020-12 schema identified by its dataschema', () => {
      expect(contract.schema).toMatchObject({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: contract.dataschema,
        additionalProperties: false,
      });
    });
  });
});
