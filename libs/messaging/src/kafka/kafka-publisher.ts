import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { TransportMessage } from '../integration-event';
import type { EventPublisher } from '../relay/event-publisher';

/**
 * An idempotent kafkajs producer with acks=all and one request in flight, so retries neither
 * duplicate nor reorder what one relay sends.
 */
export class KafkaPublisher implements EventPublisher {
  private readonly producer: Producer;
  private connected?: Promise<void>;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async publish(messages: readonly TransportMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await (this.connected ??= this.producer.connect());
    const byTopic = new Map<string, TransportMessage[]>();
    for (const message of messages) {
      const list = byTopic.get(message.topic) ?? [];
      list.push(message);
      byTopic.set(message.topic, list);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      })),
    });
  }

  async close(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = undefined;
  }
}
