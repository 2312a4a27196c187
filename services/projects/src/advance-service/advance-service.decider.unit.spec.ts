import { RulesViolated, StateConflict } from '../shared/projects.errors';
import { refusal } from '../project/project.examples';
import { decideAdvanceService, evolveAdvanceService, initialAdvanceServiceState, type AdvanceServiceCommand, type AdvanceServiceItem, type AdvanceServiceState } from './advance-service.decider';
import type { AdvanceServiceApproach, AdvanceServiceEvent } from './advance-service.events';

const item: AdvanceServiceItem = {
  itemId: 'site-guidance',
  unitId: 'unit-310115-ghzy',
  regionCode: '310115',
  advanceService: true,
  withdrawn: false,
  approaches: ['ADVANCE_SERVICE_APPROACH_ON_SITE', 'ADVANCE_SERVICE_APPROACH_FULL_TRACKING'],
  kinds: ['ADVANCE_SERVICE_KIND_SITE_SURVEY', 'ADVANCE_SERVICE_KIND_TECHNICAL_CONSULTATION'],
};
const applicant = { kind: 'APPLICANT_KIND_ENTERPRISE' as const, applicantId: '91310115MA1K4ABC12' };
const request = (overrides: Partial<Extract<AdvanceServiceCommand, { type: 'RequestAdvanceService' }>['data']> = {}): AdvanceServiceCommand => ({
  type: 'RequestAdvanceService',
  data: {
    requestId: 'r1',
    item,
    itemId: item.itemId,
    applicant,
    projectId: '',
    approach: 'ADVANCE_SERVICE_APPROACH_ON_SITE',
    kinds: ['ADVANCE_SERVICE_KIND_SITE_SURVEY'],
    focuses: ['ADVANCE_SERVICE_FOCUS_SITE_SELECTION'],
    subject: '厂房选址',
    origin: 'ADVANCE_SERVICE_ORIGIN_REQUESTED_BY_APPLICANT',
    targetItemIds: ['building-permit'],
    today: '2025-10-09',
    ...overrides,
  },
});
const run = (state: AdvanceServiceState, command: AdvanceServiceCommand) => decideAdvanceService(command, state).reduce(evolveAdvanceService, state);
const requested = (approach: AdvanceServiceApproach = 'ADVANCE_SERVICE_APPROACH_ON_SITE', targetItemIds = ['building-permit']) =>
  run(initialAdvanceServiceState(), request({ approach, targetItemIds }));
const link = (caseId: string, itemId: string, receivedOn = '2025-10-20', applicantId = applicant.applicantId, unitId = 'unit-310115-jw'): AdvanceServiceCommand => ({
  type: 'LinkCase',
  data: { caseId, itemId, unitId, applicantId, receivedOn },
});
const linkedCaseIds = (events: AdvanceServiceEvent[]) => events.map((event) => (event.data as { caseId: string }).caseId);

describe('an advance service (提前服务)', () => {
  it('is requested for an advance-service item, in an approach and kinds the item offers', () => {
    const [event] = decideAdvanceService(request(), initialAdvanceServiceState());
    expect(event).toMatchObject({ type: 'projects.AdvanceServiceRequested', data: { unitId: item.unitId, regionCode: '310115', requestedOn: '2025-10-09' } });
    const rules = (command: AdvanceServiceCommand) => (refusal(() => decideAdvanceService(command, initialAdvanceServiceState())) as RulesViolated).violations.map((v) => v.rule);
    expect(rules(request({ approach: 'ADVANCE_SERVICE_APPROACH_EARLY_INVOLVEMENT' }))).toEqual(['approach-offered-by-item']);
    expect(rules(request({ kinds: ['ADVANCE_SERVICE_KIND_TESTING'] }))).toEqual(['kind-offered-by-item']);
    expect(rules(request({ item: { ...item, advanceService: false } }))).toEqual(['advance-service-item']);
    expect(rules(request({ item: null }))).toEqual(['published-item']);
  });

  it('is scheduled for today or later, then delivered by today with findings and advice', () => {
    const schedule = (scheduledOn: string): AdvanceServiceCommand => ({ type: 'ScheduleService', data: { scheduledOn, staff: [{ userId: 's1', badge: 'PD-1' }], location: '现场', today: '2025-10-09' } });
    expect((refusal(() => decideAdvanceService(schedule('2025-10-08'), requested())) as RulesViolated).violations[0].rule).toBe('schedule-not-in-past');
    const deliver = (completedOn: string, today = '2025-10-10'): AdvanceServiceCommand => ({ type: 'DeliverService', data: { completedOn, summary: '完成', findings: ['间距不足'], issuesToAddress: ['调整布局'], today } });
    expect((refusal(() => decideAdvanceService(deliver('2025-10-10'), requested())) as StateConflict).code).toBe('not-scheduled');
    const scheduled = run(requested(), schedule('2025-10-09'));
    expect((refusal(() => decideAdvanceService(deliver('2025-10-11'), scheduled)) as RulesViolated).violations[0].rule).toBe('delivery-not-in-future');
    const delivered = run(scheduled, deliver('2025-10-10'));
    expect(delivered.status).toBe('delivered');
    expect((refusal(() => decideAdvanceService(schedule('2025-10-12'), delivered)) as StateConflict).code).toBe('already-delivered');
  });

  it("links the applicant's later case for a target item, once per item", () => {
    const service = requested();
    expect(linkedCaseIds(decideAdvanceService(link('c1', 'building-permit'), service))).toEqual(['c1']);
    expect(decideAdvanceService(link('c0', 'building-permit', '2025-10-08'), service)).toEqual([]); // before the request
    expect(decideAdvanceService(link('c1', 'building-permit', '2025-10-20', 'someone-else'), service)).toEqual([]);
    expect(decideAdvanceService(link('c1', 'other-item'), service)).toEqual([]);
    const linked = run(service, link('c1', 'building-permit'));
    expect(decideAdvanceService(link('c2', 'building-permit'), linked)).toEqual([]);
  });

  it('follows every later case with full tracking (全程跟踪), and without targets the cases of the serving unit', () => {
    const tracking = run(requested('ADVANCE_SERVICE_APPROACH_FULL_TRACKING'), link('c1', 'building-permit'));
    expect(linkedCaseIds(decideAdvanceService(link('c2', 'building-permit'), tracking))).toEqual(['c2']);
    expect(decideAdvanceService(link('c1', 'building-permit'), tracking)).toEqual([]);
    const untargeted = requested('ADVANCE_SERVICE_APPROACH_ON_SITE', []);
    expect(linkedCaseIds(decideAdvanceService(link('c3', 'any', '2025-10-20', applicant.applicantId, item.unitId), untargeted))).toEqual(['c3']);
    expect(decideAdvanceService(link('c4', 'any', '2025-10-20', applicant.applicantId, 'another-unit'), untargeted)).toEqual([]);
  });
});
