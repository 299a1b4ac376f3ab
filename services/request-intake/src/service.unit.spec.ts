import { describe, expect, it } from '@jest/globals';
import { DEAD_LETTER_CONSUMER_GROUPS } from '@wildlife/contracts';
import { SERVICE, type RequestIntakeConfig } from './request-intake.config.js';
import { defineRequestIntake } from './service.js';

describe('the request-intake service', () => {
  it('has the dead-letter topic of each of its reactions in the AsyncAPI document', () => {
    const reactions = defineRequestIntake({} as RequestIntakeConfig).eventSourcing?.reactions ?? [];

    expect(reactions.length).toBeGreaterThan(0);
    for (const reaction of reactions) expect(DEAD_LETTER_CONSUMER_GROUPS).toContain(`${SERVICE.name}.${reaction.name}`);
  });
});
