import { CASE_ID, inMemoryCaseStreams, receiveCommand, staff } from '../case-streams.fake';
import { AmendApplicationHandler } from './amend-application.handler';

describe('AmendApplicationHandler', () => {
  it('records the change and reopens the one-time notification', async () => {
    const world = inMemoryCaseStreams();
    world.given(CASE_ID, receiveCommand(), { type: 'RequestSupplement', noticeNumber: 'BZ-1', missingMaterials: [{ materialId: 'M2', name: 'x', reason: 'y' }] });
    await new AmendApplicationHandler(world.cases).execute(CASE_ID, { description: '变更经营项目', materials: [{ materialId: 'M3', name: '平面图', copies: 1 }] }, staff('clerk-1', 'clerk'));
    expect(world.events(CASE_ID).at(-1)).toMatchObject({ type: 'cases.CaseApplicationAmended', data: { materialsReceived: [{ materialId: 'M3', replacedByCommitment: false }] } });
    expect(world.state(CASE_ID).amendedSinceSupplement).toBe(true);
  });
});
