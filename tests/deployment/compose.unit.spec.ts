// docker-compose.yml and the Dockerfile run nowhere in CI (no container engine on the project's
// machines), so what they must agree on with the code is checked here, from the files themselves.
import { readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { DEV_LOG_KEY_FILE } from '@wildlife/provenance';

interface ComposeService {
  readonly ports?: readonly string[];
  readonly environment?: Readonly<Record<string, string | number>>;
  readonly volumes?: readonly string[];
}
interface ComposeFile {
  readonly services: Readonly<Record<string, ComposeService>>;
  readonly volumes?: Readonly<Record<string, unknown>>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const compose = parse(readFileSync(`${root}docker-compose.yml`, 'utf8'), { merge: true }) as ComposeFile;
const dockerfile = readFileSync(`${root}Dockerfile`, 'utf8');

/** The services and ports of the README and `npm start`. */
const servicePorts = {
  'request-intake': 3001,
  'ncb-endorsement': 3002,
  provenance: 3003,
  'intelligence-dissemination': 3004,
  notification: 3005,
} as const;

/** Where a path of the checkout is in the image (the Dockerfile's WORKDIR holds the checkout). */
const inImage = (path: string) => `/app/${relative(root, path)}`;
const mountsOf = (service: ComposeService) => (service.volumes ?? []).map((volume) => ({ source: volume.split(':')[0]!, target: volume.split(':')[1]! }));

describe('docker-compose.yml', () => {
  it.each(Object.entries(servicePorts))('runs %s on port %i, as npm start does', (name, port) => {
    const service = compose.services[name];

    expect(service?.ports).toEqual([`${port}:${port}`]);
    expect(Number(service?.environment?.PORT)).toBe(port);
  });

  it.each(Object.keys(servicePorts))('mounts the trust roots that %s is told to read', (name) => {
    const service = compose.services[name]!;
    const trustRoots = String(service.environment?.TRUST_ROOTS_FILE);

    expect(mountsOf(service).some(({ target }) => trustRoots.startsWith(`${target}/`))).toBe(true);
  });

  it('keeps the provenance log’s note key in a named volume, so the log keeps its key across restarts', () => {
    const keyFolder = inImage(dirname(DEV_LOG_KEY_FILE));

    const mount = mountsOf(compose.services.provenance!).find(({ target }) => target === keyFolder);

    expect(mount).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(mount!.source);
  });
});

describe('Dockerfile', () => {
  it('lets the service’s user create the provenance log’s note key', () => {
    const keyFolder = inImage(dirname(DEV_LOG_KEY_FILE));
    const lines = dockerfile.split('\n');
    const switchesUser = lines.findLastIndex((line) => /^USER node\b/.test(line));

    const prepares = lines.findIndex((line) => line.startsWith('RUN ') && line.includes(`mkdir -p ${keyFolder}`) && line.includes(`chown node:node ${keyFolder}`));

    expect(prepares).toBeGreaterThan(lines.findLastIndex((line) => line.startsWith('FROM ')));
    expect(prepares).toBeLessThan(switchesUser);
  });
});
