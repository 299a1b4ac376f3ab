import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServiceApp, type KeyLookup, type PrincipalDirectory, type ServiceApp, type VerifiedPrincipal } from '@wildlife/service-kit';
import { generateSigningKeyPair, type SigningKeyPair } from '@wildlife/signatures';
import { serviceTestEnvironment, type ServiceTestEnvironment } from '@wildlife/testing';
import { defineRequestIntake, loadRequestIntakeConfig } from '@wildlife/request-intake';
import type { SupportRequestSubmission, SupportRequestSummary } from '../src/sdk/intake.types.js';
import { WildlifeApiError } from '../src/sdk/wildlife-api-error.js';
import { CallGotNoAnswer } from '../src/sdk/wildlife-call.errors.js';
import { createWildlifeClient, type WildlifeClient } from '../src/sdk/wildlife-client.js';

// The SDK against the real request-intake (signature guard, validation pipe, controllers, PostgreSQL):
// what its types promise is what the service takes and answers.

const cast = {
  agency: { id: 'agency-tz-wd', kind: 'agency', country: 'TZ' },
  ncb: { id: 'ncb-tz', kind: 'ncb', country: 'TZ' },
  source: { id: 'source-wildwatch', kind: 'external-source' },
} as const satisfies Record<string, VerifiedPrincipal>;
type Member = keyof typeof cast;

const keys = { agency: generateSigningKeyPair(), ncb: generateSigningKeyPair(), source: generateSigningKeyPair() } satisfies Record<Member, SigningKeyPair>;
const lookups = new Map<string, KeyLookup>(
  (Object.keys(cast) as Member[]).map((member) => [`${cast[member].id}-k1`, { principal: cast[member], publicKey: keys[member].publicKey }]),
);
const directory: PrincipalDirectory = {
  resolveKey: (keyId) => lookups.get(keyId) ?? { refused: 'key_unknown' },
  principal: (id) => Object.values(cast).find((principal) => principal.id === id),
};

/** Every member intake takes, typed with no cast; text beyond ASCII, which the signature covers byte for byte. */
const submission: SupportRequestSubmission = {
  capabilities: ['information-sharing', 'operational-support'],
  generalServices: ['diffusions'],
  operationalSupport: { istDeployment: false, coordinationMeeting: true },
  natureOfHelp: ['investigation-support'],
  caseSummary: 'Pangolin scales offered on a social-media marketplace — écailles, 穿山甲 🐾.',
  urgency: 'urgent',
  species: [{ scientificName: 'Manis temminckii', citesAppendix: 'I' }],
  platforms: [{ name: 'Marketplace', url: 'https://marketplace.example/item/7', countryOfOperation: 'KE' }],
  countriesConcerned: ['TZ', 'KE'],
  evidenceReferences: [{ reference: 'TZ-WD-2026-031', heldBy: 'agency-tz-wd', description: 'Screenshots of the listing' }],
};

async function problemOf(call: Promise<unknown>): Promise<WildlifeApiError> {
  const outcome = await call.then(
    (value: unknown) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if ('error' in outcome && outcome.error instanceof WildlifeApiError) return outcome.error;
  throw new Error(`expected a WildlifeApiError, got ${JSON.stringify(outcome)}`);
}

describe('the SDK against the real request-intake', () => {
  let environment: ServiceTestEnvironment;
  let service: ServiceApp;
  let intakeUrl: string;
  const clients = {} as Record<Member, WildlifeClient>;

  beforeAll(async () => {
    environment = serviceTestEnvironment('client-intake');
    service = await createServiceApp(defineRequestIntake(loadRequestIntakeConfig(environment.env), { principals: directory }));
    intakeUrl = await service.listen();
    for (const member of Object.keys(cast) as Member[]) {
      clients[member] = createWildlifeClient({ key: { keyId: `${cast[member].id}-k1`, privateKey: keys[member].privateKey }, endpoints: { intake: intakeUrl } });
    }
  }, 60_000);

  afterAll(async () => {
    await service?.close();
    await environment?.cleanup();
  });

  describe('submitting a support request', () => {
    it('is accepted with a body typed as SupportRequestSubmission, every member filled in', async () => {
      const accepted = await clients.agency.intake.submitSupportRequest(submission);

      expect(accepted).toEqual({ requestId: expect.any(String), status: 'submitted', statusUrl: `/v1/support-requests/${accepted.requestId}`, idempotencyKey: expect.any(String) });
      const view = await clients.agency.intake.getSupportRequest(accepted.requestId);
      expect(view).toMatchObject({ caseSummary: submission.caseSummary, requestingAgency: { principalId: cast.agency.id, country: 'TZ' }, channel: 'requesting-agency' });
    });

    it('is accepted with only the members intake requires, the lists it defaults left out', async () => {
      const minimal: SupportRequestSubmission = {
        capabilities: ['information-sharing'],
        natureOfHelp: ['investigation-support'],
        caseSummary: 'Ivory carvings listed on a classifieds site.',
        urgency: 'routine',
        countriesConcerned: ['TZ'],
      };

      const { requestId } = await clients.agency.intake.submitSupportRequest(minimal);

      expect(await clients.agency.intake.getSupportRequest(requestId)).toMatchObject({ species: [], platforms: [], evidenceReferences: [], generalServices: [] });
    });

    it('is accepted from an NCB for one of its agencies, named in onBehalfOfAgency', async () => {
      const { requestId } = await clients.ncb.intake.submitSupportRequest({ ...submission, onBehalfOfAgency: cast.agency.id });

      const view = await clients.ncb.intake.getSupportRequest(requestId);
      expect(view).toMatchObject({ requestingAgency: { principalId: cast.agency.id, country: 'TZ' }, channel: 'ncb-on-behalf' });
    });

    it('answers a retry under the same Idempotency-Key with the same request', async () => {
      const idempotencyKey = `tz-case-${Date.now()}`;

      const first = await clients.agency.intake.submitSupportRequest(submission, { idempotencyKey });
      const again = await clients.agency.intake.submitSupportRequest(submission, { idempotencyKey });

      expect(again).toEqual(first);
    });

    it('is made once when its answer was lost and it is retried under the key its error carries', async () => {
      // The first answer is read here, then lost on the way back to the SDK.
      let lostAnswer: { requestId: string } | undefined;
      const losingFetch: typeof globalThis.fetch = async (input, init) => {
        const response = await globalThis.fetch(input, init);
        if (lostAnswer !== undefined) return response;
        lostAnswer = (await response.json()) as { requestId: string };
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
      };
      const client = createWildlifeClient({ key: { keyId: `${cast.agency.id}-k1`, privateKey: keys.agency.privateKey }, endpoints: { intake: intakeUrl }, fetch: losingFetch });

      const failure = await client.intake.submitSupportRequest(submission).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(CallGotNoAnswer);
      const retried = await client.intake.submitSupportRequest(submission, { idempotencyKey: (failure as CallGotNoAnswer).idempotencyKey });

      expect(retried.requestId).toBe(lostAnswer?.requestId);
    });

    it('throws the 413 problem of a body over intake’s limit', async () => {
      const refused = await problemOf(clients.agency.intake.submitSupportRequest({ ...submission, caseSummary: 'x'.repeat(200_000) }));

      expect(refused).toMatchObject({ status: 413, type: expect.stringMatching(/payload-too-large$/) });
    });
  });

  describe('listing support requests', () => {
    it('pages through every request once, each item the summary SupportRequestSummary describes', async () => {
      const submitted: string[] = [];
      for (const urgency of ['routine', 'urgent', 'critical'] as const) {
        submitted.push((await clients.agency.intake.submitSupportRequest({ ...submission, urgency })).requestId);
      }

      const listed: SupportRequestSummary[] = [];
      let cursor: string | undefined;
      do {
        const page = await clients.agency.intake.listSupportRequests({ status: 'submitted', limit: 2, cursor });
        expect(page.items.length).toBeLessThanOrEqual(2);
        listed.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== undefined);

      const ids = listed.map((item) => item.requestId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expect.arrayContaining(submitted));
      const view = await clients.agency.intake.getSupportRequest(submitted[0]!);
      const summary: SupportRequestSummary = {
        requestId: view.requestId,
        status: view.status,
        provenanceStatus: view.provenanceStatus,
        requestingAgency: { principalId: cast.agency.id, country: 'TZ' },
        channel: 'requesting-agency',
        submittedAt: view.submittedAt,
        urgency: 'routine',
        capabilities: submission.capabilities,
        countriesConcerned: submission.countriesConcerned,
        statusUrl: `/v1/support-requests/${view.requestId}`,
      };
      expect(listed.find((item) => item.requestId === view.requestId)).toEqual(summary);
    });
  });

  describe('external information', () => {
    it('is accepted as external, with its caveat and the URL it is read back at by an NCB it concerns', async () => {
      const accepted = await clients.source.intake.submitExternalInformation({ summary: 'Ivory carvings listed again — même vendeur.', countriesConcerned: ['TZ'] });

      expect(accepted).toEqual({
        informationId: expect.any(String),
        external: true,
        caveat: expect.stringContaining('external source'),
        url: `/v1/external-information/${accepted.informationId}`,
        idempotencyKey: expect.any(String),
      });
      const read = await clients.ncb.intake.getExternalInformation(accepted.informationId);
      expect(read).toMatchObject({
        external: true,
        caveat: accepted.caveat,
        informationId: accepted.informationId,
        externalSource: { principalId: cast.source.id },
        summary: 'Ivory carvings listed again — même vendeur.',
        species: [],
        countriesConcerned: ['TZ'],
      });
    });
  });

  it('signs ids and query values that need encoding as they are sent, so they are refused for what they are, never with 401', async () => {
    for (const id of ['a b', 'x/y', 'é?#&=', "o'k", '%2e%2e', '..%2F']) {
      expect((await problemOf(clients.agency.intake.getSupportRequest(id))).status).toBe(404);
    }
    const refused = await problemOf(clients.agency.intake.listSupportRequests({ cursor: "a+b/c=?&#é d'", status: 'submitted' }));
    expect(refused.status).toBe(400);
  });
});
