import { NotFoundException } from '@nestjs/common';
import { CASE_ID, inMemoryCaseStreams, receiveCommand, staff } from '../case-streams.fake';
import { AcceptCaseHandler } from './accept-case.handler';

describe('AcceptCaseHandler', () => {
  it('accepts today (from the clock) with the committed deadline in working days', async () => {
    const world = inMemoryCaseStreams('2025-09-26T09:00:00Z'); // 17:00 in Shanghai
    world.given(CASE_ID, receiveCommand());
    await new AcceptCaseHandler(world.cases).execute(CASE_ID, {}, staff('clerk-1', 'clerk'));
    expect(world.events(CASE_ID).at(-1)).toMatchObject({ type: 'cases.CaseAccepted', data: { acceptedOn: '2025-09-26', committedDeadline: '2025-10-30' } });
  });

  it('uses the Shanghai date, not UTC', async () => {
    const world = inMemoryCaseStreams('2025-09-25T17:00:00Z'); // 01:00 on 09-26 in Shanghai
    world.given(CASE_ID, receiveCommand());
    await new AcceptCaseHandler(world.cases).execute(CASE_ID, {}, staff('clerk-1', 'clerk'));
    expect(world.events(CASE_ID).at(-1)).toMatchObject({ data: { acceptedOn: '2025-09-26' } });
  });

  it('answers 404 for an unknown case', async () => {
    await expect(new AcceptCaseHandler(inMemoryCaseStreams().cases).execute(CASE_ID, {}, staff('clerk-1', 'clerk'))).rejects.toThrow(NotFoundException);
  });
});
