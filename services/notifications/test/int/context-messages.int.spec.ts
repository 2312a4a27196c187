import { cases, common, supervision } from '@sangeyipi/contracts';
import { addCalendarDays, toShanghaiDate } from '@sangeyipi/platform';
import { eventually, signTestToken, type ServiceUnderTest } from '@sangeyipi/testing';
import { DataSource } from 'typeorm';
import { startHttpReceiver, startNotifications, startReplica, startSmtpReceiver, type ContextEventSource } from './notifications.fixture';

type Smtp = Awaited<ReturnType<typeof startSmtpReceiver>>;
type Http = Awaited<ReturnType<typeof startHttpReceiver>>;

interface InboxPage {
  messages: { subject: string; body: string }[];
}

describe('messages from supervision, projects, the catalog and the cases desk', () => {
  let smtp: Smtp;
  let http: Http;
  let service: ServiceUnderTest;
  let replica: ServiceUnderTest;
  let casesSource: ContextEventSource;
  let supervisionSource: ContextEventSource;
  let projectsSource: ContextEventSource;
  let catalogSource: ContextEventSource;

  const call = async (path: string, user: { userId: string; roles: string[] }, init: RequestInit = {}) =>
    fetch(`${service.url}${path}`, { ...init, headers: { authorization: `Bearer ${await signTestToken(user)}`, 'content-type': 'application/json' } });
  const put = async (path: string, user: { userId: string; roles: string[] }, body: object) => {
    const response = await call(path, user, { method: 'PUT', body: JSON.stringify(body) });
    expect(response.status).toBe(200);
  };
  const email = (userId: string, address: string, language = 'zh-CN') =>
    put('/preferences', { userId, roles: ['clerk'] }, { email: address, language, channels: ['email'] });
  const mailsTo = (address: string) => smtp.mails.filter((mail) => mail.to === address);
  const hook = (unit: string, templateId?: string) =>
    http.requests.filter((request) => request.path === `/${unit}-hook` && (!templateId || request.body.templateId === templateId));
  const inbox = async (userId: string) => ((await (await call('/inbox', { userId, roles: ['clerk'] })).json()) as InboxPage).messages;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    http = await startHttpReceiver();
    const started = await startNotifications({ SMTP_URL: smtp.url, QUIET_HOURS: 'off', RECTIFICATION_REMINDER_WORKING_DAYS: '2' });
    ({ service, cases: casesSource } = started);
    supervisionSource = started.source('supervision');
    projectsSource = started.source('projects');
    catalogSource = started.source('catalog');
    replica = await startReplica(started.sharedEnv);

    const operator = { userId: 'ops-1', roles: ['operations_admin'] };
    await put('/units/unit-s/contacts', operator, { webhookUrl: `${http.url}/unit-s-hook`, handlerId: 'clerk-s', backupId: 'clerk-s2', supervisorId: 'boss-s' });
    await put('/units/unit-t/contacts', operator, { webhookUrl: `${http.url}/unit-t-hook`, handlerId: 'clerk-t' });
    await email('insp-1', 'insp1@example.cn');
    await email('insp-2', 'insp2@example.cn', 'en');
    await email('boss-s', 'boss@example.cn');
    await email('clerk-t', 'clerk-t@example.cn');
    await email('clerk-s2', 'clerk-s2@example.cn');
    await put('/preferences', { userId: 'app-v', roles: ['applicant'] }, { email: 'app-v@example.cn', language: 'zh-CN', channels: ['email'] });
    await put('/preferences', { userId: 'firm-1', roles: ['applicant'] }, { email: 'firm@example.cn', language: 'zh-CN', channels: ['email'] });
    await casesSource.publish(
      casesSource.event('case-s', 'cases.CaseReceived', { caseId: 'case-s', receiptVoucherNumber: 'SJ-S', unitId: 'unit-s', applicant: { applicantId: 'app-v' } }),
    );
    await eventually(() => mailsTo('app-v@example.cn').length === 1);
  });
  afterAll(async () => {
    await casesSource?.close();
    await supervisionSource?.close();
    await projectsSource?.close();
    await catalogSource?.close();
    await replica?.close();
    await service?.close();
    await smtp?.close();
    await http?.close();
  });

  it('a 双随机 draw tells each drawn inspector, in their language, and never the target', async () => {
    await supervisionSource.publish(
      supervisionSource.event('plan-1', 'supervision.InspectionPlanned', { planId: 'plan-1', title: '窗口服务暗访', method: supervision.InspectionMethod.UNDERCOVER, drawOn: '2026-03-02' }),
      supervisionSource.event('plan-1', 'supervision.InspectionDrawn', {
        planId: 'plan-1',
        seed: 'ab',
        inspections: [{ inspectionId: 'insp-a', targetId: 'unit-s', inspectorIds: ['insp-1', 'insp-2'] }],
      }),
    );

    await eventually(() => mailsTo('insp1@example.cn').length === 1 && mailsTo('insp2@example.cn').length === 1);
    expect(mailsTo('insp1@example.cn')[0]).toMatchObject({ subject: '双随机检查任务：窗口服务暗访', text: expect.stringContaining('（暗访），检查对象：unit-s') });
    expect(mailsTo('insp2@example.cn')[0].subject).toBe('Inspection assignment: 窗口服务暗访');
    expect(hook('unit-s', 'inspection-assigned')).toEqual([]);
  });

  it('a rectification order reaches the unit now; its reminder waits for its day and is sent once by two replicas', async () => {
    const dueOn = addCalendarDays(toShanghaiDate(new Date()), 14);
    await supervisionSource.publish(
      supervisionSource.event('finding-1', 'supervision.RectificationOrdered', { findingId: 'finding-1', unitId: 'unit-s', requiredActions: ['退还加急费'], dueOn }),
    );

    await eventually(() => hook('unit-s', 'rectification-ordered').length === 1 && mailsTo('boss@example.cn').length === 1);
    expect(mailsTo('boss@example.cn')[0].text).toBe(`贵单位须就问题 finding-1 完成整改：退还加急费。请于 ${dueOn} 前答复。`);
    const database = service.app.get(DataSource);
    const reminders = await database.query(`SELECT channel, status, not_before FROM deliveries WHERE dedup_key LIKE '%/reminder' ORDER BY channel`);
    expect(reminders.map((row: { channel: string; status: string }) => [row.channel, row.status])).toEqual([
      ['email', 'pending'],
      ['inbox', 'pending'],
      ['webhook', 'pending'],
    ]);
    for (const { not_before: at } of reminders as { not_before: Date }[]) {
      expect(at.getUTCHours()).toBe(1); // 09:00 in Shanghai
      expect(at.getTime()).toBeGreaterThan(Date.now());
      expect(toShanghaiDate(at) < dueOn).toBe(true);
    }

    // The day comes: both replicas poll, each reminder goes out once.
    await database.query(`UPDATE deliveries SET not_before = now() WHERE dedup_key LIKE '%/reminder'`);
    await eventually(async () => {
      const rows = await database.query(`SELECT status FROM deliveries WHERE dedup_key LIKE '%/reminder'`);
      return rows.every((row: { status: string }) => row.status === 'delivered');
    });
    expect(hook('unit-s', 'rectification-due').map((request) => request.body.subject)).toEqual([`整改即将到期：${dueOn}`]);
    expect(mailsTo('boss@example.cn').map((mail) => mail.subject)).toEqual(['责令整改通知', `整改即将到期：${dueOn}`]);
    const claims = await database.query(`SELECT claim_count FROM deliveries WHERE dedup_key LIKE '%/reminder'`);
    expect(claims.map((row: { claim_count: number }) => row.claim_count)).toEqual([1, 1, 1]);
  });

  it('a commitment verification outcome (告知承诺核查) reaches the applicant, naming the receipt voucher', async () => {
    await supervisionSource.publish(
      supervisionSource.event('verification-1', 'supervision.CommitmentVerificationConcluded', {
        verificationId: 'verification-1',
        caseId: 'case-s',
        unitId: 'unit-s',
        applicant: { applicantId: 'app-v' },
        outcome: supervision.CommitmentVerificationOutcome.FALSE_COMMITMENT,
        summary: '场地面积与承诺不符',
        concludedOn: '2026-03-20',
      }),
    );

    await eventually(() => mailsTo('app-v@example.cn').length === 2);
    expect(mailsTo('app-v@example.cn')[1]).toMatchObject({ subject: '告知承诺核查结果：承诺不实', text: expect.stringContaining('收件凭证 SJ-S') });
  });

  it('assistance requested and answered (行政协助) go to the units concerned, never to the applicant', async () => {
    await casesSource.publish(
      casesSource.event('case-s', 'cases.AssistanceRequested', {
        caseId: 'case-s',
        requestId: 'r-1',
        fromUnitId: 'unit-s',
        toUnitId: 'unit-t',
        question: '是否符合规划',
        limitDays: 5,
        dueOn: '2026-03-09',
      }),
      casesSource.event('case-s', 'cases.AssistanceAnswered', { caseId: 'case-s', requestId: 'r-1', unitId: 'unit-t', opinion: '符合规划', answeredByUserId: 'clerk-t' }),
    );

    await eventually(
      () => hook('unit-t', 'assistance-requested').length === 1 && hook('unit-s', 'assistance-answered').length === 1 && mailsTo('clerk-t@example.cn').length === 1,
    );
    expect(mailsTo('clerk-t@example.cn').map((mail) => mail.subject)).toEqual(['行政协助请求 SJ-S']);
    expect(hook('unit-s', 'assistance-answered')[0].body.body).toBe('unit-t 已就案件 SJ-S 答复（是否符合规划）：符合规划');
    await eventually(async () => (await inbox('clerk-s')).some((message) => message.subject === '行政协助已答复 SJ-S'));
    expect(mailsTo('app-v@example.cn')).toHaveLength(2);
  });

  it('an AB reassignment tells the new handler and the absent handler’s named backup; a deadline warning the handler and backup', async () => {
    await casesSource.publish(
      casesSource.event('backup-unit-s-clerk-s', 'cases.HandlerBackupNamed', { unitId: 'unit-s', handlerUserId: 'clerk-s', backupUserId: 'clerk-s2' }),
      casesSource.event('case-s', 'cases.CaseReassigned', { caseId: 'case-s', fromUserId: 'clerk-s', toUserId: 'clerk-x', reason: cases.ReassignmentReason.HANDOVER }),
      casesSource.event('case-s', 'cases.CaseDeadlineApproaching', {
        caseId: 'case-s',
        unitId: 'unit-s',
        committedDeadline: '2026-03-13',
        workingDaysLeft: 2,
        pendingStep: common.ApprovalStep.REVIEW,
      }),
    );

    await eventually(async () => (await inbox('clerk-x')).length === 1 && mailsTo('clerk-s2@example.cn').length === 2);
    expect((await inbox('clerk-x'))[0].subject).toBe('案件转办 SJ-S');
    expect(mailsTo('clerk-s2@example.cn').map((mail) => mail.subject)).toEqual(['案件转办 SJ-S', '【预警】SJ-S 剩余 2 个工作日']);
    await eventually(() => hook('unit-s', 'case-deadline-approaching').length === 1);
    expect((await inbox('boss-s')).map((message) => message.subject)).not.toContain('【预警】SJ-S 剩余 2 个工作日');
  });

  it('an advance service (提前服务) is announced to the serving unit, its appointment to the applicant and the staff, its outcome to the applicant', async () => {
    await projectsSource.publish(
      projectsSource.event('req-1', 'projects.AdvanceServiceRequested', { requestId: 'req-1', itemId: 'item-9', unitId: 'unit-s', applicant: { applicantId: 'firm-1' }, subject: '厂房选址' }),
      projectsSource.event('req-1', 'projects.AdvanceServiceScheduled', { requestId: 'req-1', scheduledOn: '2026-03-25', location: '临港厂区', staff: [{ userId: 'clerk-s2', badge: 'HP-08' }] }),
      projectsSource.event('req-1', 'projects.AdvanceServiceCompleted', { requestId: 'req-1', completedOn: '2026-04-01', summary: '现场勘察完成', issuesToAddress: ['补充环评'] }),
    );

    await eventually(() => hook('unit-s', 'advance-service-requested').length === 1 && mailsTo('firm@example.cn').length === 2);
    expect(mailsTo('firm@example.cn').map((mail) => mail.text)).toEqual([
      '您申请的提前服务（厂房选址）已安排于 2026-03-25 在 临港厂区 进行，服务人员工号：HP-08。',
      '您申请的提前服务（厂房选址）已于 2026-04-01 完成：现场勘察完成。正式申请前请落实：补充环评。',
    ]);
    await eventually(() => mailsTo('clerk-s2@example.cn').some((mail) => mail.subject === '提前服务任务：厂房选址'));
  });

  it('an answered rectification withdraws its pending reminder; an unanswered one past due alerts the unit at once', async () => {
    const dueOn = addCalendarDays(toShanghaiDate(new Date()), 14);
    await supervisionSource.publish(
      supervisionSource.event('finding-2', 'supervision.RectificationOrdered', { findingId: 'finding-2', unitId: 'unit-s', requiredActions: ['公开承诺'], dueOn }),
    );
    const database = service.app.get(DataSource);
    const reminders = `SELECT status FROM deliveries WHERE dedup_key LIKE '%/reminder' AND withdraw_key = 'rectification:finding-2'`;
    await eventually(async () => (await database.query(reminders)).length === 3);

    await supervisionSource.publish(
      supervisionSource.event('finding-2', 'supervision.RectificationAnswered', { findingId: 'finding-2', unitId: 'unit-s', answer: '已公开承诺', answeredOn: dueOn }),
      supervisionSource.event('finding-3', 'supervision.RectificationOverdue', { findingId: 'finding-3', unitId: 'unit-s', dueOn: '2026-03-01' }),
    );

    await eventually(async () => (await database.query(reminders)).every((row: { status: string }) => row.status === 'withdrawn'));
    await eventually(() => hook('unit-s', 'rectification-overdue').length === 1);
    expect(hook('unit-s', 'rectification-overdue')[0].body.subject).toBe('【整改超期】finding-3');
  });

  it('a bad rating is referred to the unit without the applicant; the unit’s answer and a complaint’s outcome reach the person', async () => {
    const before = mailsTo('app-v@example.cn').length;
    await supervisionSource.publish(
      supervisionSource.event('rating-1', 'supervision.CaseRated', {
        ratingId: 'rating-1',
        caseId: 'case-s',
        unitId: 'unit-s',
        applicant: { applicantId: 'app-v' },
        grade: supervision.RatingGrade.DISSATISFIED,
        comment: '窗口无人',
      }),
      supervisionSource.event('rating-1', 'supervision.BadRatingReferred', {
        ratingId: 'rating-1',
        caseId: 'case-s',
        unitId: 'unit-s',
        grade: supervision.RatingGrade.DISSATISFIED,
        answerDueOn: '2026-03-20',
      }),
      supervisionSource.event('rating-1', 'supervision.BadRatingAnswered', { ratingId: 'rating-1', unitId: 'unit-s', justified: true, answer: '已增设导办员' }),
      supervisionSource.event('complaint-1', 'supervision.ComplaintLodged', { complaintId: 'complaint-1', subjectId: 'unit-s', complainant: { applicantId: 'app-v' }, lodgedOn: '2026-03-02' }),
      supervisionSource.event('complaint-1', 'supervision.ComplaintResolved', { complaintId: 'complaint-1', subjectId: 'unit-s', substantiated: false, note: '经调取录像，窗口正常服务' }),
    );

    await eventually(() => hook('unit-s', 'bad-rating-received').length === 1 && mailsTo('app-v@example.cn').length === before + 2);
    expect(hook('unit-s', 'bad-rating-received')[0].body.body).toBe('案件 SJ-S 收到“不满意”评价：窗口无人。请核实、整改，并于 2026-03-20 前答复。');
    expect(mailsTo('app-v@example.cn').slice(before).map((mail) => mail.text)).toEqual([
      '您对事项（收件凭证 SJ-S）的评价，办理单位已核实并答复：已增设导办员',
      '您于 2026-03-02 提出的投诉经核查情况不属实：经调取录像，窗口正常服务',
    ]);
  });

  it('a project at risk of missing two thirds of the statutory time, a refused exclusion and an overdue rating answer reach the unit', async () => {
    await projectsSource.publish(
      projectsSource.event('project-1', 'projects.ProjectRegistered', { projectId: 'project-1', name: '临港芯片厂', unitId: 'unit-s', industrial: true }),
      projectsSource.event('project-1', 'projects.IndustrialApprovalAtRisk', { projectId: 'project-1', budgetDays: 40, elapsedDays: 30, forecastDays: 45 }),
      projectsSource.event('project-1', 'projects.ProjectExclusionRejected', { projectId: 'project-1', exclusionRequestId: 'x-1', reason: '不属于自然条件' }),
    );
    await supervisionSource.publish(
      supervisionSource.event('rating-1', 'supervision.BadRatingAnswerOverdue', { ratingId: 'rating-1', unitId: 'unit-s', answerDueOn: '2026-03-20' }),
    );

    await eventually(
      () =>
        hook('unit-s', 'industrial-approval-at-risk').length === 1 &&
        hook('unit-s', 'project-exclusion-rejected').length === 1 &&
        hook('unit-s', 'bad-rating-answer-overdue').length === 1,
    );
    expect(hook('unit-s', 'industrial-approval-at-risk')[0].body.subject).toBe('产业项目审批预警：临港芯片厂');
    expect(hook('unit-s', 'bad-rating-answer-overdue')[0].body.subject).toBe('【差评答复超期】SJ-S');
  });

  it('a catalog item sent back by the reform office reaches its unit', async () => {
    await catalogSource.publish(
      catalogSource.event('catalog-item-9', 'catalog.CatalogItemRejected', { itemId: 'item-9', unitId: 'unit-s', reason: '法定时限填写有误' }),
    );

    await eventually(() => hook('unit-s', 'catalog-item-rejected').length === 1);
    expect(hook('unit-s', 'catalog-item-rejected')[0].body.body).toBe('事项 item-9 经审改办审核退回：法定时限填写有误。请修改后重新提交。');
  });

  it('no unit webhook ever carries an applicant’s id', () => {
    const unitPayloads = JSON.stringify(http.requests.filter((request) => request.path.endsWith('-hook')));
    expect(unitPayloads).toContain('SJ-S');
    expect(unitPayloads).not.toContain('app-v');
    expect(unitPayloads).not.toContain('firm-1');
  });
});
