import { describe, expect, it } from '@jest/globals';
import { DEAD_LETTER_CONSUMER_GROUPS } from '@wildlife/contracts';
import { registryReaction } from './registry-projection.reaction.js';

describe("the kit's registry reaction", () => {
  it('has, for every service, the dead-letter topic the AsyncAPI document lists', () => {
    for (const service of ['request-intake', 'ncb-endorsement', 'provenance', 'intelligence-dissemination', 'notification']) {
      expect(DEAD_LETTER_CONSUMER_GROUPS).toContain(`${service}.${registryReaction.name}`);
    }
  });
});
