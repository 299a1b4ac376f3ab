import { createHash } from 'node:crypto';
import type { Principal } from '../../envelope/principal.js';
import type { RecordProvenance } from '../shared/record-provenance.js';

/** Where the examples' REST calls go: ncb-endorsement serves the registry. */
export const EXAMPLE_REGISTRY_URL = 'https://endorsement.wildlife.example/v1/registry';

/**
 * The provenance of an example registry record: the body bytes and their content digest are real,
 * the signature bytes a placeholder (valid shape, not verifiable), as in every golden fixture.
 */
export function exampleRegistryProvenance(signed: {
  readonly principal: Principal;
  readonly keyId: string;
  readonly path: string;
  readonly body: object;
  readonly created: number;
  readonly nonce: string;
}): RecordProvenance {
  const body = Buffer.from(JSON.stringify(signed.body));
  const targetUri = `${EXAMPLE_REGISTRY_URL}/${signed.path}`;
  const digest = `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
  return {
    principal: signed.principal,
    keyId: signed.keyId,
    label: 'sig1',
    signatureInput: `("@method" "@target-uri" "content-digest");created=${signed.created};keyid="${signed.keyId}";nonce="${signed.nonce}"`,
    signature: 'kzJJjDsnNsENMSkPdgQpqXAL/URHoN7N0XUZH5YePNqOkmjqK+Vku7CM3/i7ryEE8Td/1BNJCby/mVGy9kT/uA==',
    coveredComponents: ['"@method"', '"@target-uri"', '"content-digest"'],
    componentValues: { '"@method"': 'POST', '"@target-uri"': targetUri, '"content-digest"': digest },
    method: 'POST',
    targetUri,
    bodyBase64: body.toString('base64'),
    created: signed.created,
    nonce: signed.nonce,
  };
}
