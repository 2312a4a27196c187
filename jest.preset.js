// Shared Jest settings: SWC compiles TypeScript (with decorator metadata for NestJS) and
// the tsconfig path aliases resolve to the libraries' sources.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias}$`,
    path.join(__dirname, target),
  ]),
);

const base = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
};

/** Jest settings for one project and one test tier ('unit' or 'int'). */
const forProject = (projectDir, tier) => ({
  ...base,
  displayName: `${path.relative(__dirname, projectDir)}:${tier}`,
  rootDir: projectDir,
  testMatch: tier === 'unit' ? ['<rootDir>/src/**/*.unit.spec.ts'] : ['<rootDir>/test/int/**/*.int.spec.ts'],
  ...(tier === 'int'
    ? { testTimeout: 120_000, maxWorkers: 1, globalSetup: path.join(__dirname, 'libs/testing/src/global-setup.js') }
    : {}),
});

module.exports = { base, forProject };
