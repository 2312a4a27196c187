import { create } from '@bufbuild/protobuf';
import { projects } from '@sangeyipi/contracts';
import { planProjectMessages } from './project-messages.plan';

const unit = { unitId: 'unit-1', webhookUrl: 'http://unit.example/hook', handlerId: 'clerk-1' };

describe('which projects event produces which message for whom', () => {
  it('a request for advance service (提前服务) goes to the serving unit and its handler', () => {
    const data = create(projects.AdvanceServiceRequestedSchema, { requestId: 'req-1', itemId: 'item-9', unitId: 'unit-1', applicant: { applicantId: 'firm-1' }, subject: '厂房选址' });

    const intents = planProjectMessages({ type: 'projects.AdvanceServiceRequested', data }, { unit });

    expect(intents.map((intent) => `${intent.recipient.kind}:${intent.recipient.id}`)).toEqual(['unit:unit-1', 'person:clerk-1']);
    expect(JSON.stringify(intents)).not.toContain('firm-1');
  });

  it('its completion tells the applicant what to settle before applying', () => {
    const data = create(projects.AdvanceServiceCompletedSchema, { requestId: 'req-1', completedOn: '2025-04-01', summary: '现场勘察完成', issuesToAddress: ['补充环评', '调整消防通道'] });
    const request = { requestId: 'req-1', applicantId: 'firm-1', unitId: 'unit-1', subject: '厂房选址' };

    const [intent, ...others] = planProjectMessages({ type: 'projects.AdvanceServiceCompleted', data }, { request });

    expect(others).toEqual([]);
    expect(intent).toMatchObject({ templateId: 'advance-service-completed', recipient: { kind: 'person', id: 'firm-1' }, params: { issues: '补充环评；调整消防通道' } });
    expect(planProjectMessages({ type: 'projects.AdvanceServiceCompleted', data }, {})).toEqual([]);
  });

  it('its appointment tells the applicant when, where and who, and each assigned staff member', () => {
    const data = create(projects.AdvanceServiceScheduledSchema, {
      requestId: 'req-1',
      scheduledOn: '2025-03-20',
      location: '临港厂区',
      staff: [{ userId: 'clerk-1', badge: 'HP-07' }, { userId: 'clerk-2', badge: 'HP-08' }],
    });
    const request = { requestId: 'req-1', applicantId: 'firm-1', unitId: 'unit-1', subject: '厂房选址' };

    const intents = planProjectMessages({ type: 'projects.AdvanceServiceScheduled', data }, { request });

    expect(intents.map((intent) => `${intent.templateId} → ${intent.recipient.id}`)).toEqual([
      'advance-service-scheduled → firm-1',
      'advance-service-assigned → clerk-1',
      'advance-service-assigned → clerk-2',
    ]);
    expect(intents[0].params).toMatchObject({ scheduledOn: '2025-03-20', location: '临港厂区', badges: 'HP-07、HP-08' });
  });

  it('an industrial approval chain at risk (two thirds of the statutory time) and refused changes go to the unit following the project', () => {
    const project = { projectId: 'prj-1', name: '临港芯片厂', unitId: 'unit-1' };
    const atRisk = create(projects.IndustrialApprovalAtRiskSchema, { projectId: 'prj-1', budgetDays: 40, elapsedDays: 30, forecastDays: 45 });
    const refused = create(projects.ProjectExclusionRejectedSchema, { projectId: 'prj-1', reason: '不属于自然条件' });

    const [toUnit, toHandler] = planProjectMessages({ type: 'projects.IndustrialApprovalAtRisk', data: atRisk }, { project, unit });
    expect([toUnit.recipient, toHandler.recipient]).toEqual([
      { kind: 'unit', id: 'unit-1' },
      { kind: 'person', id: 'clerk-1' },
    ]);
    expect(toUnit.params).toMatchObject({ projectName: '临港芯片厂', forecastDays: '45', budgetDays: '40' });
    expect(planProjectMessages({ type: 'projects.ProjectExclusionRejected', data: refused }, { project, unit }).map((intent) => intent.recipient)).toEqual([
      { kind: 'unit', id: 'unit-1' },
    ]);
  });
});
