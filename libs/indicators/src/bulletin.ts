import { analytics } from '@sangeyipi/contracts';
import { canonicalJson, sha256Hex } from '@sangeyipi/eventstore';
import type { Fact, Level } from './fact.types';
import { computeFigures, type FigureRow } from './figures';
import { definitionOf } from './indicators';
import type { Period } from './period';

/**
 * Version of the rules a digest is computed with: the formulas in figures.ts and the canonical form
 * below. A change to either that changes any figure is a new version, so an old bulletin is replayed
 * with the rules it was published under (the auditor refuses a version it does not implement).
 */
export const RULES_VERSION = '2';
// 2: 差评整改率 counts BadRatingAnswered, 产业项目审批压缩率 IndustrialApprovalChainCompleted; delisted
//    projects leave the landing rates and a changed target counts from its change; 双随机覆盖率 counts
//    results published from the period's start. 1: the first published rules.

/** A figure as it appears in a bulletin: numbers as decimal strings, so JSON keeps them exact. */
export interface BulletinValue {
  indicator: string;
  unitId: string;
  regionCode: string;
  numerator: string;
  denominator: string;
  complement: boolean;
}

/** What a bulletin's digest covers: everything that fixes its figures, and the figures. */
export interface BulletinContent {
  rulesVersion: string;
  scope: { level: Level; regionCode: string };
  period: Period;
  /** ISO 8601 UTC instant; only events recorded by then count. */
  asOf: string;
  values: BulletinValue[];
}

export function bulletinValues(rows: readonly FigureRow[]): BulletinValue[] {
  return rows.map((row) => ({
    indicator: definitionOf(row.indicator).name,
    unitId: row.unitId,
    regionCode: row.regionCode,
    numerator: row.numerator.toString(),
    denominator: row.denominator.toString(),
    complement: row.complement,
  }));
}

/**
 * Computes a bulletin's content from facts (the analytics projection's, or an auditor's replay). The
 * working-day calendar comes from the facts too, so the same history gives the same digest.
 */
export function computeBulletinContent(facts: Iterable<Fact>, request: { scope: { level: Level; regionCode: string }; period: Period; asOf: Date }): BulletinContent {
  const rows = computeFigures(facts, request);
  return { rulesVersion: RULES_VERSION, scope: request.scope, period: request.period, asOf: request.asOf.toISOString(), values: bulletinValues(rows) };
}

/** The canonical text of a bulletin's content: JSON with keys sorted at every depth, no spaces. */
export function canonicalBulletin(content: BulletinContent): string {
  return canonicalJson(content);
}

/** Lowercase hex SHA-256 of the canonical content. */
export function bulletinDigest(content: BulletinContent): string {
  return sha256Hex(canonicalBulletin(content));
}

/** The figures as the BulletinPublished event carries them. */
export function indicatorValuesOf(content: BulletinContent): Array<{
  indicator: analytics.Indicator;
  unitId: string;
  regionCode: string;
  numerator: bigint;
  denominator: bigint;
  complement: boolean;
}> {
  return content.values.map((value) => ({
    indicator: analytics.Indicator[value.indicator.toUpperCase() as keyof typeof analytics.Indicator],
    unitId: value.unitId,
    regionCode: value.regionCode,
    numerator: BigInt(value.numerator),
    denominator: BigInt(value.denominator),
    complement: value.complement,
  }));
}
