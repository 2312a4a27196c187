import nx from '@nx/eslint-plugin';

// Module boundaries with real constraints (STYLE.md): a service uses platform libraries and
// contracts, never another service's code; libraries never import services; the testing
// library is for tests only.
const SERVICES = ['catalog', 'cases', 'projects', 'supervision', 'notifications', 'analytics', 'gateway'];

function moduleBoundaries({ testCode }) {
  const testing = testCode ? ['type:testing'] : [];
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      // Tests use their own library through its public entry, as its users do.
      allowCircularSelfDependency: testCode,
      allow: [],
      depConstraints: [
        { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', ...testing] },
        // The embedded host loads the services by convention at run time, never by import.
        { sourceTag: 'type:host', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', ...testing] },
        { sourceTag: 'scope:embedded', onlyDependOnLibsWithTags: ['scope:embedded', 'scope:shared'] },
        // Deployment tooling checks manifests against the platform's own definitions.
        { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', ...testing] },
        { sourceTag: 'scope:deploy', onlyDependOnLibsWithTags: ['scope:deploy', 'scope:shared'] },
        { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', ...testing] },
        { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', ...testing] },
        // Operator tools (the auditor's CLI) use the libraries as a service does, never a service.
        { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', ...testing] },
        { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:platform', 'type:contracts'] },
        { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
        // The portal runs in the browser: no server library; its tests may start services through the testing library.
        { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:web', ...testing] },
        { sourceTag: 'scope:portal', onlyDependOnLibsWithTags: ['scope:portal', 'scope:shared'] },
        ...SERVICES.map((service) => ({
          sourceTag: `scope:${service}`,
          onlyDependOnLibsWithTags: [`scope:${service}`, 'scope:shared'],
        })),
      ],
    },
  ];
}

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.run', 'libs/contracts/src/gen/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries({ testCode: false }),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests may use the testing library; production code may not.
    files: ['**/test/**/*.ts', '**/*.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries({ testCode: true }) },
  },
];
