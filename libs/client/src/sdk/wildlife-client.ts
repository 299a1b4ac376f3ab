import { createSignedFetch, type SigningKey } from '@wildlife/signatures';
import { createApiTransport, fetchForCalls } from './api-transport.js';
import { endorsementClient, type EndorsementClient } from './endorsement.client.js';
import { serviceUrls, type WildlifeEndpoints } from './endpoints.js';
import { intakeClient, type IntakeClient } from './intake.client.js';
import { provenanceClient, type ProvenanceClient } from './provenance.client.js';
import { registryClient, type RegistryClient } from './registry.client.js';

export type WildlifeClientOptions = {
  /** Each service's base URL; those left out default to the local ports 3001, 3002 and 3003. */
  readonly endpoints?: Partial<WildlifeEndpoints>;
  /** Default `globalThis.fetch`. */
  readonly fetch?: typeof globalThis.fetch;
  /** Unix seconds for the signatures' `created`; default the system clock. */
  readonly now?: () => number;
} & ({ readonly keyFile: string } | { readonly key: SigningKey });

/** One typed method per call of the REST API, grouped by the service that answers it. */
export interface WildlifeClient {
  readonly intake: IntakeClient;
  readonly endorsement: EndorsementClient;
  readonly registry: RegistryClient;
  readonly provenance: ProvenanceClient;
}

/**
 * A client for integrators. Every call, reads included, is signed with RFC 9421 by the given key (a
 * key file is read once, on the first call). Methods resolve to the service's parsed JSON answer and
 * reject with `WildlifeApiError` on any non-2xx answer, `CallGotNoAnswer` when none comes. Creations
 * send an Idempotency-Key (the caller's or a fresh UUID) and return it, and every `WildlifeCallError`
 * they throw carries it, so that a retry under it cannot create a second resource. NCB decisions send
 * `If-Match` from their `version`, which is the endorsement's (`endorsement.getEndorsement`), never
 * intake's. Throws `EndpointIsNotAnHttpUrl` at once for a bad endpoint; every method reports any
 * other failure, an unusable id (`''`, `.`, `..`) included, by rejecting, never by throwing.
 */
export function createWildlifeClient(options: WildlifeClientOptions): WildlifeClient {
  const urls = serviceUrls(options.endpoints);
  const credentials = 'key' in options ? { key: options.key } : { keyFile: options.keyFile };
  // Calls pass absolute URLs, so one signed fetch (one key read) serves the three services.
  const signedFetch = createSignedFetch({
    ...credentials,
    baseUrl: urls.intake(''),
    signReads: true,
    fetch: fetchForCalls(options.fetch),
    now: options.now,
  });
  const call = createApiTransport(signedFetch);
  return {
    intake: rejectingOnly(intakeClient(call, urls.intake)),
    endorsement: rejectingOnly(endorsementClient(call, urls.endorsement)),
    registry: rejectingOnly(registryClient(call, urls.endorsement)),
    provenance: rejectingOnly(provenanceClient(call, urls.provenance)),
  };
}

/**
 * The same methods, each of which reports every failure through the promise it returns: a method
 * that threw before its call began (an unusable id such as `..`, a weak entity tag) rejects instead,
 * so a caller's `.catch` or `await` in a try sees every failure, never a throw at the call site.
 */
function rejectingOnly<Methods extends object>(methods: Methods): Methods {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(methods)) {
    wrapped[name] = (...args: unknown[]): Promise<unknown> => {
      try {
        return Promise.resolve((method as (...a: unknown[]) => unknown)(...args));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    };
  }
  return wrapped as Methods;
}
