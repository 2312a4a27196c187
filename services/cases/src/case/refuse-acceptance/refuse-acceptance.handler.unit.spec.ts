import { ForbiddenException } from '@nestjs/common';
import { CASE_ID, inMemoryCaseStreams, receiveCommand, staff } from '../case-streams.fake';
import { RefuseAcceptanceHandler } from './refuse-acceptance.handler';

describe('RefuseAcceptanceHandler', () => {
  it('refuses acceptance with reason and legal basis, by a clerk of the unit only', async () => {
    const world = inMemoryCaseStreams();
    world.given(CASE_ID, receiveCommand());
    const handler = new RefuseAcceptanceHandler(world.cases);
    const dto = { reason: '不属于本机关职权范围', legalBasis: '《行政许可法》第三十二条' };
    await expect(handler.execute(CASE_ID, dto, staff('d', 'decider'))).rejects.toThrow(ForbiddenException);
    await handler.execute(CASE_ID, dto, staff('clerk-1', 'clerk'));
    expect(world.events(CASE_ID).at(-1)).toMatchObject({ type: 'cases.CaseAcceptanceRefused', data: { ...dto, noticeNumber: expect.stringMatching(/^BSL-/) } });
    expect(world.state(CASE_ID).status).toBe('refused');
  });
});
