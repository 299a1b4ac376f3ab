// One jest run, two projects: `unit` (no I/O, beside the code) and `integration` (real PostgreSQL
// and Kafka, from the harness in libs/testing). ESM throughout: run through `node --experimental-vm-modules`.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

// A few dependencies ship ESM only and are require()d by CommonJS packages (@fastify/static needs
// content-disposition 3). Node 20.19 loads them natively; jest on Node 20 cannot, so it compiles
// exactly those to CommonJS.
const esmOnlyDependencies = ['content-disposition'];
const toCommonJs = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } }];

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': swc,
    [`node_modules/(${esmOnlyDependencies.join('|')})/.+\\.js$`]: toCommonJs,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyDependencies.join('|')})/)`],
  moduleNameMapper: {
    // Services by name, for the cross-service tests in tests/ (lint forbids it inside services/).
    '^@wildlife/(request-intake|ncb-endorsement|provenance|intelligence-dissemination|notification)$': '<rootDir>/services/$1/src/index.ts',
    '^@wildlife/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  rootDir: '.',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.local/', '/fixtures/'],
};

export default {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,services,infra,tests,tools}/**/*.unit.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/{libs,services}/**/test/**/*.int.spec.ts',
        '<rootDir>/tests/**/*.{int,e2e}.spec.ts',
      ],
      globalSetup: '<rootDir>/libs/testing/jest/global-setup.mjs',
      globalTeardown: '<rootDir>/libs/testing/jest/global-teardown.mjs',
      slowTestThreshold: 30,
    },
    {
      // Tests that kill and restart the shared Kafka broker: run alone (`--runInBand`, after the
      // other projects), never beside tests that need the broker up.
      ...shared,
      displayName: 'fault-injection',
      testMatch: ['<rootDir>/tests/fault-injection/**/*.fault.spec.ts'],
      globalSetup: '<rootDir>/libs/testing/jest/global-setup.mjs',
      globalTeardown: '<rootDir>/libs/testing/jest/global-teardown.mjs',
    },
  ],
};
