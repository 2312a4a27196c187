import { createHash } from 'node:crypto';
import { eventually } from '@sangeyipi/testing';
import { digestLists, runDraw, type FrozenLists } from '../../src/draw/verifiable-draw';
import { startSupervision, supervisorToken, type SupervisionUnderTest } from './supervision-test-kit';

const SEED = createHash('sha256').update('secret seed of the fourth quarter').digest('hex');
const COMMITMENT = createHash('sha256').update(Buffer.from(SEED, 'hex')).digest('hex');

describe('双随机: a verifiable draw, published and re-run from the public data; results published within 20 working days', () => {
  let t: SupervisionUnderTest;
  let token: string;
  let itemId: string;

  beforeAll(async () => {
    t = await startSupervision('2025-09-22T02:00:00Z'); // Monday 22 September 2025, Shanghai
    token = await supervisorToken('310101');
    const item = await t.call('POST', '/inspection-items', token, {
      name: '食品经营许可事后监督检查',
      legalBasis: '《食品安全法》第一百一十条',
      inspectingUnitId: 'unit-scjgj',
      targetKind: 'TARGET_KIND_ENTERPRISE',
      proportionBasisPoints: 2000,
      frequency: '每年不少于1次',
      method: 'INSPECTION_METHOD_OPEN',
      inspectorQualification: '食品安全执法证',
      regionCode: '310101',
    });
    expect(item.status).toBe(201);
    itemId = item.body.inspectionItemId;
    const targets = Array.from({ length: 20 }, (_, i) => ({
      targetId: `9131010100000000${String(i).padStart(2, '0')}`,
      kind: 'TARGET_KIND_ENTERPRISE',
      name: `企业${i}`,
      affiliatedUnitId: `unit-${i % 3}`,
      regionCode: '310101',
    }));
    expect((await t.call('POST', '/targets', token, { targets })).status).toBe(201);
    for (let i = 0; i < 7; i += 1) {
      const qualifications = i === 6 ? ['其他证件'] : ['食品安全执法证'];
      expect((await t.call('POST', '/inspectors', token, { inspectorId: `insp-${i}`, unitId: `unit-${i % 3}`, qualifications, regionCode: '310101' })).status).toBe(201);
    }
    await t.until('/targets', token, (rows) => rows.length === 20);
    await eventually(async () => (await t.call('POST', '/inspectors/insp-1/conflicts', token, { targetId: targets[0].targetId, reason: '近亲属任职' })).status === 201);
  });

  afterAll(() => t?.close());

  it('commits to the seed, freezes the lists, draws on the day, and anyone re-runs the draw from the public record to the same selection', async () => {
    const planned = await eventually(async () => {
      const answer = await t.call('POST', '/plans', token, { title: '2025年第四季度抽查', regionCode: '310101', inspectionItemId: itemId, inspectorsPerTarget: 2, seedCommitment: COMMITMENT, drawOn: '2025-09-23', witnessSource: '福彩3D 2025-09-23 开奖号码' });
      return answer.status === 201 ? answer.body : undefined;
    });
    expect(planned.targetCount).toBe(4); // ceil(20 × 20%)

    // Before the draw, the public record has the commitment and the frozen lists, not the seed.
    const before = await t.call('GET', `/public/plans/${planned.planId}/draw`);
    expect(before.status).toBe(200);
    expect(before.body).toEqual(expect.objectContaining({ seedCommitment: COMMITMENT, witnessSource: '福彩3D 2025-09-23 开奖号码', draw: null }));
    expect(before.body.lists.inspectors.map((i: { inspectorId: string }) => i.inspectorId)).not.toContain('insp-6'); // not qualified
    expect(before.body.lists.listsDigest).toBe(planned.listsDigest);

    expect((await t.call('POST', `/plans/${planned.planId}/draw`, token, { seed: SEED, witness: '517' })).body).toEqual(expect.objectContaining({ code: 'draw-not-due' }));
    t.clock.set('2025-09-23T02:00:00Z');
    const wrongSeed = await t.call('POST', `/plans/${planned.planId}/draw`, token, { seed: 'ab'.repeat(32) });
    expect(wrongSeed.status).toBe(400);
    expect(wrongSeed.body.violations).toEqual([expect.objectContaining({ field: 'seed', rule: 'seed-matches-commitment' })]);
    // The witness announced with the plan is required: a draw without it cannot go ahead.
    expect((await t.call('POST', `/plans/${planned.planId}/draw`, token, { seed: SEED })).body.violations).toEqual([expect.objectContaining({ field: 'witness', rule: 'witness-required' })]);
    const drawn = await t.call('POST', `/plans/${planned.planId}/draw`, token, { seed: SEED, witness: '517' });
    expect(drawn.status).toBe(200);
    expect(drawn.body.inspections).toHaveLength(4);
    expect((await t.call('POST', `/plans/${planned.planId}/draw`, token, { seed: SEED })).status).toBe(409);

    // An independent re-run from nothing but the public record.
    const record = await t.until(`/public/plans/${planned.planId}/draw`, undefined, (body) => body.draw !== null);
    expect(createHash('sha256').update(Buffer.from(record.draw.seed, 'hex')).digest('hex')).toBe(record.seedCommitment);
    const lists: FrozenLists = { planId: record.planId, ...record.lists };
    expect(digestLists(lists).listsDigest).toBe(record.lists.listsDigest);
    expect(runDraw(lists, record.draw.seed, record.draw.witness).drawn).toEqual(record.draw.selection);
    expect(record.draw.selection).toEqual(drawn.body.inspections.map(({ targetId, inspectorIds }: { targetId: string; inspectorIds: string[] }) => ({ targetId, inspectorIds })));
    // The rules hold: two inspectors, none of the target's own unit, the declared conflict respected.
    for (const { targetId, inspectorIds } of record.draw.selection as { targetId: string; inspectorIds: string[] }[]) {
      const target = record.lists.targets.find((x: { targetId: string }) => x.targetId === targetId);
      expect(inspectorIds).toHaveLength(2);
      for (const id of inspectorIds) {
        expect(record.lists.inspectors.find((x: { inspectorId: string }) => x.inspectorId === id).unitId).not.toBe(target.affiliatedUnitId);
        if (targetId === '913101010000000000') expect(id).not.toBe('insp-1');
      }
    }
    // A list changed by one entry would have given another digest: the published one binds the lists.
    const altered = { ...lists, targets: lists.targets.map((x, i) => (i === 0 ? { ...x, affiliatedUnitId: 'unit-9' } : x)) };
    expect(digestLists(altered).listsDigest).not.toBe(record.lists.listsDigest);

    // The draw reached Kafka with the seed revealed.
    await eventually(() => t.published().some((e) => e.type === 'supervision.InspectionDrawn' && (e.data as { seed: string }).seed === SEED));
  });

  it('publishes a result on the 20th working day after the inspection on time, and one a day later flagged late', async () => {
    const inspections = await t.until('/inspections', token, (rows) => rows.length === 4);
    const [onTime, late] = inspections as { inspectionId: string }[];
    // Inspected Friday 26 September; 20 working days later is 30 October (National Day off, 28 Sep and 11 Oct worked).
    t.clock.set('2025-10-30T08:00:00Z');
    const first = await t.call('POST', `/inspections/${onTime.inspectionId}/result`, token, { outcome: 'INSPECTION_OUTCOME_COMPLIANT', summary: '未发现问题', inspectedOn: '2025-09-26' });
    expect(first.status).toBe(201);
    expect(first.body.late).toBe(false);
    t.clock.set('2025-10-31T08:00:00Z');
    const second = await t.call('POST', `/inspections/${late.inspectionId}/result`, token, { outcome: 'INSPECTION_OUTCOME_NON_COMPLIANT', summary: '超范围经营', inspectedOn: '2025-09-26' });
    expect(second.body.late).toBe(true);
    expect((await t.call('POST', `/inspections/${late.inspectionId}/result`, token, { outcome: 'INSPECTION_OUTCOME_COMPLIANT', summary: 'x', inspectedOn: '2025-09-26' })).status).toBe(409);

    const published = await t.until('/public/inspection-results?regionCode=310101', undefined, (rows) => rows.length === 2 && rows.some((r: { late: boolean }) => r.late));
    expect(published.find((r: { inspectionId: string }) => r.inspectionId === late.inspectionId)).toEqual(expect.objectContaining({ late: true, publishedOn: '2025-10-31' }));
    expect(published.find((r: { inspectionId: string }) => r.inspectionId === onTime.inspectionId)).toEqual(expect.objectContaining({ late: false }));
    await eventually(() =>
      t.published().some((e) => e.type === 'supervision.InspectionPublicationLate' && (e.data as { workingDaysTaken: number }).workingDaysTaken === 21),
    );
  });

  it('answers 400 naming the field for bad input, and for a plan whose targets lack eligible inspectors', async () => {
    const bad = await t.call('POST', '/plans', token, { title: '', regionCode: '999999', inspectionItemId: itemId, inspectorsPerTarget: 2, seedCommitment: COMMITMENT, drawOn: 'tomorrow' });
    expect(bad.status).toBe(400);
    expect(bad.body.violations.map((v: { field: string }) => v.field).sort()).toEqual(['drawOn', 'regionCode', 'title']);
    const tooMany = await t.call('POST', '/plans', token, { title: 't', regionCode: '310101', inspectionItemId: itemId, inspectorsPerTarget: 5, seedCommitment: COMMITMENT, drawOn: '2025-12-01' });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.violations[0]).toEqual(expect.objectContaining({ rule: 'enough-eligible-inspectors' }));
    const one = await t.call('POST', '/plans', token, { title: 't', regionCode: '310101', inspectionItemId: itemId, inspectorsPerTarget: 1, seedCommitment: COMMITMENT, drawOn: '2025-12-01' });
    expect(one.body.violations).toEqual([expect.objectContaining({ field: 'inspectorsPerTarget', rule: 'two-inspectors' })]);
  });
});
