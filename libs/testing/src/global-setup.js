// Runs once before each integration suite: checks that the real infrastructure answers and
// fails with a message that says exactly what is missing (no silent skips).
const net = require('node:net');
const { testInfrastructure } = require('./infrastructure.js');

function answers(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
}

module.exports = async () => {
  const infra = testInfrastructure();
  const missing = [];
  for (const [what, url, hint] of [
    ['PostgreSQL', infra.postgresUrl, 'set TEST_POSTGRES_URL or start PostgreSQL on 127.0.0.1:5432'],
    ['Redis', infra.redisUrl, 'set TEST_REDIS_URL or start redis-server on 127.0.0.1:6379'],
    ['Kafka', `kafka://${infra.kafkaBrokers[0]}`, 'run deploy/infra.sh up (starts the KRaft broker)'],
  ]) {
    const { hostname, port } = new URL(url);
    if (!(await answers(hostname, Number(port)))) missing.push(`${what} at ${hostname}:${port} does not answer: ${hint}`);
  }
  if (missing.length) throw new Error(`Integration tests need real infrastructure:\n  ${missing.join('\n  ')}`);
};
