// The indicator projection and the statistics bulletin, shared by the analytics service (which
// keeps the projection live and publishes bulletins) and the auditor's tool (which replays the
// history to check them): one definition of every formula and of the digest.
export type { CalendarFact, CalendarNotice, CaseFact, CatalogKindName, Fact, FoldableEvent, ItemFact, Level, ProjectFact, RatingFact, UnitFact } from './fact.types';
export { factKeyOf, foldEvent, levelName, type FoldOutcome } from './fold';
export { FactFolder, type FoldCounts } from './fact-folder';
export { INDICATORS, definitionNamed, definitionOf, valueOf, type IndicatorDefinition } from './indicators';
export { InvalidPeriodError, PERIOD_KINDS, parsePeriod, periodInstants, previousMonth, type Period, type PeriodKind } from './period';
export { computeFigures, itemStateAt, RESULT_PUBLICATION_LIMIT_DAYS, type FigureQuery, type FigureRow } from './figures';
export {
  RULES_VERSION,
  bulletinDigest,
  bulletinValues,
  canonicalBulletin,
  computeBulletinContent,
  indicatorValuesOf,
  type BulletinContent,
  type BulletinValue,
} from './bulletin';
export { EFFICIENCY_WEIGHTS, assessEfficiency, type EfficiencyAssessment, type ScorePart, type UnitScore } from './efficiency';
export { decodeForFold, decodeHistoryMessage, type DecodedMessage, type HistoryMessage } from './history-decoder';
export { currentRanges, readHistory, type PartitionRange, type ReadHistoryOptions } from './kafka-history.reader';
export { IndicatorFactStore, type Delivery, type FactSnapshot, type RebuildOptions, type RebuildReport } from './indicator-fact.store';
export { CreateIndicatorFacts1764800000000 } from './indicator-facts.migration';
export { UpgradeIndicatorFacts1764800000200 } from './indicator-facts-v2.migration';
