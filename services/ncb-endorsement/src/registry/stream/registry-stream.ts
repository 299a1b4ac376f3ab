import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@wildlife/event-store';
import { evolve, type RegistryState } from '@wildlife/registry';
import { EVENT_STORE, REGISTRY_DIRECTORY, type RegistryDirectory } from '@wildlife/service-kit';
import type pg from 'pg';
import { factOfStored } from './stored-registry-fact.js';

/** The one stream of the registry's facts, decided here and owned by this service. */
export const REGISTRY_STREAM_ID = 'registry';

/** The registry as this service decided it: the trust roots, then the `registry` stream up to `version`. */
export interface LoadedRegistry {
  readonly state: RegistryState;
  /** The stream's version the state includes (0: no fact yet). */
  readonly version: number;
}

/**
 * Reads the `registry` stream over the trust roots. Keeps the last state it read and reads only the
 * events appended since, so a command does not replay the whole registry; the state is an immutable
 * value, so concurrent loads cannot disturb each other. A load may be stale by the time its caller
 * appends (the append's expected version catches that), unless it was read with `loadWith` in a
 * transaction holding the stream's lock (`EventStore.lockStreamWith`).
 */
@Injectable()
export class RegistryStream {
  private latest: LoadedRegistry | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory,
  ) {}

  load(): Promise<LoadedRegistry> {
    return this.loadFrom((fromPosition) => this.eventStore.readStream(REGISTRY_STREAM_ID, fromPosition));
  }

  /** `load` inside the transaction open on `client`. */
  loadWith(client: pg.ClientBase): Promise<LoadedRegistry> {
    return this.loadFrom((fromPosition) => this.eventStore.readStreamWith(client, REGISTRY_STREAM_ID, fromPosition));
  }

  private async loadFrom(read: (fromPosition: number) => Promise<RecordedEvent[]>): Promise<LoadedRegistry> {
    const from = this.latest ?? { state: this.directory.origin, version: 0 };
    const recorded = await read(from.version + 1);
    let loaded = from;
    for (const event of recorded) loaded = { state: evolve(loaded.state, factOfStored(event)), version: event.streamPosition };
    if (this.latest === undefined || loaded.version > this.latest.version) this.latest = loaded;
    return loaded;
  }
}
