import { DirectChangeOfListedProjectRefused, RulesViolated, StateConflict } from '../shared/projects.errors';
import { decideProject, type LandingListRef, type ProjectCommand } from './project.decider';
import type { ProjectEvent } from './project.events';
import { description, LAND_USE, LISTED, PROJECT_ID, refusal, registered, UNIT } from './project.examples';
import { evolveProject, initialProjectState, type ProjectState } from './project.state';

const given = (...events: ProjectEvent[]): ProjectState => events.reduce(evolveProject, initialProjectState());
const when = (command: ProjectCommand, state: ProjectState) => decideProject(command, state);
const list: LandingListRef = { level: 'ADMINISTRATIVE_LEVEL_DISTRICT', regionCode: '310115', listingYear: 2025 };
const inside = { siteKnown: true, siteWithinList: true };

const milestone = (reachedOn: string, today = '2025-12-31'): ProjectCommand => ({
  type: 'RecordMilestone',
  data: { milestone: 'MILESTONE_CONSTRUCTION_STARTED', reachedOn, evidenceDocumentNumber: '3101152025112001', evidenceDescription: '', today },
});
const started: ProjectEvent = {
  type: 'projects.MilestoneReached',
  data: { projectId: PROJECT_ID, milestone: 'MILESTONE_CONSTRUCTION_STARTED', reachedOn: '2025-11-20', evidenceDocumentNumber: '3101152025112001', evidenceDescription: '' },
};
const exclusionRequested: ProjectEvent = {
  type: 'projects.ProjectExclusionRequested',
  data: { projectId: PROJECT_ID, exclusionRequestId: 'ex-1', reason: 'EXCLUSION_REASON_NATURAL_CONDITIONS', explanation: '台风', evidence: ['预警记录'] },
};
const closeOn = (today: string): ProjectCommand => ({ type: 'CloseYear', data: { today } });
const outcomeOf = (events: ProjectEvent[]) => (events[0]?.data as { outcome?: string }).outcome;

describe('a project of a same-year landing list', () => {
  it('is registered by its unit with what qualifies it', () => {
    const events = when(
      {
        type: 'RegisterProject',
        data: { projectId: PROJECT_ID, unitId: UNIT, level: 'ADMINISTRATIVE_LEVEL_DISTRICT', listRegionCode: '310115', listingYear: 2025, description: description(), documents: [LAND_USE], site: inside, today: '2025-09-01' },
      },
      given(),
    );
    expect(events).toEqual([registered()]);
  });

  it('is listed by a batch of its own list, while its target still qualifies', () => {
    expect(when({ type: 'ListProject', data: { list, batchId: 'batch-1', batchNumber: 1, publishedOn: '2025-09-26' } }, given(registered()))).toEqual([LISTED]);
    const otherList = refusal(() => when({ type: 'ListProject', data: { list: { ...list, regionCode: '310101' }, batchId: 'b', batchNumber: 1, publishedOn: '2025-09-26' } }, given(registered())));
    expect((otherList as RulesViolated).violations[0].rule).toBe('project-in-list');
    expect(refusal(() => when({ type: 'ListProject', data: { list, batchId: 'b2', batchNumber: 2, publishedOn: '2025-10-26' } }, given(registered(), LISTED)))).toBeInstanceOf(StateConflict);
  });

  it('records milestones reached by today and not before its list year, each once', () => {
    const listed = given(registered(), LISTED);
    expect(when(milestone('2025-12-31', '2025-12-31'), listed)).toHaveLength(1);
    expect((refusal(() => when(milestone('2026-01-01', '2025-12-31'), listed)) as RulesViolated).violations[0].rule).toBe('milestone-not-in-future');
    expect((refusal(() => when(milestone('2024-12-31'), listed)) as RulesViolated).violations[0].rule).toBe('milestone-not-before-list-year');
    expect((refusal(() => when(milestone('2025-11-21'), given(registered(), LISTED, started))) as StateConflict).code).toBe('milestone-already-recorded');
    expect((refusal(() => when(milestone('2025-11-21'), given(registered()))) as StateConflict).code).toBe('project-not-listed');
  });
});

describe('a listed project changes only by an approved change (未经批准不得擅自调整)', () => {
  it('records a direct change and refuses it', () => {
    const events = when({ type: 'AmendRegistration', data: { description: description({ target: 'LANDING_TARGET_COMPLETION_ACCEPTANCE' }), site: inside, actorUserId: 'pd-admin', today: '2025-10-01' } }, given(registered(), LISTED));
    expect(events).toEqual([
      {
        type: 'projects.ProjectUnauthorizedChangeAttempted',
        data: { projectId: PROJECT_ID, unitId: UNIT, regionCode: '310115', attemptedByUserId: 'pd-admin', attemptedChange: 'target' },
      },
    ]);
    expect(new DirectChangeOfListedProjectRefused(PROJECT_ID).outcome).toBe('conflict');
  });

  it('lets a registered project be corrected directly', () => {
    expect(when({ type: 'AmendRegistration', data: { description: description({ name: '一期（调整）' }), site: inside, actorUserId: 'pd-admin', today: '2025-09-02' } }, given(registered()))[0].type).toBe(
      'projects.ProjectRegistrationAmended',
    );
  });

  it('changes the target after the reform office approves, never before', () => {
    const request: ProjectCommand = { type: 'RequestChange', data: { changeRequestId: 'cr-1', changeKind: 'PROJECT_CHANGE_KIND_TARGET', proposedTarget: 'LANDING_TARGET_START_OR_OPEN', reason: 'x' } };
    expect((refusal(() => when(request, given(registered(), LISTED))) as RulesViolated).violations[0].rule).toBe('target-differs');
    // To completion acceptance it must be ready for acceptance, which this project is not.
    const toAcceptance: ProjectCommand = { type: 'RequestChange', data: { changeRequestId: 'cr-1', changeKind: 'PROJECT_CHANGE_KIND_TARGET', proposedTarget: 'LANDING_TARGET_COMPLETION_ACCEPTANCE', reason: 'x' } };
    expect((refusal(() => when(toAcceptance, given(registered(), LISTED))) as RulesViolated).violations[0].rule).toBe('ready-for-acceptance-required');

    const delisting: ProjectCommand = { type: 'RequestChange', data: { changeRequestId: 'cr-2', changeKind: 'PROJECT_CHANGE_KIND_DELISTING', proposedTarget: null, reason: '项目终止' } };
    const [requested] = when(delisting, given(registered(), LISTED));
    const pending = given(registered(), LISTED, requested);
    expect(pending.status).toBe('listed');
    expect((refusal(() => when(delisting, pending)) as StateConflict).code).toBe('change-request-open');
    const approved = when({ type: 'ApproveChange', data: { changeRequestId: 'cr-2', approvalReference: '浦审改办〔2025〕53号' } }, pending);
    expect(approved.map((event) => event.type)).toEqual(['projects.ProjectChangeApproved', 'projects.ProjectDelisted']);
    expect(given(registered(), LISTED, requested, ...approved).status).toBe('delisted');
    expect((refusal(() => when({ type: 'ApproveChange', data: { changeRequestId: 'cr-9', approvalReference: 'r' } }, pending)) as StateConflict).code).toBe('change-request-not-open');
  });
});

describe('an exclusion from the rate needs evidence and approval', () => {
  it('does not exclude on request; the reform office approves or refuses', () => {
    const request: ProjectCommand = { type: 'RequestExclusion', data: { exclusionRequestId: 'ex-1', reason: 'EXCLUSION_REASON_NATURAL_CONDITIONS', explanation: '台风', evidence: ['预警记录'] } };
    expect(when(request, given(registered(), LISTED))).toEqual([exclusionRequested]);
    expect((refusal(() => when({ ...request, data: { ...request.data, evidence: [] } }, given(registered(), LISTED))) as RulesViolated).violations[0].rule).toBe('evidence-required');
    expect((refusal(() => when(request, given(registered(), LISTED, started))) as StateConflict).code).toBe('already-landed');

    const pending = given(registered(), LISTED, exclusionRequested);
    expect(outcomeOf(when(closeOn('2026-01-01'), pending))).toBe('YEAR_OUTCOME_MISSED');
    const excluded = when({ type: 'ApproveExclusion', data: { exclusionRequestId: 'ex-1', approvalReference: '浦审改办〔2025〕60号' } }, pending);
    expect(excluded).toEqual([{ type: 'projects.ProjectExcluded', data: { ...exclusionRequested.data, approvalReference: '浦审改办〔2025〕60号' } }]);
    expect(outcomeOf(when(closeOn('2026-01-01'), given(registered(), LISTED, exclusionRequested, ...excluded)))).toBe('YEAR_OUTCOME_EXCLUDED');
    const rejected = when({ type: 'RejectExclusion', data: { exclusionRequestId: 'ex-1', reason: '证据不足' } }, pending);
    expect(outcomeOf(when(closeOn('2026-01-01'), given(registered(), LISTED, exclusionRequested, ...rejected)))).toBe('YEAR_OUTCOME_MISSED');
  });
});

describe('closing the list year', () => {
  it('is refused on 31 December and closes from 1 January', () => {
    expect((refusal(() => when(closeOn('2025-12-31'), given(registered(), LISTED))) as StateConflict).code).toBe('year-not-over');
    expect(when(closeOn('2026-01-01'), given(registered(), LISTED, started))).toEqual([
      {
        type: 'projects.ProjectYearClosed',
        data: { projectId: PROJECT_ID, listingYear: 2025, outcome: 'YEAR_OUTCOME_LANDED', unitId: UNIT, regionCode: '310115', level: 'ADMINISTRATIVE_LEVEL_DISTRICT', target: 'LANDING_TARGET_START_OR_OPEN' },
      },
    ]);
  });

  it('closes a year once, and closes nothing for a project that left the list or was never listed', () => {
    const [closed] = when(closeOn('2026-01-01'), given(registered(), LISTED));
    const afterClosing = given(registered(), LISTED, closed);
    expect(when(closeOn('2026-01-02'), afterClosing)).toEqual([]);
    expect(when(closeOn('2026-01-01'), given(registered()))).toEqual([]);
    expect((refusal(() => when(milestone('2025-12-30', '2026-01-02'), afterClosing)) as StateConflict).code).toBe('year-closed');
  });
});
