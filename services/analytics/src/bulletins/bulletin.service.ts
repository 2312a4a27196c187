import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { common, eventToJson } from '@sangeyipi/contracts';
import { PostgresEventStore } from '@sangeyipi/eventstore';
import {
  IndicatorFactStore,
  assessEfficiency,
  bulletinDigest,
  computeBulletinContent,
  definitionNamed,
  indicatorValuesOf,
  periodInstants,
  previousMonth,
  valueOf,
  type BulletinContent,
  type EfficiencyAssessment,
  type Period,
} from '@sangeyipi/indicators';
import { EventBackboneService } from '@sangeyipi/messaging';
import { CLOCK, CorrelationContext, regionName, toShanghaiDate, type AuthenticatedUser, type Clock } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import { AnalyticsConfig } from '../config/analytics-config.schema';
import { levelsOfUnits, rangesJson, type ResolvedRequest } from '../indicators/figures.service';
import { AnalyticsRefusal } from './bulletin.errors';

export type BulletinOrigin = 'scheduled' | 'on-demand';

/** A published bulletin as served: the canonical content, its digest, its provenance and readable figures. */
export interface BulletinView {
  bulletinId: string;
  origin: BulletinOrigin;
  title: string;
  publishedAt: string;
  digest: string;
  /** The events the figures were computed from: offsets [fromOffset, toOffset) per topic partition. */
  eventRanges: Array<{ topic: string; partition: number; fromOffset: string; toOffset: string }>;
  /** Exactly what the digest covers (SHA-256 of its canonical JSON). */
  content: BulletinContent;
  /** The efficiency assessment (效能评估) of the bulletin's units, with the weights' version. */
  assessment: EfficiencyAssessment;
  /** The figures with their labels and values, for reading. */
  figures: Array<{ indicator: string; label: string; unitId: string; regionCode: string; value: number | null }>;
}

/** A recomputation: the content and digest a bulletin for the request would have, and from which events. */
export interface Recomputation {
  content: BulletinContent;
  digest: string;
  eventRanges: BulletinView['eventRanges'];
}

const LEVELS: Record<string, common.AdministrativeLevel> = {
  city: common.AdministrativeLevel.CITY,
  district: common.AdministrativeLevel.DISTRICT,
  town: common.AdministrativeLevel.TOWN,
  village: common.AdministrativeLevel.VILLAGE,
};

interface BulletinRow {
  bulletin_id: string;
  origin: BulletinOrigin;
  title: string;
  content: BulletinContent;
  digest: string;
  event_ranges: BulletinView['eventRanges'];
  assessment: EfficiencyAssessment;
  published_at: Date;
}

/**
 * Publishes statistics bulletins (统计通报): computed from the indicator projection at one consistent
 * point, stored once and never changed, and announced as analytics.BulletinPublished in the same
 * transaction.
 */
@Injectable()
export class BulletinService {
  private readonly logger = new Logger('Bulletins');

  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: IndicatorFactStore,
    private readonly store: PostgresEventStore,
    private readonly backbone: EventBackboneService,
    private readonly config: AnalyticsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** What a bulletin for the request would say now, without publishing it (as-of recomputation). */
  async recompute(request: ResolvedRequest): Promise<Recomputation> {
    const snapshot = await this.facts.snapshotFor(request.period, request.asOf);
    const content = computeBulletinContent(snapshot.facts, request);
    return { content, digest: bulletinDigest(content), eventRanges: rangesJson(snapshot.ranges) };
  }

  /**
   * Computes and publishes a bulletin. A scheduled bulletin exists once per scope and period: a
   * second attempt (another replica, a retry) returns the first one.
   */
  async publish(request: ResolvedRequest, origin: BulletinOrigin, options: { title?: string; user?: AuthenticatedUser } = {}): Promise<{ bulletin: BulletinView; created: boolean }> {
    const snapshot = await this.facts.snapshotFor(request.period, request.asOf);
    const content = computeBulletinContent(snapshot.facts, request);
    const digest = bulletinDigest(content);
    const levels = levelsOfUnits(snapshot.facts);
    const assessment = assessEfficiency(content.values, (unitId) => levels.get(unitId) ?? '');
    const eventRanges = rangesJson(snapshot.ranges);
    const bulletinId = randomUUID();
    const title = options.title ?? defaultTitle(request);
    const publishedAt = this.clock.now();

    const created = await this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query(
        `INSERT INTO analytics_bulletins (bulletin_id, origin, title, scope_level, scope_region, period_kind, period_key, as_of, content, digest,
                                          event_ranges, assessment, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT DO NOTHING RETURNING bulletin_id`,
        [
          bulletinId,
          origin,
          title,
          request.scope.level,
          request.scope.regionCode,
          request.period.kind,
          request.period.key,
          content.asOf,
          JSON.stringify(content),
          digest,
          JSON.stringify(eventRanges),
          JSON.stringify(assessment),
          publishedAt,
        ],
      );
      if (inserted.length === 0) return false;
      const data = eventToJson('analytics.BulletinPublished', {
        bulletinId,
        title,
        scope: { level: LEVELS[request.scope.level] ?? common.AdministrativeLevel.UNSPECIFIED, regionCode: request.scope.regionCode },
        period: { startOn: request.period.startOn, endOn: request.period.endOn },
        eventRanges: snapshot.ranges.map((r) => ({ topic: r.topic, partition: r.partition, fromOffset: r.fromOffset, toOffset: r.toOffset })),
        values: indicatorValuesOf(content),
        digest,
        asOf: content.asOf,
        rulesVersion: content.rulesVersion,
      });
      await this.store.append(`bulletin-${bulletinId}`, 0, [{ type: 'analytics.BulletinPublished', data }], {
        manager,
        metadata: {
          correlationId: CorrelationContext.current() ?? randomUUID(),
          ...(options.user ? { actor: { id: options.user.userId, role: options.user.roles[0] } } : {}),
          regionCode: request.scope.regionCode,
        },
      });
      return true;
    });
    if (created) this.backbone.notifyAppended();
    const [stored]: BulletinRow[] = created
      ? await this.dataSource.query(`SELECT * FROM analytics_bulletins WHERE bulletin_id = $1`, [bulletinId])
      : await this.dataSource.query(
          `SELECT * FROM analytics_bulletins WHERE origin = 'scheduled' AND period_kind = $1 AND period_key = $2 AND scope_level = $3 AND scope_region = $4`,
          [request.period.kind, request.period.key, request.scope.level, request.scope.regionCode],
        );
    return { bulletin: viewOf(stored), created };
  }

  /** Publishes last month's bulletin of each configured region once the 1st's publishing hour has passed. */
  async publishDue(): Promise<number> {
    const now = this.clock.now();
    const today = toShanghaiDate(now);
    const publishFrom = new Date(Date.parse(`${today.slice(0, 8)}01T00:00:00+08:00`) + this.config.ANALYTICS_MONTHLY_HOUR * 3_600_000);
    if (now < publishFrom) return 0;
    const period = previousMonth(today);
    let published = 0;
    for (const regionCode of this.config.ANALYTICS_MONTHLY_REGIONS.split(',')) {
      // Most checks find the month done: ask before computing anything.
      const [done] = await this.dataSource.query(
        `SELECT 1 FROM analytics_bulletins WHERE origin = 'scheduled' AND period_kind = 'month' AND period_key = $1 AND scope_level = '' AND scope_region = $2`,
        [period.key, regionCode],
      );
      if (done) continue;
      const request = { scope: { level: '' as const, regionCode }, period, asOf: new Date(periodInstants(period).end) };
      const { created, bulletin } = await this.publish(request, 'scheduled');
      if (created) {
        published++;
        this.logger.log({ bulletinId: bulletin.bulletinId, regionCode, period: period.key, digest: bulletin.digest }, 'monthly bulletin published');
      }
    }
    return published;
  }

  async get(bulletinId: string): Promise<BulletinView | undefined> {
    if (!isBulletinId(bulletinId)) throw new AnalyticsRefusal('not-found', `no bulletin ${bulletinId}`);
    const [row]: BulletinRow[] = await this.dataSource.query(`SELECT * FROM analytics_bulletins WHERE bulletin_id = $1`, [bulletinId]);
    return row ? viewOf(row) : undefined;
  }

  /** The latest bulletins, newest first. */
  async list(limit: number): Promise<Array<Pick<BulletinView, 'bulletinId' | 'title' | 'publishedAt' | 'digest' | 'origin'> & { period: Period; scope: BulletinContent['scope'] }>> {
    const rows: BulletinRow[] = await this.dataSource.query(`SELECT * FROM analytics_bulletins ORDER BY published_at DESC, bulletin_id LIMIT $1`, [limit]);
    return rows.map((row) => ({
      bulletinId: row.bulletin_id,
      origin: row.origin,
      title: row.title,
      publishedAt: row.published_at.toISOString(),
      digest: row.digest,
      period: row.content.period,
      scope: row.content.scope,
    }));
  }
}

/** Bulletin ids are UUIDs; anything else names no bulletin. */
export function isBulletinId(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

function viewOf(row: BulletinRow): BulletinView {
  return {
    bulletinId: row.bulletin_id,
    origin: row.origin,
    title: row.title,
    publishedAt: row.published_at.toISOString(),
    digest: row.digest,
    eventRanges: row.event_ranges,
    content: row.content,
    assessment: row.assessment,
    figures: row.content.values.map((value) => {
      const definition = definitionNamed(value.indicator);
      return {
        indicator: value.indicator,
        label: definition?.label ?? value.indicator,
        unitId: value.unitId,
        regionCode: value.regionCode,
        value: definition ? valueOf(definition.form, BigInt(value.numerator), BigInt(value.denominator)) : null,
      };
    }),
  };
}

function defaultTitle({ scope, period }: ResolvedRequest): string {
  const where = regionName(scope.regionCode) ?? scope.regionCode;
  const [year, rest] = [period.key.slice(0, 4), period.key.slice(5)];
  const when = { day: `${period.key}`, month: `${year}年${Number(rest)}月`, quarter: `${year}年第${rest.slice(1)}季度`, year: `${year}年` }[period.kind];
  return `${where}${when}“三个一批”统计通报`;
}
