import { topics } from '@wildlife/contracts';
import type { ReactionDefinition } from '@wildlife/service-kit';
import { RecordRejectedReaction } from './record-rejected.reaction.js';
import { SupportRequestSubmittedReaction } from './support-request-submitted.reaction.js';

/** The endorsement's consumer groups: `<prefix>ncb-endorsement.<name>`. */
export const endorsementReactions: ReactionDefinition[] = [
  { name: 'support-requests-submitted', topics: [topics.requestIntakeEvents.name], handler: SupportRequestSubmittedReaction },
  { name: 'provenance-rejections', topics: [topics.provenanceEvents.name], handler: RecordRejectedReaction },
];
