import { ForbiddenException } from '@nestjs/common';
import type { PostgresEventStore } from '@sangeyipi/eventstore';
import type { EventBackboneService } from '@sangeyipi/messaging';
import type { AuthenticatedUser, Clock } from '@sangeyipi/platform';
import { RecordConsultationHandler } from './record-consultation.handler';

describe('RecordConsultationHandler', () => {
  const append = jest.fn().mockResolvedValue({});
  const notifyAppended = jest.fn();
  const clock = { now: () => new Date('2025-09-30T17:00:00Z') } as Clock; // 10-01 01:00 in Shanghai
  const handler = new RecordConsultationHandler({ append } as unknown as PostgresEventStore, { notifyAppended } as unknown as EventBackboneService, clock);
  const clerk: AuthenticatedUser = { userId: 'clerk-1', roles: ['clerk'], unitId: 'unit-a', regionCode: '310101' };

  beforeEach(() => jest.clearAllMocks());

  it('records the consultation as an event on a new stream of its own, dated in Shanghai', async () => {
    const recorded = await handler.execute({ topic: '需要哪些材料', itemId: 'item-1', answer: '申请书和营业执照' }, clerk);
    expect(recorded).toMatchObject({ unitId: 'unit-a', itemId: 'item-1', applicantRef: '', answeredByUserId: 'clerk-1', recordedOn: '2025-10-01' });
    expect(append).toHaveBeenCalledWith(`consultation-${recorded.consultationId}`, 0, [{ type: 'cases.ConsultationRecorded', data: recorded }], expect.objectContaining({ metadata: expect.objectContaining({ unitId: 'unit-a' }) }));
    expect(notifyAppended).toHaveBeenCalled();
  });

  it('keeps the applicant reference only when given', async () => {
    expect((await handler.execute({ topic: 't', answer: 'a', applicantRef: '91310101MA1FPX1234' }, clerk)).applicantRef).toBe('91310101MA1FPX1234');
  });

  it('refuses anyone who is not staff of a unit', async () => {
    await expect(handler.execute({ topic: 't', answer: 'a' }, { userId: 'a-1', roles: ['applicant'] })).rejects.toThrow(ForbiddenException);
    await expect(handler.execute({ topic: 't', answer: 'a' }, { userId: 's-1', roles: ['supervisor'], regionCode: '310101' })).rejects.toThrow(ForbiddenException);
    expect(append).not.toHaveBeenCalled();
  });
});
