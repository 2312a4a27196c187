import { ForbiddenException } from '@nestjs/common';
import { acceptCommand, CASE_ID, inMemoryCaseStreams, receiveCommand, staff } from '../case-streams.fake';
import { RequestAssistanceHandler } from './request-assistance.handler';

describe('RequestAssistanceHandler', () => {
  it('lets a clerk of the case’s unit ask another unit, with a due date in working days', async () => {
    const world = inMemoryCaseStreams('2025-09-29T02:00:00Z');
    world.given(CASE_ID, receiveCommand(), acceptCommand);
    const handler = new RequestAssistanceHandler(world.cases);
    const dto = { toUnitId: 'unit-310115', question: '是否符合规划用途', limitDays: 5 };
    await expect(handler.execute(CASE_ID, dto, staff('c', 'clerk', 'unit-310115'))).rejects.toThrow(ForbiddenException);
    const { requestId } = await handler.execute(CASE_ID, dto, staff('clerk-1', 'clerk'));
    expect(world.events(CASE_ID).at(-1)).toMatchObject({ type: 'cases.AssistanceRequested', data: { requestId, toUnitId: 'unit-310115', dueOn: '2025-10-13' } });
  });
});
