import { ForbiddenException } from '@nestjs/common';
import { acceptCommand, CASE_ID, inMemoryCaseStreams, receiveCommand, staff } from '../case-streams.fake';
import { AnswerAssistanceHandler } from './answer-assistance.handler';

describe('AnswerAssistanceHandler', () => {
  it('lets only staff of the asked unit answer, once', async () => {
    const world = inMemoryCaseStreams('2025-10-09T02:00:00Z');
    world.given(CASE_ID, receiveCommand(), acceptCommand, {
      type: 'RequestAssistance',
      requestId: 'r-1',
      toUnitId: 'unit-b',
      question: 'q',
      limitDays: 5,
      today: '2025-09-29',
    });
    const handler = new AnswerAssistanceHandler(world.cases);
    await expect(handler.execute(CASE_ID, 'r-1', { opinion: '同意' }, staff('x', 'clerk', 'unit-c'))).rejects.toThrow(ForbiddenException);
    await expect(handler.execute(CASE_ID, 'r-1', { opinion: '同意' }, staff('x', 'clerk'))).rejects.toThrow(ForbiddenException);
    await handler.execute(CASE_ID, 'r-1', { opinion: '符合规划用途' }, staff('b-1', 'reviewer', 'unit-b'));
    expect(world.events(CASE_ID).at(-1)).toMatchObject({ type: 'cases.AssistanceAnswered', data: { unitId: 'unit-b', answeredByUserId: 'b-1', answeredOn: '2025-10-09' } });
    await expect(handler.execute(CASE_ID, 'r-1', { opinion: '再答' }, staff('b-2', 'clerk', 'unit-b'))).rejects.toMatchObject({ code: 'assistance-already-answered' });
  });
});
