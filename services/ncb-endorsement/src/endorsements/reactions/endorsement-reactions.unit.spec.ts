import { describe, expect, it } from '@jest/globals';
import { DEAD_LETTER_CONSUMER_GROUPS } from '@wildlife/contracts';
import { SERVICE } from '../../ncb-endorsement.config.js';
import { endorsementReactions } from './endorsement.reactions.js';

describe('the endorsement reactions', () => {
  it('each have their dead-letter topic in the AsyncAPI document', () => {
    for (const reaction of endorsementReactions) expect(DEAD_LETTER_CONSUMER_GROUPS).toContain(`${SERVICE.name}.${reaction.name}`);
  });
});
