import { StreamVersionConflictError } from '@sangeyipi/eventstore';
import { acceptCommand, CASE_ID, inMemoryCaseStreams, receiveCommand, staff } from './case-streams.fake';
import type { CaseCommand } from './case.decider';

const step = (step: 'APPROVAL_STEP_HANDLE' | 'APPROVAL_STEP_REVIEW', userId: string): CaseCommand => ({
  type: 'CompleteStep',
  step,
  staff: { userId, badge: `B-${userId}` },
  opinion: '同意',
  today: '2025-09-26',
});

describe('CaseStreams with the recent cases kept in memory', () => {
  it('decides the next commands on the state it kept, without reading the stream again', async () => {
    const world = inMemoryCaseStreams(undefined, { cacheSize: 10 });
    await world.cases.execute(CASE_ID, staff('clerk-1', 'clerk'), receiveCommand(), { expectedVersion: 0 });
    await world.cases.execute(CASE_ID, staff('clerk-1', 'clerk'), acceptCommand);
    await world.cases.execute(CASE_ID, staff('clerk-1', 'clerk'), step('APPROVAL_STEP_HANDLE', 'clerk-1'));
    expect(world.reads()).toBe(0);
    expect(world.events(CASE_ID).map((e) => e.type)).toEqual(['cases.CaseReceived', 'cases.CaseAccepted', 'cases.StepCompleted']);
  });

  it('reads the stream for every command on an existing case with the cache off', async () => {
    const world = inMemoryCaseStreams();
    await world.cases.execute(CASE_ID, staff('clerk-1', 'clerk'), receiveCommand(), { expectedVersion: 0 });
    await world.cases.execute(CASE_ID, staff('clerk-1', 'clerk'), acceptCommand);
    await world.cases.execute(CASE_ID, staff('clerk-1', 'clerk'), step('APPROVAL_STEP_HANDLE', 'clerk-1'));
    expect(world.reads()).toBe(2);
  });

  it('receives a new case without reading, and refuses it as a conflict when the stream exists after all', async () => {
    const world = inMemoryCaseStreams();
    world.given(CASE_ID, receiveCommand());

    await expect(world.cases.execute(CASE_ID, staff('clerk-1', 'clerk'), receiveCommand(), { expectedVersion: 0 })).rejects.toBeInstanceOf(StreamVersionConflictError);
    expect(world.reads()).toBe(0);
    expect(world.events(CASE_ID)).toHaveLength(1);
  });

  it('decides again on the stream when another replica moved the case on and the kept state refuses', async () => {
    const world = inMemoryCaseStreams(undefined, { cacheSize: 10 });
    const replicaB = world.replica();
    await world.cases.execute(CASE_ID, staff('clerk-1', 'clerk'), receiveCommand(), { expectedVersion: 0 });
    await world.cases.execute(CASE_ID, staff('clerk-1', 'clerk'), acceptCommand);
    await replicaB.execute(CASE_ID, staff('clerk-1', 'clerk'), step('APPROVAL_STEP_HANDLE', 'clerk-1'));

    // Replica A still believes 承办 is pending, so 审核 is refused on its kept state, then done on the stream.
    const result = await world.cases.execute(CASE_ID, staff('reviewer-1', 'reviewer'), step('APPROVAL_STEP_REVIEW', 'reviewer-1'));
    expect(result.version).toBe(4);
    expect(world.state(CASE_ID).completedSteps.map((s) => s.step)).toEqual(['APPROVAL_STEP_HANDLE', 'APPROVAL_STEP_REVIEW']);
  });

  it('answers from the stream when the kept state accepted a command the stream has moved past', async () => {
    const world = inMemoryCaseStreams(undefined, { cacheSize: 10 });
    const replicaB = world.replica();
    await world.cases.execute(CASE_ID, staff('clerk-1', 'clerk'), receiveCommand(), { expectedVersion: 0 });
    await world.cases.execute(CASE_ID, staff('clerk-1', 'clerk'), acceptCommand);
    await replicaB.execute(CASE_ID, staff('clerk-1', 'clerk'), step('APPROVAL_STEP_HANDLE', 'clerk-1'));

    // The kept state lets clerk-2 do 承办; the append at the kept version loses; the stream says it is done.
    await expect(world.cases.execute(CASE_ID, staff('clerk-2', 'clerk'), step('APPROVAL_STEP_HANDLE', 'clerk-2'))).rejects.toMatchObject({
      code: 'step-not-pending',
      conflict: true,
    });
    expect(world.events(CASE_ID)).toHaveLength(3);
  });

  it('still answers a stale expected version from the caller with a conflict', async () => {
    const world = inMemoryCaseStreams(undefined, { cacheSize: 10 });
    await world.cases.execute(CASE_ID, staff('clerk-1', 'clerk'), receiveCommand(), { expectedVersion: 0 });
    await world.cases.execute(CASE_ID, staff('clerk-1', 'clerk'), acceptCommand);
    await expect(world.cases.execute(CASE_ID, staff('clerk-1', 'clerk'), step('APPROVAL_STEP_HANDLE', 'clerk-1'), { expectedVersion: 1 })).rejects.toBeInstanceOf(
      StreamVersionConflictError,
    );
  });
});
