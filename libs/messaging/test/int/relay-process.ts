// A relay in its own process, so the test can kill it with SIGKILL mid-publish.
// Usage: node -r @swc-node/register relay-process.ts <database-url> <topic> <service>
import { EventLog, PostgresEventStore } from '@sangeyipi/eventstore';
import { EventRelay, KafkaPublisher } from '@sangeyipi/messaging';
import { openDataSource, testKafka } from './backbone.fixture';

async function main(): Promise<void> {
  const [url, topic, service] = process.argv.slice(2);
  const dataSource = await openDataSource(url);
  const store = new PostgresEventStore(dataSource);
  const relay = new EventRelay({
    service,
    topic,
    store,
    log: new EventLog(store),
    publisher: new KafkaPublisher(testKafka(`relay-${process.pid}`)),
    batchSize: 200,
    onPublished: (count, last) => process.stdout.write(`published ${count} up to ${last}\n`),
    onError: (error) => process.stderr.write(`relay error: ${String(error)}\n`),
  });
  relay.start();
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
