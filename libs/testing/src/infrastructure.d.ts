export interface TestInfrastructure {
  runId: string;
  postgresUrl: string;
  redisUrl: string;
  kafkaBrokers: string[];
}
export function testInfrastructure(): TestInfrastructure;
