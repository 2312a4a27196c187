import { Inject, Injectable } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  Summary,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
  type Metric,
  type SummaryConfiguration,
} from 'prom-client';
import { SERVICE_NAME } from '../bootstrap/service-name.token';

type Config<C> = Omit<C, 'registers'>;

/**
 * The service's Prometheus registry, served at `/metrics`: default process metrics plus what the
 * platform and the libraries register here (request latency, events appended, relay lag, consumer
 * lag, DLQ size). One registry per application, not prom-client's global one, so that several
 * services can share a process. Every series carries a `service` label.
 *
 * Asking twice for the same metric name gives the same metric, so a library can declare its
 * metrics where it uses them.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor(@Inject(SERVICE_NAME) service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  counter<T extends string>(config: Config<CounterConfiguration<T>>): Counter<T> {
    return this.getOrCreate(config.name, Counter, () => new Counter({ ...config, registers: [this.registry] }));
  }

  gauge<T extends string>(config: Config<GaugeConfiguration<T>>): Gauge<T> {
    return this.getOrCreate(config.name, Gauge, () => new Gauge({ ...config, registers: [this.registry] }));
  }

  histogram<T extends string>(config: Config<HistogramConfiguration<T>>): Histogram<T> {
    return this.getOrCreate(config.name, Histogram, () => new Histogram({ ...config, registers: [this.registry] }));
  }

  summary<T extends string>(config: Config<SummaryConfiguration<T>>): Summary<T> {
    return this.getOrCreate(config.name, Summary, () => new Summary({ ...config, registers: [this.registry] }));
  }

  /** The Prometheus text exposition of every metric. */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private getOrCreate<M extends Metric<string>>(name: string, kind: abstract new (...args: never[]) => M, create: () => M): M {
    const existing = this.registry.getSingleMetric(name);
    if (existing === undefined) return create();
    if (!(existing instanceof kind)) throw new Error(`metric ${name} is already registered as another kind of metric`);
    return existing;
  }
}
