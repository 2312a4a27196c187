import { UnprocessableEntityException } from '@nestjs/common';
import { CASE_ID, inMemoryCaseStreams, receiveCommand, staff } from '../case-streams.fake';
import { AttemptChargeHandler } from './attempt-charge.handler';

describe('AttemptChargeHandler', () => {
  it('refuses the charge and records the attempt', async () => {
    const world = inMemoryCaseStreams();
    world.given(CASE_ID, receiveCommand());
    const attempt = new AttemptChargeHandler(world.cases).execute(CASE_ID, { charge: 'FORBIDDEN_CHARGE_SERVICE_FEE', description: '服务费50元' }, staff('clerk-1', 'clerk'));
    await expect(attempt).rejects.toThrow(UnprocessableEntityException);
    expect(world.events(CASE_ID).at(-1)).toMatchObject({ type: 'cases.ForbiddenChargeRefused', data: { charge: 'FORBIDDEN_CHARGE_SERVICE_FEE', attemptedByUserId: 'clerk-1' } });
  });
});
