import { Module } from '@nestjs/common';
import { readServiceSettings, type BaseSettings } from '@wildlife/config';
import { topics } from '@wildlife/contracts';
import type { ReactionDefinition, ServiceDefinition } from '@wildlife/service-kit';
import { EffectRecorder } from './effect-recorder.js';
import { HeldRequestController } from './held-request.controller.js';

export const effectRecordingServiceName = 'spine-effects';
/** A real public topic (behind the test's prefix), read by the reaction. */
export const acknowledgementTopic = topics.ncbEndorsementEvents;

/** The one reaction: its consumer group is `<prefix>spine-effects.effects`. */
export const effectReaction: ReactionDefinition = { name: 'effects', topics: [acknowledgementTopic.name], handler: EffectRecorder };

@Module({ controllers: [HeldRequestController], providers: [EffectRecorder] })
class EffectRecordingModule {}

/**
 * A service with nothing but the spine: its event store (and outbox relay), and one reaction on
 * the NCB endorsement topic that records an effect per event (see EffectRecorder); and one route, a
 * request held as long as the caller asks (see HeldRequestController), for the shutdown tests. Settings come
 * from `env`, e.g. `serviceTestEnvironment(...).env`, so each test gets its own database and prefix.
 * With `declaresItsTopic: false` the service does not create the topic its reaction reads (as when
 * another service owns it and has not created it yet).
 */
export function effectRecordingService(env: NodeJS.ProcessEnv, { declaresItsTopic = true } = {}): ServiceDefinition<BaseSettings> {
  return {
    name: effectRecordingServiceName,
    settings: readServiceSettings({ name: effectRecordingServiceName, defaultPort: 0 }, {}, env),
    module: EffectRecordingModule,
    eventSourcing: {
      migrations: [{ namespace: effectRecordingServiceName, directory: new URL('./migrations/', import.meta.url) }],
      topics: declaresItsTopic ? [acknowledgementTopic] : [],
      reactions: [effectReaction],
    },
  };
}
