import { describe, expect, it } from '@jest/globals';
import { isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_TRUST_ROOTS_FILE, readServiceSettings } from './index.js';

const service = { name: 'request-intake', defaultPort: 3001 };

describe('the TRUST_ROOTS_FILE setting', () => {
  it('defaults to the development fixture at the repository root, whatever the working directory', () => {
    const repositoryRoot = resolve(new URL('../../..', import.meta.url).pathname);

    expect(readServiceSettings(service, {}, {}).TRUST_ROOTS_FILE).toBe(join(repositoryRoot, '.local/dev-principals/trust-roots.json'));
    expect(isAbsolute(DEFAULT_TRUST_ROOTS_FILE)).toBe(true);
  });

  it('resolves a relative path against the working directory when read', () => {
    expect(readServiceSettings(service, {}, { TRUST_ROOTS_FILE: 'deploy/roots.json' }).TRUST_ROOTS_FILE).toBe(resolve('deploy/roots.json'));
  });

  it('keeps an absolute path as given', () => {
    expect(readServiceSettings(service, {}, { TRUST_ROOTS_FILE: '/etc/wildlife/trust-roots.json' }).TRUST_ROOTS_FILE).toBe(
      '/etc/wildlife/trust-roots.json',
    );
  });
});
