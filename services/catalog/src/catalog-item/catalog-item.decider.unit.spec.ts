import { CatalogItemTransitionRefused, CatalogRulesViolated } from '../catalog.errors';
import type { ItemOwner } from './catalog-item.definition';
import { decide, evolve, initialState, type CatalogItemCommand, type CatalogItemState } from './catalog-item.decider';
import type { CatalogItemEvent, CatalogRef } from './catalog-item.events';
import { earlyFoodLicence } from './catalog-item.examples';

const itemId = '0d9c2b71-6a3e-4c55-8f0b-7e1a2c3d4e5f';
const owner: ItemOwner = { unitId: 'unit-310101-scjgj', level: 'district', regionCode: '310101' };
const huangpuOnTheSpot: CatalogRef = { kind: 'on_the_spot', level: 'district', regionCode: '310101' };
const definition = earlyFoodLicence();

const given = (...events: CatalogItemEvent[]): CatalogItemState => events.reduce(evolve, initialState());
const when = (command: CatalogItemCommand, state: CatalogItemState) => decide(command, state);

const drafted: CatalogItemEvent = { type: 'catalog.CatalogItemDrafted', data: { itemId, owner, definition } };
const submitted: CatalogItemEvent = { type: 'catalog.CatalogItemSubmitted', data: { itemId, unitId: owner.unitId } };
const approved: CatalogItemEvent = { type: 'catalog.CatalogItemApproved', data: { itemId, unitId: owner.unitId, note: '' } };
const published: CatalogItemEvent = {
  type: 'catalog.CatalogItemPublished',
  data: { itemId, owner, revision: 1, definition, batchId: 'batch-1', batchNumber: 1, publishedOn: '2017-09-29' },
};
const revisionRequested: CatalogItemEvent = {
  type: 'catalog.CatalogItemChangeRequested',
  data: { itemId, unitId: owner.unitId, changeRequestId: 'change-1', change: 'revision', reason: '压缩承诺时限', definition: { ...definition, committedLimitDays: 5 } },
};

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('the command was accepted');
}

describe('a catalog item from draft to publication', () => {
  it('is drafted with a definition that follows the rules', () => {
    expect(when({ type: 'DraftItem', data: { itemId, owner, definition } }, given())).toEqual([drafted]);
  });

  it('is not drafted when its definition breaks a rule, and the refusal names field and rule', () => {
    const error = refusal(() => when({ type: 'DraftItem', data: { itemId, owner, definition: earlyFoodLicence({ committedLimitDays: 15 }) } }, given()));

    expect(error).toBeInstanceOf(CatalogRulesViolated);
    expect((error as CatalogRulesViolated).violations).toEqual([expect.objectContaining({ field: 'committedLimitDays', rule: 'early-cuts-at-least-30-percent' })]);
  });

  it('is amended while it is a draft', () => {
    const amended = earlyFoodLicence({ committedLimitDays: 5 });

    expect(when({ type: 'AmendDraft', data: { definition: amended, actorUserId: 'u1' } }, given(drafted))).toEqual([
      { type: 'catalog.CatalogItemDraftAmended', data: { itemId, definition: amended } },
    ]);
  });

  it('goes to the reform office when submitted, and cannot be amended while it waits there', () => {
    expect(when({ type: 'SubmitItem' }, given(drafted))).toEqual([submitted]);
    expect(refusal(() => when({ type: 'AmendDraft', data: { definition, actorUserId: 'u1' } }, given(drafted, submitted)))).toBeInstanceOf(
      CatalogItemTransitionRefused,
    );
  });

  it('is approved or rejected only once submitted', () => {
    expect(when({ type: 'ApproveItem', data: { note: '同意' } }, given(drafted, submitted))).toEqual([
      { type: 'catalog.CatalogItemApproved', data: { itemId, unitId: owner.unitId, note: '同意' } },
    ]);
    expect(refusal(() => when({ type: 'ApproveItem', data: { note: '' } }, given(drafted)))).toBeInstanceOf(CatalogItemTransitionRefused);
    expect(refusal(() => when({ type: 'RejectItem', data: { reason: 'x' } }, given(drafted, submitted, approved)))).toBeInstanceOf(CatalogItemTransitionRefused);
  });

  it('can be amended and resubmitted after a rejection', () => {
    const rejected: CatalogItemEvent = { type: 'catalog.CatalogItemRejected', data: { itemId, unitId: owner.unitId, reason: '材料未注明来源' } };
    const state = given(drafted, submitted, rejected);

    expect(state).toMatchObject({ status: 'rejected', rejectionReason: '材料未注明来源' });
    expect(when({ type: 'AmendDraft', data: { definition, actorUserId: 'u1' } }, state)).toHaveLength(1);
    expect(when({ type: 'SubmitItem' }, state)).toEqual([submitted]);
  });

  it('is published, as revision 1, in a batch of its own catalog', () => {
    const command: CatalogItemCommand = {
      type: 'PublishItem',
      data: { batchId: 'batch-1', batchNumber: 1, catalog: huangpuOnTheSpot, publishedOn: '2017-09-29' },
    };

    expect(when(command, given(drafted, submitted, approved))).toEqual([published]);
  });

  it('is not published before approval, nor in another catalog', () => {
    const publish = (catalog: CatalogRef): CatalogItemCommand => ({ type: 'PublishItem', data: { batchId: 'b', batchNumber: 1, catalog, publishedOn: '2017-09-29' } });

    expect(refusal(() => when(publish(huangpuOnTheSpot), given(drafted, submitted)))).toBeInstanceOf(CatalogItemTransitionRefused);
    for (const other of [
      { ...huangpuOnTheSpot, regionCode: '310104' },
      { ...huangpuOnTheSpot, level: 'city' as const, regionCode: '310000' },
      { ...huangpuOnTheSpot, kind: 'advance_service' as const },
    ]) {
      const error = refusal(() => when(publish(other), given(drafted, submitted, approved)));
      expect((error as CatalogRulesViolated).violations).toEqual([expect.objectContaining({ field: 'itemIds', rule: 'item-in-batch-catalog' })]);
    }
  });
});

describe('a published catalog item', () => {
  const publishedState = () => given(drafted, submitted, approved, published);

  it('refuses a direct edit, recording the attempt for supervision', () => {
    const attempted = earlyFoodLicence({ committedLimitDays: 15 });

    expect(when({ type: 'AmendDraft', data: { definition: attempted, actorUserId: 'user-2b9c' } }, publishedState())).toEqual([
      {
        type: 'catalog.CatalogItemUnauthorizedChangeAttempted',
        data: { itemId, owner, attemptedByUserId: 'user-2b9c', revision: 1, attemptedDefinition: attempted },
      },
    ]);
  });

  it('keeps its published content after a refused edit', () => {
    const attempt: CatalogItemEvent = {
      type: 'catalog.CatalogItemUnauthorizedChangeAttempted',
      data: { itemId, owner, attemptedByUserId: 'u', revision: 1, attemptedDefinition: earlyFoodLicence({ name: '改' }) },
    };

    expect(given(drafted, submitted, approved, published, attempt)).toEqual(publishedState());
  });

  it('takes a change request that follows the rules, one at a time', () => {
    const request: CatalogItemCommand = {
      type: 'RequestChange',
      data: { changeRequestId: 'change-1', change: 'revision', reason: '压缩承诺时限', definition: { ...definition, committedLimitDays: 5 } },
    };

    expect(when(request, publishedState())).toEqual([revisionRequested]);
    expect(refusal(() => when(request, given(drafted, submitted, approved, published, revisionRequested)))).toBeInstanceOf(CatalogItemTransitionRefused);
    const breakingRules: CatalogItemCommand = {
      type: 'RequestChange',
      data: { changeRequestId: 'change-1', change: 'revision', reason: '放宽承诺时限', definition: earlyFoodLicence({ committedLimitDays: 20 }) },
    };
    expect(refusal(() => when(breakingRules, publishedState()))).toBeInstanceOf(CatalogRulesViolated);
  });

  it('is revised when the reform office approves the change, as the next revision', () => {
    const state = given(drafted, submitted, approved, published, revisionRequested);

    const events = when({ type: 'ApproveChange', data: { changeRequestId: 'change-1', approvalReference: '黄审改办〔2017〕12号', effectiveOn: '2017-11-01', today: '2017-10-20' } }, state);

    expect(events.map((event) => event.type)).toEqual(['catalog.CatalogItemChangeApproved', 'catalog.CatalogItemRevised']);
    expect(events[1].data).toMatchObject({ revision: 2, owner, definition: { committedLimitDays: 5 }, effectiveOn: '2017-11-01', revisedOn: '2017-10-20' });
    expect(events.reduce(evolve, state)).toMatchObject({ status: 'published', pendingChange: null, published: { revision: 2, effectiveOn: '2017-11-01' } });
  });

  it('takes a change effective today, and refuses one effective yesterday', () => {
    const state = given(drafted, submitted, approved, published, revisionRequested);
    const approve = (effectiveOn: string): CatalogItemCommand => ({
      type: 'ApproveChange',
      data: { changeRequestId: 'change-1', approvalReference: 'ref', effectiveOn, today: '2017-10-20' },
    });

    expect(when(approve('2017-10-20'), state)).toHaveLength(2);
    expect((refusal(() => when(approve('2017-10-19'), state)) as CatalogRulesViolated).violations).toEqual([
      expect.objectContaining({ field: 'effectiveOn', rule: 'effective-not-before-today' }),
    ]);
  });

  it('is withdrawn through an approved withdrawal request, carrying its last published content', () => {
    const withdrawalRequested: CatalogItemEvent = {
      type: 'catalog.CatalogItemChangeRequested',
      data: { itemId, unitId: owner.unitId, changeRequestId: 'change-2', change: 'withdrawal', reason: '事项已取消', definition: null },
    };
    const state = given(drafted, submitted, approved, published, withdrawalRequested);

    const events = when({ type: 'ApproveChange', data: { changeRequestId: 'change-2', approvalReference: 'ref', effectiveOn: '2018-03-01', today: '2018-02-01' } }, state);

    expect(events[1]).toEqual({
      type: 'catalog.CatalogItemWithdrawn',
      data: { itemId, owner, revision: 1, definition, changeRequestId: 'change-2', approvalReference: 'ref', reason: '事项已取消', effectiveOn: '2018-03-01' },
    });
    expect(events.reduce(evolve, state).status).toBe('withdrawn');
  });

  it('answers only the open change request, and stays as it is when it is rejected', () => {
    const state = given(drafted, submitted, approved, published, revisionRequested);

    expect(refusal(() => when({ type: 'RejectChange', data: { changeRequestId: 'change-9', reason: 'x' } }, state))).toBeInstanceOf(CatalogItemTransitionRefused);

    const events = when({ type: 'RejectChange', data: { changeRequestId: 'change-1', reason: '理由不充分' } }, state);
    expect(events).toEqual([{ type: 'catalog.CatalogItemChangeRejected', data: { itemId, changeRequestId: 'change-1', reason: '理由不充分' } }]);
    expect(events.reduce(evolve, state)).toEqual(publishedState());
  });

  it('takes no change request before publication', () => {
    expect(refusal(() => when({ type: 'RequestChange', data: { changeRequestId: 'c', change: 'withdrawal', reason: 'x', definition: null } }, given(drafted)))).toBeInstanceOf(
      CatalogItemTransitionRefused,
    );
  });
});
