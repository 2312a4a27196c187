import { analytics } from '@sangeyipi/contracts';

const I = analytics.Indicator;

/** How an indicator's numerator and denominator make its value. */
export interface IndicatorDefinition {
  indicator: analytics.Indicator;
  /** Stable name used in JSON, URLs and the canonical bulletin. */
  name: string;
  label: string;
  /** 'rate': numerator / denominator; 'complement': 1 − numerator / denominator; 'count': numerator. */
  form: 'rate' | 'complement' | 'count';
}

/** DOMAIN.md "Indicators", in the order of the table (效能评估得分 is in efficiency.ts). */
export const INDICATORS: readonly IndicatorDefinition[] = [
  { indicator: I.COMMITTED_LIMIT_COMPRESSION, name: 'committed_limit_compression', label: '承诺时限压缩比', form: 'complement' },
  { indicator: I.ACTUAL_TIME_COMPRESSION, name: 'actual_time_compression', label: '实际办理压缩比', form: 'complement' },
  { indicator: I.IMMEDIATE_ITEM_SHARE, name: 'immediate_item_share', label: '即办件占比', form: 'rate' },
  { indicator: I.ON_THE_SPOT_COMPLETION_RATE, name: 'on_the_spot_completion_rate', label: '当场办结率', form: 'rate' },
  { indicator: I.ON_TIME_COMPLETION_RATE, name: 'on_time_completion_rate', label: '按期办结率', form: 'rate' },
  { indicator: I.OVERDUE_CASES, name: 'overdue_cases', label: '超期件数', form: 'count' },
  { indicator: I.ONE_TIME_NOTIFICATION_RATE, name: 'one_time_notification_rate', label: '一次告知率', form: 'rate' },
  { indicator: I.SAME_YEAR_START_RATE, name: 'same_year_start_rate', label: '当年开工开业率', form: 'rate' },
  { indicator: I.SAME_YEAR_COMPLETION_RATE, name: 'same_year_completion_rate', label: '当年竣工验收率', form: 'rate' },
  { indicator: I.INDUSTRIAL_APPROVAL_COMPRESSION, name: 'industrial_approval_compression', label: '产业项目审批压缩率', form: 'complement' },
  { indicator: I.INSPECTION_COVERAGE, name: 'inspection_coverage', label: '双随机覆盖率', form: 'rate' },
  { indicator: I.RESULT_PUBLICATION_TIMELINESS, name: 'result_publication_timeliness', label: '结果公示及时率', form: 'rate' },
  { indicator: I.GOOD_RATING_RATE, name: 'good_rating_rate', label: '好评率', form: 'rate' },
  { indicator: I.BAD_RATING_RECTIFICATION_RATE, name: 'bad_rating_rectification_rate', label: '差评整改率', form: 'rate' },
];

const BY_INDICATOR = new Map(INDICATORS.map((definition) => [definition.indicator, definition]));
const BY_NAME = new Map(INDICATORS.map((definition) => [definition.name, definition]));

export function definitionOf(indicator: analytics.Indicator): IndicatorDefinition {
  const definition = BY_INDICATOR.get(indicator);
  if (!definition) throw new Error(`indicator ${indicator} has no definition`);
  return definition;
}

export function definitionNamed(name: string): IndicatorDefinition | undefined {
  return BY_NAME.get(name);
}

/** The value of a figure as a number (for display and scoring); null when undefined (0 / 0). */
export function valueOf(form: IndicatorDefinition['form'], numerator: bigint, denominator: bigint): number | null {
  if (form === 'count') return Number(numerator);
  if (denominator === 0n) return null;
  const ratio = Number(numerator) / Number(denominator);
  return form === 'complement' ? 1 - ratio : ratio;
}
