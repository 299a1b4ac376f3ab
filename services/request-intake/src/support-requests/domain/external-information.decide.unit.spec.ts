import { describe, expect, it } from '@jest/globals';
import { EXTERNAL_INFORMATION_CAVEAT } from '@wildlife/contracts';
import { decideSubmitExternalInformation } from './external-information.decide.js';
import {
  ExternalInformationAlreadyExists,
  OnlyExternalSourcesSubmitExternalInformation,
  OnlyRegisteredExternalSourcesSubmitExternalInformation,
} from './external-information.errors.js';
import { evolveExternalInformation, initialExternalInformationState } from './external-information.state.js';
import { externalSubmission, frenchAgency, frenchNcb, wildWatch } from './support-request.examples.spec.js';

describe('submitting external information', () => {
  it('records it as external, with the caveat and the registered name of its source', () => {
    const command = externalSubmission({ relatedRequestId: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04' });

    const events = decideSubmitExternalInformation(command, initialExternalInformationState);

    expect(events).toEqual([
      {
        type: 'ExternalInformationReceived',
        informationId: command.informationId,
        receivedAt: command.receivedAt,
        external: true,
        caveat: EXTERNAL_INFORMATION_CAVEAT,
        externalSource: { ...wildWatch, name: 'WildWatch (NGO)' },
        summary: command.summary,
        relatedRequestId: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
        facts: command.facts,
        signatureMaterial: command.signatureMaterial,
      },
    ]);
  });

  it('leaves out the related request when the source named none', () => {
    const [event] = decideSubmitExternalInformation(externalSubmission(), initialExternalInformationState);

    expect(event).not.toHaveProperty('relatedRequestId');
  });

  it.each([
    ['a national agency', frenchAgency],
    ['an NCB', frenchNcb],
    ['the General Secretariat', { principalId: 'gs-environmental-security', kind: 'general-secretariat' as const }],
  ])('refuses %s as its signer', (_who, submitter) => {
    const command = externalSubmission({ submitter, registeredSourceName: 'Someone' });

    expect(() => decideSubmitExternalInformation(command, initialExternalInformationState)).toThrow(
      OnlyExternalSourcesSubmitExternalInformation,
    );
  });

  it('refuses an external source the registry does not hold', () => {
    const command = externalSubmission({ registeredSourceName: undefined });

    expect(() => decideSubmitExternalInformation(command, initialExternalInformationState)).toThrow(
      OnlyRegisteredExternalSourcesSubmitExternalInformation,
    );
  });

  it('refuses an id that already holds information', () => {
    const command = externalSubmission();
    const [received] = decideSubmitExternalInformation(command, initialExternalInformationState);
    const state = evolveExternalInformation(initialExternalInformationState, received);

    expect(state).toEqual({ received: true, version: 1 });
    expect(() => decideSubmitExternalInformation(command, state)).toThrow(ExternalInformationAlreadyExists);
  });
});
