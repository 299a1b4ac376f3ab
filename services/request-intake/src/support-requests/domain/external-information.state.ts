import type { ExternalInformationEvent } from './external-information.events.js';

/** An external submission is written once and never changes; the state only says whether it exists. */
export interface ExternalInformationState {
  readonly received: boolean;
  /** The number of events in the stream. */
  readonly version: number;
}

export const initialExternalInformationState: ExternalInformationState = { received: false, version: 0 };

/** Folds one stream event into the state; total and pure. */
export function evolveExternalInformation(state: ExternalInformationState, _event: ExternalInformationEvent): ExternalInformationState {
  return { received: true, version: state.version + 1 };
}
