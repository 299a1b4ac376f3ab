import { describe, expect, it } from '@jest/globals';
import { generateSigningKeyPair, signRequest, verifyRequest, type SignatureMaterial, type SignOptions } from '@wildlife/signatures';
import { ProblemError } from '../problem.js';
import type { VerifiedPrincipal } from './principal-directory.js';
import { unrecordableSignatureProblem } from './recordable-signature.js';

const ncb: VerifiedPrincipal = { id: 'ncb-fr', kind: 'ncb', country: 'FR' };
const { privateKey, publicKey } = generateSigningKeyPair();

/** The material `verifyRequest` gives for a POST to `url`, signed with `options`. */
async function materialOf(url: string, options: SignOptions = {}, extraHeaders: Record<string, string> = {}): Promise<SignatureMaterial> {
  const body = new TextEncoder().encode('{"name":"An agency"}');
  const headers = { 'content-type': 'application/json', ...extraHeaders };
  const signed = signRequest({ method: 'POST', url, headers, body }, { keyId: 'ncb-fr-k1', privateKey }, options);
  const verified = await verifyRequest(
    { method: 'POST', url, headers: { ...headers, ...signed }, body },
    { now: Math.floor(Date.now() / 1000), resolveKey: async () => ({ publicKey, principalId: ncb.id }), claimNonce: async () => true },
  );
  if (!verified.ok) throw new Error(`set-up: the request did not verify (${verified.code})`);
  return verified.material;
}

const withHeaders = (names: readonly string[]) => ({ components: ['@method', '@target-uri', 'content-digest', ...names] });
const pointersOf = (problem: ProblemError | undefined) => (problem?.extensions.errors as { pointer: string }[] | undefined)?.map((error) => error.pointer);

describe('signature material a record may keep', () => {
  it('is that of an ordinary signed request', async () => {
    expect(unrecordableSignatureProblem(ncb, await materialOf('https://ncb.example/v1/registry/agencies?page=2'))).toBeUndefined();
  });

  it('is refused with a 400 problem naming the field when the target URI is longer than the contract allows', async () => {
    const problem = unrecordableSignatureProblem(ncb, await materialOf(`https://ncb.example/v1/registry/agencies?x=${'a'.repeat(4100)}`));

    expect(problem).toBeInstanceOf(ProblemError);
    expect(problem).toMatchObject({ status: 400, code: 'signature-material-unrecordable' });
    expect(pointersOf(problem)).toEqual(['/targetUri']);
  });

  it.each<[string, () => Promise<SignatureMaterial>, string[]]>([
    ['a label longer than the contract allows', () => materialOf('https://ncb.example/v1/x', { label: `l${'a'.repeat(80)}` }), ['/label']],
    [
      'a covered header value longer than the contract allows',
      () => materialOf('https://ncb.example/v1/x', withHeaders(['x-note']), { 'x-note': 'b'.repeat(9000) }),
      ['/componentValues/x-note'],
    ],
    [
      'more covered components than the contract allows',
      () => {
        const names = Array.from({ length: 30 }, (_, index) => `x-h${index}`);
        return materialOf('https://ncb.example/v1/x', withHeaders(names), Object.fromEntries(names.map((name) => [name, 'v'])));
      },
      ['/coveredComponents', '/componentValues'],
    ],
  ])('is refused for %s', async (_case, material, pointers) => {
    expect(pointersOf(unrecordableSignatureProblem(ncb, await material()))).toEqual(pointers);
  });
});
