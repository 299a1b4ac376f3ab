import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { publicContracts } from '../events/public-contracts.js';
import { buildAsyncApiDocument } from './asyncapi-document.js';

const committed = JSON.parse(readFileSync(new URL('../../asyncapi.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('the AsyncAPI document', () => {
  it('committed in libs/contracts/asyncapi.json matches the registry (regenerate with `npm run asyncapi -w @wildlife/contracts`)', () => {
    expect(committed).toEqual(buildAsyncApiDocument());
  });

  it('resolves every local $ref', () => {
    const refs = collectRefs(committed);

    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect({ ref, found: resolve(committed, ref) !== undefined }).toEqual({ ref, found: true });
  });

  it('lists every public event on the channel of its topic', () => {
    const channels = committed.channels as Record<string, { address: string; messages: Record<string, unknown> }>;

    for (const contract of publicContracts) {
      const channel = Object.values(channels).find((candidate) => candidate.address === contract.topic);
      expect({ type: contract.type, listed: Object.keys(channel?.messages ?? {}).includes(contract.type) }).toEqual({
        type: contract.type,
        listed: true,
      });
    }
  });
});

function collectRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => collectRefs(child, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      // $refs inside payload schemas point into their own schema document, not this one.
      if (key === 'payload') continue;
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else collectRefs(value, found);
    }
  }
  return found;
}

function resolve(document: unknown, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[segment], document);
}
