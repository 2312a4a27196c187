import { ensureTopics, eventTopic } from '@sangeyipi/messaging';
import { uniqueName } from '@sangeyipi/testing';
import { testKafka } from './backbone.fixture';

describe('topics ensured by services starting together', () => {
  it('are ready for a producer that sends without retrying, in every process that ensured them', async () => {
    const kafka = testKafka('topics-test');
    const prefix = `${uniqueName('together')}.`;
    const topics = ['cases', 'catalog', 'projects'].map((context) => eventTopic(context, prefix));
    const partitions = 6;

    // Four services at once: one creates each topic, the others find it being created.
    const sends = await Promise.allSettled(
      Array.from({ length: 4 }, async (_, service) => {
        await ensureTopics(kafka, topics, { partitions, replicationFactor: 1 });
        const producer = kafka.producer({ retry: { retries: 0 }, allowAutoTopicCreation: false });
        await producer.connect();
        try {
          await producer.send({
            topic: topics[service % topics.length],
            messages: Array.from({ length: partitions }, (_, partition) => ({ partition, key: `k${partition}`, value: `from service ${service}` })),
          });
        } finally {
          await producer.disconnect();
        }
      }),
    );

    expect(sends.filter((send) => send.status === 'rejected')).toEqual([]);
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics: described } = await admin.fetchTopicMetadata({ topics });
      expect(described.map((topic) => topic.partitions.filter((partition) => partition.leader >= 0).length)).toEqual([partitions, partitions, partitions]);
      await admin.deleteTopics({ topics });
    } finally {
      await admin.disconnect();
    }
  });
});
