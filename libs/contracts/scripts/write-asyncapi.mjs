// Writes asyncapi.json from the registry in dist/ (run `npm run asyncapi` in libs/contracts, which
// builds first). asyncapi.unit.spec.ts fails while the committed file differs from the registry.
import { writeFileSync } from 'node:fs';
import { buildAsyncApiDocument } from '../dist/index.js';

const target = new URL('../asyncapi.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
