#!/usr/bin/env node
// Generates the development cast of principals (key files, trust roots, registry seed) into
// .local/dev-principals once, as `npm start` does; for `docker compose`, which mounts that folder.
// Needs the built libraries (`npm run build`).
import { fileURLToPath } from 'node:url';
import { ensureDevFixture } from '@wildlife/registry';

const fixture = await ensureDevFixture(fileURLToPath(new URL('../.local/dev-principals', import.meta.url)));
console.log(`development principals in ${fixture.trustRootsPath.replace(/\/trust-roots\.json$/, '')}`);
