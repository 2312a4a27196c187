import type { Provider } from '@nestjs/common';
import { cases, catalog, common } from '@sangeyipi/contracts';
import { PostgresEventStore, type EventMetadata } from '@sangeyipi/eventstore';
import type { EventSubscriber, IntegrationEvent } from '@sangeyipi/messaging';
import { CLOCK, WorkingDayCalendar, type Clock } from '@sangeyipi/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { SupervisionConfig } from '../config/supervision-config.schema';
import { isListSafeId } from '../draw/verifiable-draw';
import { FindingCommandHandler } from '../finding/finding.command-handler';
import type { ApplicantRef } from '../supervision.events';
import { streamIds, SupervisionStreams } from '../supervision-streams.repository';
import { VerificationCommandHandler } from '../verification/verification.command-handler';
import { findingFromWatchedEvent } from './watch.rules';

/** Where a finding with no better region goes: the city's supervisors see every region. */
const CITY = '310000';

const APPLICANT_KINDS: Record<number, ApplicantRef['kind']> = {
  [common.ApplicantKind.PERSON]: 'APPLICANT_KIND_PERSON',
  [common.ApplicantKind.ENTERPRISE]: 'APPLICANT_KIND_ENTERPRISE',
};

/**
 * Kafka only: supervision's reactions to the other contexts, each in the consumer's transaction (a
 * redelivery changes nothing: the message id is recorded with the change, and every record created
 * here has an id derived from its source).
 * - cases: the local copy of cases (who applied, which unit; completed → ratable once), a
 *   verification task per 告知承诺 decision, findings for overdue cases and refused fee attempts;
 * - catalog: registered service units enter the target registry; unauthorized edits become findings;
 * - projects: a same-year project closed as missed becomes a finding.
 */
export class OtherContextsEventsConsumer implements EventSubscriber {
  readonly purpose = 'watch';
  readonly contexts = ['cases', 'catalog', 'projects'] as const;

  constructor(
    private readonly streams: SupervisionStreams,
    private readonly findings: FindingCommandHandler,
    private readonly verifications: VerificationCommandHandler,
  ) {}

  readonly handle = async (event: IntegrationEvent, manager: EntityManager): Promise<void> => {
    switch (event.type) {
      case 'cases.CaseReceived': {
        const d = event.data as cases.CaseReceived;
        await manager.query(
          `INSERT INTO sup_cases (case_id, unit_id, item_id, region_code, applicant_kind, applicant_id) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (case_id) DO NOTHING`,
          [d.caseId, d.unitId, d.itemId, event.regionCode, APPLICANT_KINDS[d.applicant?.kind ?? 0] ?? 'APPLICANT_KIND_PERSON', d.applicant?.applicantId ?? ''],
        );
        return;
      }
      case 'cases.CaseDecided':
      case 'cases.DocumentDelivered':
        await manager.query(`UPDATE sup_cases SET completed = true WHERE case_id = $1`, [(event.data as { caseId: string }).caseId]);
        return;
      case 'cases.CommitmentVerificationRequested': {
        const d = event.data as cases.CommitmentVerificationRequested;
        const applicant = { kind: APPLICANT_KINDS[d.applicant?.kind ?? 0] ?? 'APPLICANT_KIND_PERSON', applicantId: d.applicant?.applicantId ?? '' };
        const region = await this.regionOf(event, d.caseId, manager);
        await this.verifications.open({ caseId: d.caseId, unitId: d.unitId, itemId: d.itemId, applicant, decidedOn: d.decidedOn }, this.metadata(event, region), manager);
        return;
      }
      case 'catalog.ServiceUnitRegistered': {
        const d = event.data as catalog.ServiceUnitRegistered;
        const streamId = streamIds.target(d.unitId);
        const { version } = await this.streams.load(streamId, null, (s) => s, manager);
        if (version > 0 || !isListSafeId(d.unitId)) return; // registered by hand already, or an id the draw lists cannot hold
        const target = { targetId: d.unitId, kind: 'TARGET_KIND_SERVICE_UNIT' as const, name: d.name, affiliatedUnitId: d.unitId, regionCode: d.regionCode };
        await this.streams.append([{ streamId, expectedVersion: 0, events: [{ type: 'supervision.InspectionTargetRegistered', data: target }] }], this.metadata(event, d.regionCode), manager);
        return;
      }
      default: {
        const finding = findingFromWatchedEvent(event);
        if (!finding?.unitId) return; // not watched, or names no unit to hold responsible
        await this.findings.raise(finding, this.metadata(event, await this.regionOf(event, finding.caseId, manager)), manager);
      }
    }
  };

  /**
   * The region a finding or verification task falls under, so that its supervisors can act on it: the event's, else the
   * region its data names, else the region of the case when cases received it (cases' timers, e.g. the
   * one raising CaseOverdue, act without one), else the city.
   */
  private async regionOf(event: IntegrationEvent, caseId: string, manager: EntityManager): Promise<string> {
    const named = event.regionCode || (event.data as { regionCode?: string }).regionCode;
    if (named) return named;
    if (caseId) {
      const [row] = (await manager.query(`SELECT region_code FROM sup_cases WHERE case_id = $1`, [caseId])) as { region_code: string }[];
      if (row?.region_code) return row.region_code;
    }
    return CITY;
  }

  private metadata(event: IntegrationEvent, regionCode = event.regionCode): EventMetadata {
    return { correlationId: event.correlationId || event.eventId, causationId: event.eventId, actor: { id: 'system:supervision-watch', role: 'system' }, regionCode };
  }
}

/**
 * Subscribers are instantiated inside EventBackboneModule, which sees the event store but not the
 * supervision module: the consumer gets its own handlers over the same store. Its appends leave with
 * the relay's next poll.
 */
export const OTHER_CONTEXTS_EVENTS_CONSUMER: Provider = {
  provide: OtherContextsEventsConsumer,
  // The service's one calendar (global, from CalendarNoticesModule), so the consumer counts with the entered notices too.
  inject: [PostgresEventStore, DataSource, WorkingDayCalendar, CLOCK, SupervisionConfig],
  useFactory: (store: PostgresEventStore, dataSource: DataSource, calendar: WorkingDayCalendar, clock: Clock, config: SupervisionConfig) => {
    const streams = new SupervisionStreams(store, dataSource);
    return new OtherContextsEventsConsumer(
      streams,
      new FindingCommandHandler(streams, calendar, clock),
      new VerificationCommandHandler(streams, calendar, clock, config.SUPERVISION_VERIFICATION_DAYS),
    );
  },
};
