import { creditClassOf, decideCredit, evolveCredit, initialCreditState, isPoorCredit } from './credit.rules';

const record = { subjectId: 's-1', subjectKind: 'CREDIT_SUBJECT_KIND_ENTERPRISE' as const, recordId: 'r-1', sourceId: 'v-1', today: '2025-11-03' };

describe('credit scoring and classification', () => {
  it.each([
    [100, 'CREDIT_CLASS_A'],
    [90, 'CREDIT_CLASS_A'],
    [89, 'CREDIT_CLASS_B'],
    [75, 'CREDIT_CLASS_B'],
    [74, 'CREDIT_CLASS_C'],
    [60, 'CREDIT_CLASS_C'],
    [59, 'CREDIT_CLASS_D'],
    [0, 'CREDIT_CLASS_D'],
  ])('classes a score of %i as %s', (score, expected) => {
    expect(creditClassOf(score)).toBe(expected);
  });

  it('counts classes C and D as poor credit, A and B not', () => {
    expect(['CREDIT_CLASS_A', 'CREDIT_CLASS_B', 'CREDIT_CLASS_C', 'CREDIT_CLASS_D'].map((c) => isPoorCredit(c as never))).toEqual([false, false, true, true]);
  });

  it('given a clean record, when a false commitment is recorded, then the score drops by 30 into class C', () => {
    const events = decideCredit({ ...record, reason: 'CREDIT_REASON_FALSE_COMMITMENT' }, initialCreditState());
    expect(events).toEqual([
      { type: 'supervision.CreditRecorded', data: expect.objectContaining({ scoreDelta: -30, scoreAfter: 70 }) },
      { type: 'supervision.CreditClassChanged', data: expect.objectContaining({ fromClass: 'CREDIT_CLASS_A', toClass: 'CREDIT_CLASS_C', score: 70 }) },
    ]);
    expect(events.reduce(evolveCredit, initialCreditState())).toEqual({ score: 70 });
  });

  it('keeps the score within 0–100 and records the change actually applied, with no class change inside a class', () => {
    const full = decideCredit({ ...record, reason: 'CREDIT_REASON_INSPECTION_COMPLIANT' }, { score: 98 });
    expect(full).toEqual([{ type: 'supervision.CreditRecorded', data: expect.objectContaining({ scoreDelta: 2, scoreAfter: 100 }) }]);
    const floor = decideCredit({ ...record, reason: 'CREDIT_REASON_FALSE_COMMITMENT' }, { score: 10 });
    expect(floor).toEqual([{ type: 'supervision.CreditRecorded', data: expect.objectContaining({ scoreDelta: -10, scoreAfter: 0 }) }]);
  });
});
