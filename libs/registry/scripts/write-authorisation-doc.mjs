// Writes docs/AUTHORISATION.md from the table in dist/ (run `npm run authorisation-doc` in
// libs/registry, which builds first). policy.unit.spec.ts fails while the committed file differs.
import { writeFileSync } from 'node:fs';
import { renderPolicyMarkdown } from '../dist/index.js';

const target = new URL('../../../docs/AUTHORISATION.md', import.meta.url);
writeFileSync(target, renderPolicyMarkdown());
console.log(`wrote ${target.pathname}`);
