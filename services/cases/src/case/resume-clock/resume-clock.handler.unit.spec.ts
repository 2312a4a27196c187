import { acceptCommand, CASE_ID, inMemoryCaseStreams, receiveCommand, staff } from '../case-streams.fake';
import { ResumeClockHandler } from './resume-clock.handler';

describe('ResumeClockHandler', () => {
  it('ends the suspension today and moves the deadline by the working days suspended', async () => {
    const world = inMemoryCaseStreams('2025-10-09T02:00:00Z');
    world.given(CASE_ID, receiveCommand(), acceptCommand, {
      type: 'SuspendClock',
      reason: 'SUSPENSION_REASON_QUARANTINE',
      description: '检疫',
      applicantNotified: true,
      today: '2025-09-30',
    });
    await new ResumeClockHandler(world.cases).execute(CASE_ID, {}, staff('clerk-1', 'clerk'));
    // 09-30 and 10-09 were working days with the clock stopped: 10-30 → 11-03.
    expect(world.events(CASE_ID).at(-1)).toMatchObject({ type: 'cases.ClockResumed', data: { suspendedWorkingDays: 2, committedDeadline: '2025-11-03', resumedAfter: '2025-10-09' } });
  });
});
