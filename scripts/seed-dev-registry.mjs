#!/usr/bin/env node
// Issues the development fixture's registry commands (`registry-seed.json`, written by
// `ensureDevFixture`) to ncb-endorsement, each signed with its signer's key file through the SDK, then
// prints the principals for the demo. Idempotent: a command already recorded answers 409, which counts
// as done. Run by `npm start` once the services are ready; by hand:
//   node scripts/seed-dev-registry.mjs [fixture folder] [ncb-endorsement URL]
// Needs the built libraries (`npm run build`).
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createWildlifeClient, WildlifeApiError } from '@wildlife/client';
import { loadRegistrySeed, parseTrustRoots } from '@wildlife/registry';

export const DEFAULT_FIXTURE_DIR = fileURLToPath(new URL('../.local/dev-principals/', import.meta.url));
export const DEFAULT_ENDORSEMENT_URL = 'http://127.0.0.1:3002';

/** The SDK call issuing one seed command (the REST bodies carry the key flat, and ids of existing things in the path). */
function issue(registry, { command, body }) {
  switch (command) {
    case 'register-agency':
      return registry.registerAgency({ agencyId: body.agencyId, country: body.country, name: body.name, ...body.key });
    case 'accredit-agency': {
      const { agencyId, ...accreditation } = body;
      return registry.accreditAgency(agencyId, accreditation);
    }
    case 'register-external-source':
      return registry.registerExternalSource({ sourceId: body.sourceId, name: body.name, ...body.key });
    case 'register-auditor':
      return registry.registerAuditor({ auditorId: body.auditorId, name: body.name, ...body.key });
    case 'suspend-accreditation':
      return registry.suspendAccreditation(body.agencyId, body.accreditationId, { reason: body.reason });
    case 'revoke-accreditation':
      return registry.revokeAccreditation(body.agencyId, body.accreditationId, { reason: body.reason });
    case 'rotate-key':
      return registry.rotateKey(body.principalId, { ...body.newKey, retiredKeyId: body.retiredKeyId });
    default:
      throw new Error(`the seed command "${command}" has no SDK call here`);
  }
}

/**
 * Issues every seed command in order; resolves with how many were recorded now and how many were
 * there already. Any other refusal rejects, naming the command.
 */
export async function seedDevRegistry({ fixtureDir = DEFAULT_FIXTURE_DIR, endorsementUrl = DEFAULT_ENDORSEMENT_URL, log = console.log } = {}) {
  const seed = await loadRegistrySeed(join(fixtureDir, 'registry-seed.json'));
  const clients = new Map();
  const clientOf = (principalId) => {
    if (!clients.has(principalId)) {
      const keyFile = join(fixtureDir, 'keys', `${principalId}.key.json`);
      clients.set(principalId, createWildlifeClient({ keyFile, endpoints: { endorsement: endorsementUrl } }));
    }
    return clients.get(principalId);
  };
  let recorded = 0;
  let already = 0;
  for (const entry of seed) {
    try {
      await issue(clientOf(entry.signerPrincipalId).registry, entry);
      recorded++;
    } catch (error) {
      if (error instanceof WildlifeApiError && error.status === 409) already++;
      else throw new Error(`seeding the registry failed at ${entry.command} by ${entry.signerPrincipalId}: ${error.message}`, { cause: error });
    }
  }
  log(`  registry seeded: ${recorded} command(s) recorded, ${already} already there`);
  return { recorded, already };
}

/** Every principal of the fixture: the trust roots, then those the seed registers. */
export async function fixturePrincipals(fixtureDir = DEFAULT_FIXTURE_DIR) {
  const roots = parseTrustRoots(await readFile(join(fixtureDir, 'trust-roots.json'), 'utf8'));
  const seed = await loadRegistrySeed(join(fixtureDir, 'registry-seed.json'));
  const accredited = new Set(seed.filter((entry) => entry.command === 'accredit-agency').map((entry) => entry.body.agencyId));
  const gs = roots.generalSecretariat;
  const registered = seed.flatMap(({ command, body }) => {
    if (command === 'register-agency') return [{ id: body.agencyId, kind: accredited.has(body.agencyId) ? 'agency (accredited)' : 'agency', country: body.country }];
    if (command === 'register-external-source') return [{ id: body.sourceId, kind: 'external-source' }];
    if (command === 'register-auditor') return [{ id: body.auditorId, kind: 'auditor' }];
    return [];
  });
  return [
    { id: gs.principalId, kind: 'general-secretariat' },
    ...(gs.analysts ?? []).map((analyst) => ({ id: analyst.principalId, kind: 'general-secretariat (analyst)' })),
    ...roots.ncbs.map((ncb) => ({ id: ncb.principalId, kind: 'ncb', country: ncb.country })),
    ...registered,
  ].map((principal) => ({ ...principal, keyFile: join(fixtureDir, 'keys', `${principal.id}.key.json`) }));
}

/** Prints the fixture's principals as a table, key files relative to the working directory. */
export async function printFixturePrincipals(fixtureDir = DEFAULT_FIXTURE_DIR, log = console.log) {
  const principals = await fixturePrincipals(fixtureDir);
  log('\nDevelopment principals (demo keys only; sign calls with `npx wildlife request <METHOD> <URL> --key <key file>`):');
  for (const { id, kind, country, keyFile } of principals) {
    log(`  ${id.padEnd(20)} ${kind.padEnd(30)} ${(country ?? '').padEnd(3)} ${relative(process.cwd(), keyFile)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const fixtureDir = resolve(process.argv[2] ?? DEFAULT_FIXTURE_DIR);
  const endorsementUrl = process.argv[3] ?? DEFAULT_ENDORSEMENT_URL;
  try {
    await seedDevRegistry({ fixtureDir, endorsementUrl });
    await printFixturePrincipals(fixtureDir);
  } catch (error) {
    console.error(`✘ ${error.message}`);
    process.exitCode = 1;
  }
}
