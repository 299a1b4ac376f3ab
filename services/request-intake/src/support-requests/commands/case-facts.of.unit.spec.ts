import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { supportRequestFactsOf } from './case-facts.of.js';
import { SubmitSupportRequestBody } from './submit-support-request/submit-support-request.request.dto.js';

describe('the facts of a validated body', () => {
  it('are plain data without the fields left out, so events and their schemas see the same object', () => {
    const body = plainToInstance(SubmitSupportRequestBody, {
      capabilities: ['expert-network'],
      natureOfHelp: ['advice'],
      caseSummary: 'Pangolin scales offered on a marketplace.',
      urgency: 'routine',
      countriesConcerned: ['KE'],
      species: [{ scientificName: 'Manis temminckii' }],
      platforms: [{ name: 'Example Market', countryOfOperation: 'KE' }],
      evidenceReferences: [{ reference: 'KWS-1', heldBy: 'agency-ke-kws' }],
    });

    const facts = supportRequestFactsOf(body);

    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
    expect(Object.keys(facts)).not.toContain('operationalSupport');
    expect(Object.keys(facts.species[0]!)).toEqual(['scientificName']);
    expect(Object.keys(facts.platforms[0]!)).toEqual(['name', 'countryOfOperation']);
    expect(Object.keys(facts.evidenceReferences[0]!)).toEqual(['reference', 'heldBy']);
    expect(Object.getPrototypeOf(facts.species[0])).toBe(Object.prototype);
  });
});
