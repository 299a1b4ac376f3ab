export { RegistryDirectory } from './registry-directory.js';
export { RegistryFollower } from './registry-follower.js';
export { REGISTRY_EVENT_TYPES, registryEventDataOf, registryFactOf } from './registry-fact-events.js';
export { recordRegistryFact, registryFactsAfter, type RecordedRegistryFact } from './registry-facts.table.js';
export { loadRegistryOrigin, REGISTRY_WITHOUT_TRUST_ROOTS, TrustRootsFileCannotBeRead } from './registry-origin.js';
export { RegistryProjection, registryReaction } from './registry-projection.reaction.js';
export { openServiceRegistry, withRegistryProjection, type ServiceRegistry } from './service-registry.js';
