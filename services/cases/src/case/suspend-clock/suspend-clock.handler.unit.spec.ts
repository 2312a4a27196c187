import { acceptCommand, CASE_ID, inMemoryCaseStreams, receiveCommand, staff } from '../case-streams.fake';
import { SuspendClockHandler } from './suspend-clock.handler';

describe('SuspendClockHandler', () => {
  it('stops the clock from today for a §45 reason', async () => {
    const world = inMemoryCaseStreams('2025-09-30T02:00:00Z');
    world.given(CASE_ID, receiveCommand(), acceptCommand);
    await new SuspendClockHandler(world.cases).execute(CASE_ID, { reason: 'SUSPENSION_REASON_EXPERT_REVIEW', description: '专家评审', applicantNotified: true }, staff('clerk-1', 'clerk'));
    expect(world.events(CASE_ID).at(-1)).toMatchObject({ type: 'cases.ClockSuspended', data: { suspendedOn: '2025-09-30', reason: 'SUSPENSION_REASON_EXPERT_REVIEW' } });
  });
});
