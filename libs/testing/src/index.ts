export { testInfrastructure, type TestInfrastructure } from './infrastructure.js';
export { createTestDatabase, uniqueName, type TestDatabase } from './test-database';
export { eventually } from './eventually';
export { spawnTypeScript, WORKSPACE_ROOT, type TypeScriptProcess } from './typescript-process';
export { spawnService, freePort, type SpawnedService } from './spawned-service';
export { startServiceUnderTest, type ServiceAppFactory, type ServiceUnderTest } from './service-under-test';
export { signTestToken, TEST_JWT_SECRET, type TestUser } from './test-tokens';
export { describeServiceOperability } from './service-health.suite';
export { describeBadInputAnswers, type BadInputOptions, type RunningService } from './bad-input.suite';
