import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = 'tools/eslint-plugin-boundaries/fixtures/services/alpha/src';

async function boundaryMessages(file: string) {
  // The fixtures are ignored by the project's lint run; lint them here with the real config.
  const eslint = new ESLint({ cwd: root, ignorePatterns: ['!tools/eslint-plugin-boundaries/fixtures/**'], overrideConfig: { ignores: [] } });
  const [result] = await eslint.lintFiles([`${fixtures}/${file}`]);
  return result!.messages.filter((m) => m.ruleId?.startsWith('boundaries/')).map((m) => ({ rule: m.ruleId, line: m.line }));
}

describe('the lint boundaries', () => {
  it('refuse a service importing another service by relative path', async () => {
    expect(await boundaryMessages('cross-service-by-path.ts')).toEqual([{ rule: 'boundaries/no-cross-service-import', line: 2 }]);
  });

  it('refuse a service importing another service by package name', async () => {
    expect(await boundaryMessages('cross-service-by-package.ts')).toEqual([{ rule: 'boundaries/no-cross-service-import', line: 2 }]);
  });

  it('refuse framework, ORM, database and Kafka imports inside domain/', async () => {
    expect(await boundaryMessages('cases/domain/impure.ts')).toEqual([2, 3, 4, 5].map((line) => ({ rule: 'boundaries/pure-domain', line })));
  });

  it('allow a service its own files, shared libraries and contracts in domain/', async () => {
    expect(await boundaryMessages('allowed.ts')).toEqual([]);
    expect(await boundaryMessages('cases/domain/case.decide.ts')).toEqual([]);
  });
});
