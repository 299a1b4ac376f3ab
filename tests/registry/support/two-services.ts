import { randomBytes } from 'node:crypto';
import { createServiceApp, type ServiceApp } from '@wildlife/service-kit';
import { createSignedFetch } from '@wildlife/signatures';
import { serviceTestEnvironment, type ServiceTestEnvironment } from '@wildlife/testing';
import { defineNcbEndorsement, loadNcbEndorsementConfig } from '../../../services/ncb-endorsement/src/index.js';
import { defineRequestIntake, loadRequestIntakeConfig } from '../../../services/request-intake/src/index.js';
import type { Signer } from './registry-principals.js';

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** A running service, restartable on the same database and consumer groups. */
export interface RunningService {
  app: ServiceApp;
  url: string;
  readonly environment: ServiceTestEnvironment;
}

/**
 * ncb-endorsement and request-intake as they run in production, each with its own database but one
 * topic prefix (so intake consumes what ncb-endorsement publishes) and the same trust roots; both
 * verify signatures with their own registry projection.
 */
export async function startBoth(trustRootsFile: string): Promise<{ endorsement: RunningService; intake: RunningService }> {
  const shared = { KAFKA_TOPIC_PREFIX: `t${randomBytes(4).toString('hex')}.`, TRUST_ROOTS_FILE: trustRootsFile };
  const endorsement = serviceTestEnvironment('registry_endorsement', shared);
  const intake = serviceTestEnvironment('registry_intake', shared);
  return { endorsement: await start(endorsement, 'endorsement'), intake: await start(intake, 'intake') };
}

/** Builds and starts the service of `environment` (its registry rebuilt from its table before it listens). */
export async function start(environment: ServiceTestEnvironment, which: 'endorsement' | 'intake'): Promise<RunningService> {
  const app = await build(environment, which);
  return { app, url: await app.listen(), environment };
}

export function build(environment: ServiceTestEnvironment, which: 'endorsement' | 'intake'): Promise<ServiceApp> {
  return createServiceApp(
    which === 'endorsement'
      ? defineNcbEndorsement(loadNcbEndorsementConfig(environment.env))
      : defineRequestIntake(loadRequestIntakeConfig(environment.env)),
  );
}

/** Signed calls (reads included) to `baseUrl` as `signer`. */
export function callsAs(baseUrl: string, signer: Signer) {
  const send = createSignedFetch({ baseUrl, key: { keyId: signer.keyId, privateKey: signer.privateKey }, signReads: true });
  const answer = async (response: Response): Promise<Answer> => ({ status: response.status, body: (await response.json()) as Record<string, unknown> });
  return {
    get: async (path: string) => answer(await send(path)),
    post: async (path: string, body: unknown) => answer(await send(path, { method: 'POST', json: body })),
  };
}
