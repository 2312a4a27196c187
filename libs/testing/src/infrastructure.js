// Where the integration tests find PostgreSQL, Redis and Kafka, and the run id that keeps
// their databases, topics and key prefixes apart from other runs on the same machine.
// Plain JavaScript so that Jest's globalSetup can load it without a compiler.
const crypto = require('node:crypto');

function testInfrastructure() {
  if (!process.env.TEST_RUN_ID) process.env.TEST_RUN_ID = `t${Date.now().toString(36)}${crypto.randomBytes(2).toString('hex')}`;
  return {
    runId: process.env.TEST_RUN_ID,
    postgresUrl: process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    kafkaBrokers: (process.env.TEST_KAFKA_BROKERS ?? '127.0.0.1:19092').split(','),
  };
}

module.exports = { testInfrastructure };
