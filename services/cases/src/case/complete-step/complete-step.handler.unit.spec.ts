import { ForbiddenException } from '@nestjs/common';
import { StreamVersionConflictError } from '@sangeyipi/eventstore';
import { acceptCommand, CASE_ID, inMemoryCaseStreams, receiveCommand, staff } from '../case-streams.fake';
import { CaseRuleViolation } from '../case.errors';
import { CompleteStepHandler } from './complete-step.handler';

describe('CompleteStepHandler', () => {
  const setUp = () => {
    const world = inMemoryCaseStreams('2025-09-29T02:00:00Z');
    world.given(CASE_ID, receiveCommand(), acceptCommand);
    return { world, handler: new CompleteStepHandler(world.cases) };
  };

  it('records the step with the actor, badge and date from the clock', async () => {
    const { world, handler } = setUp();
    await handler.execute(CASE_ID, { step: 'APPROVAL_STEP_HANDLE', badge: 'HP-1', opinion: '材料齐全', asBackup: true }, staff('clerk-1', 'clerk'));
    expect(world.events(CASE_ID).at(-1)).toMatchObject({ type: 'cases.StepCompleted', data: { actorUserId: 'clerk-1', actorBadge: 'HP-1', actedAsBackup: true } });
    expect(world.metadata(CASE_ID).at(-1)).toMatchObject({ actor: { id: 'clerk-1', role: 'clerk' }, unitId: 'unit-a' });
  });

  it('needs the step’s role in the case’s unit', async () => {
    const { handler } = setUp();
    await expect(handler.execute(CASE_ID, { step: 'APPROVAL_STEP_HANDLE', badge: 'b', opinion: '' }, staff('r', 'reviewer'))).rejects.toThrow(ForbiddenException);
    await expect(handler.execute(CASE_ID, { step: 'APPROVAL_STEP_HANDLE', badge: 'b', opinion: '' }, staff('c', 'clerk', 'unit-b'))).rejects.toThrow(ForbiddenException);
  });

  it('answers a stale expected version with a conflict, and a step already done with a conflict refusal', async () => {
    const { handler } = setUp();
    await expect(handler.execute(CASE_ID, { step: 'APPROVAL_STEP_HANDLE', badge: 'b', opinion: '', expectedVersion: 1 }, staff('clerk-2', 'clerk'))).rejects.toThrow(StreamVersionConflictError);
    await handler.execute(CASE_ID, { step: 'APPROVAL_STEP_HANDLE', badge: 'b', opinion: '' }, staff('clerk-1', 'clerk'));
    const late = handler.execute(CASE_ID, { step: 'APPROVAL_STEP_HANDLE', badge: 'b', opinion: '' }, staff('clerk-2', 'clerk'));
    await expect(late).rejects.toMatchObject({ code: 'step-not-pending', conflict: true });
    await expect(late).rejects.toBeInstanceOf(CaseRuleViolation);
  });
});
