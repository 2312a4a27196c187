import { CASE_ID, inMemoryCaseStreams, receiveCommand, staff } from '../case-streams.fake';
import { RequestSupplementHandler } from './request-supplement.handler';

describe('RequestSupplementHandler', () => {
  it('sends one notice naming every missing material, and refuses a second one', async () => {
    const world = inMemoryCaseStreams();
    world.given(CASE_ID, receiveCommand());
    const handler = new RequestSupplementHandler(world.cases);
    const missingMaterials = [{ materialId: 'M02', name: '营业执照', reason: '未提供' }];
    await handler.execute(CASE_ID, { missingMaterials }, staff('clerk-1', 'clerk'));
    expect(world.events(CASE_ID).at(-1)).toMatchObject({ type: 'cases.MaterialsSupplementRequested', data: { requestNumber: 1, noticeNumber: expect.stringMatching(/^BZ-20250926-/) } });
    await expect(handler.execute(CASE_ID, { missingMaterials }, staff('clerk-2', 'clerk'))).rejects.toMatchObject({ code: 'second-supplement-request' });
  });
});
