import { Inject, Injectable } from '@nestjs/common';
import {
  IndicatorFactStore,
  InvalidPeriodError,
  assessEfficiency,
  computeFigures,
  definitionOf,
  parsePeriod,
  periodInstants,
  valueOf,
  type CatalogKindName,
  type EfficiencyAssessment,
  type Fact,
  type Level,
  type Period,
  type PartitionRange,
} from '@sangeyipi/indicators';
import { CLOCK, isWithinRegion, type AuthenticatedUser, type Clock } from '@sangeyipi/platform';
import { AnalyticsRefusal } from '../bulletins/bulletin.errors';
import type { FiguresQueryDto, ScopeAndPeriodDto } from './figures.dto';

/** A request resolved into what the computation takes. */
export interface ResolvedRequest {
  scope: { level: Level; regionCode: string };
  period: Period;
  asOf: Date;
}

/** A figure as the API shows it: the exact fraction, its value and its label. */
export interface FigureView {
  indicator: string;
  label: string;
  unitId: string;
  regionCode: string;
  numerator: string;
  denominator: string;
  complement: boolean;
  /** numerator / denominator, or 1 − that for a complement, or the count; null when 0 / 0. */
  value: number | null;
}

export interface FiguresView extends ResolvedRequest {
  catalogKind: CatalogKindName | null;
  /** The offsets the projection stood at: the figures are computed from exactly these events. */
  eventRanges: Array<{ topic: string; partition: number; fromOffset: string; toOffset: string }>;
  figures: FigureView[];
}

/** Roles that see figures of any region (supervisors and the reform office see their subtree). */
const CITY_WIDE_ROLES = ['auditor', 'operations_admin'];

export function rangesJson(ranges: readonly PartitionRange[]) {
  return ranges.map((r) => ({ topic: r.topic, partition: r.partition, fromOffset: r.fromOffset.toString(), toOffset: r.toOffset.toString() }));
}

export function levelsOfUnits(facts: readonly Fact[]): Map<string, string> {
  const levels = new Map<string, string>();
  for (const fact of facts) if (fact.kind === 'unit') levels.set(fact.unitId, fact.level);
  for (const fact of facts) if (fact.kind === 'item' && !levels.has(fact.unitId)) levels.set(fact.unitId, fact.level);
  return levels;
}

/** Live figures and efficiency assessments from the indicator projection. */
@Injectable()
export class FiguresService {
  constructor(
    private readonly facts: IndicatorFactStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Checks the period and the caller's reach; the as-of instant defaults to now or the period's end. */
  resolve(dto: ScopeAndPeriodDto, user?: AuthenticatedUser): ResolvedRequest {
    let period: Period;
    try {
      period = parsePeriod(dto.periodKind, dto.period);
    } catch (error) {
      if (error instanceof InvalidPeriodError) throw new AnalyticsRefusal('invalid', error.message, 'period');
      throw error;
    }
    if (user && !user.roles.some((role) => CITY_WIDE_ROLES.includes(role))) {
      if (!user.regionCode || !isWithinRegion(dto.regionCode, user.regionCode)) {
        throw new AnalyticsRefusal('forbidden', `region ${dto.regionCode} is outside your region ${user.regionCode ?? '(none)'}`);
      }
    }
    const end = new Date(periodInstants(period).end);
    const now = this.clock.now();
    const asOf = dto.asOf ? new Date(dto.asOf) : now < end ? now : end;
    if (asOf > now) throw new AnalyticsRefusal('invalid', 'must not be in the future', 'asOf');
    return { scope: { level: dto.level ?? '', regionCode: dto.regionCode }, period, asOf };
  }

  async figures(dto: FiguresQueryDto, user: AuthenticatedUser): Promise<FiguresView> {
    const request = this.resolve(dto, user);
    const snapshot = await this.facts.snapshotFor(request.period, request.asOf);
    const rows = computeFigures(snapshot.facts, { ...request, catalogKind: dto.catalogKind });
    return {
      ...request,
      catalogKind: dto.catalogKind ?? null,
      eventRanges: rangesJson(snapshot.ranges),
      figures: rows.map((row) => {
        const definition = definitionOf(row.indicator);
        return {
          indicator: definition.name,
          label: definition.label,
          unitId: row.unitId,
          regionCode: row.regionCode,
          numerator: row.numerator.toString(),
          denominator: row.denominator.toString(),
          complement: row.complement,
          value: valueOf(definition.form, row.numerator, row.denominator),
        };
      }),
    };
  }

  async assessment(dto: ScopeAndPeriodDto, user: AuthenticatedUser): Promise<EfficiencyAssessment & ResolvedRequest> {
    const request = this.resolve(dto, user);
    const snapshot = await this.facts.snapshotFor(request.period, request.asOf);
    const rows = computeFigures(snapshot.facts, request);
    const levels = levelsOfUnits(snapshot.facts);
    const values = rows.map((row) => ({
      indicator: definitionOf(row.indicator).name,
      unitId: row.unitId,
      regionCode: row.regionCode,
      numerator: row.numerator.toString(),
      denominator: row.denominator.toString(),
      complement: row.complement,
    }));
    return { ...request, ...assessEfficiency(values, (unitId) => levels.get(unitId) ?? '') };
  }
}
