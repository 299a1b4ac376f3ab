import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { createWildlifeClient, WildlifeApiError, type SupportRequestSubmission, type WildlifeClient } from '@wildlife/client';
import { createServiceApp, type KeyLookup, type PrincipalDirectory, type ServiceApp, type VerifiedPrincipal } from '@wildlife/service-kit';
import { generateSigningKeyPair, type SigningKeyPair } from '@wildlife/signatures';
import { eventually, serviceTestEnvironment, type ServiceTestEnvironment } from '@wildlife/testing';
import { defineNcbEndorsement, loadNcbEndorsementConfig } from '@wildlife/ncb-endorsement';
import { defineRequestIntake, loadRequestIntakeConfig } from '@wildlife/request-intake';

// The first half of the notification's process across two real services sharing one Kafka topic
// space: an agency submits at intake, its NCB acknowledges and endorses (or declines) at
// ncb-endorsement, and intake shows the outcome. The registry is an in-memory directory here (its
// Kafka projection is proven in tests/registry); everything else is the real thing.

const cast = {
  agency: { id: 'agency-fr-ofb', kind: 'agency', country: 'FR' },
  ncb: { id: 'ncb-fr', kind: 'ncb', country: 'FR' },
  otherNcb: { id: 'ncb-ke', kind: 'ncb', country: 'KE' },
  gs: { id: 'gs-environmental-security', kind: 'general-secretariat' },
} as const satisfies Record<string, VerifiedPrincipal>;
type Member = keyof typeof cast;

const keys = Object.fromEntries(Object.keys(cast).map((m) => [m, generateSigningKeyPair()])) as Record<Member, SigningKeyPair>;
const lookups = new Map<string, KeyLookup>(Object.entries(cast).map(([m, p]) => [`${p.id}-k1`, { principal: p, publicKey: keys[m as Member].publicKey }]));
const directory: PrincipalDirectory = {
  resolveKey: (keyId) => lookups.get(keyId) ?? { refused: 'key_unknown' },
  principal: (id) => Object.values(cast).find((p) => p.id === id),
};

function submission(): SupportRequestSubmission {
  return {
    capabilities: ['information-sharing', 'operational-support'],
    generalServices: ['diffusions'],
    operationalSupport: { istDeployment: false, coordinationMeeting: true },
    natureOfHelp: ['investigation-support'],
    caseSummary: `Juvenile African grey parrots offered on a classifieds platform (${randomBytes(4).toString('hex')}).`,
    urgency: 'urgent',
    species: [{ scientificName: 'Psittacus erithacus', citesAppendix: 'I' }],
    platforms: [{ name: 'Example Classifieds', url: 'https://classifieds.example/listing/48213', countryOfOperation: 'NL' }],
    countriesConcerned: ['FR', 'NL'],
    evidenceReferences: [{ reference: 'OFB-2026-0412/PV-3', heldBy: 'agency-fr-ofb' }],
  };
}

async function refusal(call: Promise<unknown>): Promise<number> {
  try {
    await call;
  } catch (e) {
    if (e instanceof WildlifeApiError) return e.status;
    throw e;
  }
  throw new Error('the call was accepted');
}

describe('a support request from submission to endorsement, across services', () => {
  const prefix = `t${randomBytes(4).toString('hex')}.`;
  const environments: ServiceTestEnvironment[] = [];
  const services: ServiceApp[] = [];
  const clients = {} as Record<Member, WildlifeClient>;

  beforeAll(async () => {
    const intakeEnv = serviceTestEnvironment('e2e-intake', { KAFKA_TOPIC_PREFIX: prefix });
    const endorsementEnv = serviceTestEnvironment('e2e-endorsement', { KAFKA_TOPIC_PREFIX: prefix });
    environments.push(intakeEnv, endorsementEnv);
    const intake = await createServiceApp(defineRequestIntake(loadRequestIntakeConfig(intakeEnv.env), { principals: directory }));
    const endorsement = await createServiceApp(defineNcbEndorsement(loadNcbEndorsementConfig(endorsementEnv.env), { principals: directory }));
    services.push(intake, endorsement);
    const endpoints = { intake: await intake.listen(), endorsement: await endorsement.listen() };
    for (const member of Object.keys(cast) as Member[]) {
      clients[member] = createWildlifeClient({ key: { keyId: `${cast[member].id}-k1`, privateKey: keys[member].privateKey }, endpoints });
    }
  }, 60_000);

  afterAll(async () => {
    for (const s of services) await s.close();
    for (const e of environments) await e.cleanup();
  });

  // A refused call (the request not there yet) means "not yet" to these waits; 10 s each, so that one
  // that fails says so within its test's 30 s.
  const waiting = { timeoutMs: 10_000, pollMs: 50 };

  /** Submits as the agency and waits until the NCB's service has received the request. */
  async function submitted(): Promise<{ requestId: string; version: number }> {
    const { requestId } = await clients.agency.intake.submitSupportRequest(submission());
    const probe = async () => {
      const view = (await clients.ncb.endorsement.getEndorsement(requestId)) as { status: string; version: number };
      return view.status === 'submitted' ? view : undefined;
    };
    const endorsement = await eventually('the request reaches ncb-endorsement', () => probe().catch(() => undefined), waiting);
    return { requestId, version: endorsement.version };
  }

  async function intakeStatus(requestId: string, status: string) {
    const probe = async () => {
      const view = (await clients.agency.intake.getSupportRequest(requestId)) as unknown as { status: string; history: readonly unknown[] };
      return view.status === status ? view : undefined;
    };
    return eventually(`intake shows ${status}`, () => probe().catch(() => undefined), waiting);
  }

  it('is acknowledged then endorsed by the agency’s NCB, issues a direct-contact permit, and intake shows it endorsed', async () => {
    const { requestId, version } = await submitted();

    const acknowledged = (await clients.ncb.endorsement.acknowledge(requestId, { version })) as { status: string; version: number };
    expect(acknowledged.status).toBe('acknowledged');
    const endorsed = (await clients.ncb.endorsement.endorse(requestId, { version: acknowledged.version })) as {
      status: string;
      permit: { permitId: string; agency: { principalId: string }; expiresAt: string };
    };
    expect(endorsed.status).toBe('endorsed');
    expect(endorsed.permit.agency.principalId).toBe(cast.agency.id);
    expect(Date.parse(endorsed.permit.expiresAt)).toBeGreaterThan(Date.now());

    const view = await intakeStatus(requestId, 'endorsed');
    expect(view.history.length).toBeGreaterThanOrEqual(3);
    const gsView = (await clients.gs.intake.getSupportRequest(requestId)) as { status: string };
    expect(gsView.status).toBe('endorsed');
  }, 30_000);

  it('is declined with a reason by the agency’s NCB, and intake shows it declined', async () => {
    const { requestId, version } = await submitted();
    const declined = (await clients.ncb.endorsement.decline(requestId, { version, reason: 'Already handled through a bilateral channel.' })) as { status: string };
    expect(declined.status).toBe('declined');
    await intakeStatus(requestId, 'declined');
  }, 30_000);

  it('refuses an NCB of another country at every step, and nothing moves', async () => {
    const { requestId, version } = await submitted();
    const other = clients.otherNcb;

    expect(await refusal(other.intake.getSupportRequest(requestId))).toBe(404);
    expect(await refusal(other.endorsement.getEndorsement(requestId))).toBe(404);
    expect(await refusal(other.endorsement.acknowledge(requestId, { version }))).toBe(404);
    expect(await refusal(other.endorsement.endorse(requestId, { version }))).toBe(404);
    expect(await refusal(other.endorsement.decline(requestId, { version, reason: 'Not ours.' }))).toBe(404);

    const acknowledged = (await clients.ncb.endorsement.acknowledge(requestId, { version })) as { version: number };
    expect(await refusal(other.endorsement.endorse(requestId, { version: acknowledged.version }))).toBe(404);
    const endorsed = (await clients.ncb.endorsement.endorse(requestId, { version: acknowledged.version })) as { permit: { permitId: string } };
    expect(await refusal(other.endorsement.revokePermit(endorsed.permit.permitId, { reason: 'Not ours.' }))).toBe(404);

    const view = (await clients.ncb.endorsement.getEndorsement(requestId)) as unknown as { status: string };
    expect(view.status).toBe('endorsed');
  }, 30_000);
});
