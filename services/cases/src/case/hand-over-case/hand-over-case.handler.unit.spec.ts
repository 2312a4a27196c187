import { ForbiddenException } from '@nestjs/common';
import { CASE_ID, inMemoryCaseStreams, receiveCommand, staff } from '../case-streams.fake';
import { HandOverCaseHandler } from './hand-over-case.handler';

describe('HandOverCaseHandler', () => {
  it('lets the first-asked clerk hand the case over, recorded; others may not', async () => {
    const world = inMemoryCaseStreams();
    world.given(CASE_ID, receiveCommand());
    const handler = new HandOverCaseHandler(world.cases);
    await expect(handler.execute(CASE_ID, { toUserId: 'clerk-3', note: '转交' }, staff('clerk-2', 'clerk'))).rejects.toThrow(ForbiddenException);
    await handler.execute(CASE_ID, { toUserId: 'clerk-3', note: '转交专业窗口' }, staff('clerk-1', 'clerk'));
    expect(world.events(CASE_ID).at(-1)).toMatchObject({ type: 'cases.CaseReassigned', data: { fromUserId: 'clerk-1', toUserId: 'clerk-3', reason: 'REASSIGNMENT_REASON_HANDOVER' } });
    await expect(handler.execute(CASE_ID, { toUserId: 'clerk-4', note: '再转' }, staff('clerk-1', 'clerk'))).rejects.toThrow(ForbiddenException);
    await handler.execute(CASE_ID, { toUserId: 'clerk-4', note: '调整' }, staff('admin', 'unit_admin'));
    expect(world.state(CASE_ID).responsibleUserId).toBe('clerk-4');
  });
});
