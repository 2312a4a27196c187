import { DemoApiError } from '../demo-api';
import { reformOfficeFor, staffOf } from '../world/demo-people';
import type { DemoItemDefinition } from '../world/demo-world';
import type { Activity, Actor, SimulationContext } from './simulation-context';
import type { DirectoryItem } from './world-directory';

/**
 * The catalog context after the first batches: units ask to shorten their committed limits (the
 * reform office approves most, refuses some), now and then withdraw an item, publish a new item in a
 * further batch, and someone tries to edit a published item directly (refused and recorded).
 */
export class CatalogActor implements Actor {
  readonly context = 'catalog';
  private newItems = 0;
  /** Items with a change request of a running storyline: an item takes one open change request at a time. */
  private readonly changing = new Set<string>();

  activities(): Activity[] {
    return [
      { name: 'approved-revision', weight: 1, run: (c) => this.revision(c, true) },
      { name: 'refused-revision', weight: 0.3, run: (c) => this.revision(c, false) },
      { name: 'direct-edit-attempt', weight: 0.2, run: (c) => this.directEdit(c) },
      { name: 'new-batch', weight: 0.3, run: (c) => this.newBatch(c) },
      { name: 'withdrawal', weight: 0.05, run: (c) => this.withdrawal(c) },
    ];
  }

  /** 承诺时限 shortened by a day through a change request; the reform office decides. */
  private async revision(c: SimulationContext, approve: boolean): Promise<void> {
    const picked = await c.world.pickItem(c.draw, (definition) => definition.kind === 'on_the_spot' && definition.completionMode !== 'immediate' && (definition.committedLimitDays ?? 0) > 1);
    const committed = picked?.definition.committedLimitDays;
    if (!picked || !committed) return c.count('catalog.nothing-to-revise');
    const { item, definition } = picked;
    if (this.changing.has(item.itemId)) return c.count('catalog.item-being-changed');
    this.changing.add(item.itemId);
    try {
      const admin = staffOf(item).admin;
      const { changeRequestId } = await c.api.post<{ changeRequestId: string }>('catalog', `/items/${item.itemId}/change-requests`, admin, {
        change: 'revision',
        reason: `承诺时限由${committed}个工作日压缩为${committed - 1}个工作日`,
        definition: { ...definition, committedLimitDays: committed - 1 },
      });
      await c.pause(2);
      const office = reformOfficeFor(item.regionCode);
      if (approve) {
        await c.api.post('catalog', `/items/${item.itemId}/change-requests/${changeRequestId}/approval`, office, { approvalReference: `沪审改办〔${c.today().slice(0, 4)}〕${c.draw.int(1, 200)}号` });
        c.world.revised(item.itemId);
        c.count('catalog.revisions');
      } else {
        await c.api.post('catalog', `/items/${item.itemId}/change-requests/${changeRequestId}/rejection`, office, { reason: '压缩依据不充分，请补充论证材料' });
        c.count('catalog.refused-changes');
      }
    } finally {
      this.changing.delete(item.itemId);
    }
  }

  /** An item leaves its catalog only through an approved withdrawal; no new case is received for it. */
  private async withdrawal(c: SimulationContext): Promise<void> {
    const candidates = c.world.applicable();
    if (candidates.length < 10) return c.count('catalog.nothing-to-withdraw'); // keep the world applicable
    const item = c.draw.pick(candidates);
    if (this.changing.has(item.itemId)) return c.count('catalog.item-being-changed');
    // Withdrawn for good: no storyline picks it again (applicable() leaves it out), so it stays marked.
    this.changing.add(item.itemId);
    c.world.markWithdrawn(item.itemId);
    const { changeRequestId } = await c.api.post<{ changeRequestId: string }>('catalog', `/items/${item.itemId}/change-requests`, staffOf(item).admin, {
      change: 'withdrawal',
      reason: '该事项已由法律法规取消',
    });
    await c.pause(2);
    await c.api.post('catalog', `/items/${item.itemId}/change-requests/${changeRequestId}/approval`, reformOfficeFor(item.regionCode), { approvalReference: `沪审改办〔${c.today().slice(0, 4)}〕${c.draw.int(201, 400)}号` });
    c.count('catalog.withdrawals');
  }

  /** A published item edited in place: the catalog refuses (409) and records the attempt for supervision. */
  private async directEdit(c: SimulationContext): Promise<void> {
    const picked = await c.world.pickItem(c.draw);
    if (!picked) return;
    const { item, definition } = picked;
    try {
      await c.api.put('catalog', `/items/${item.itemId}/draft`, staffOf(item).admin, { ...definition, visitsRequired: definition.visitsRequired + 1 });
      c.count('catalog.direct-edits-accepted'); // would be a bug in the catalog: counted so it is seen
    } catch (error) {
      if (!(error instanceof DemoApiError && error.status === 409)) throw error;
      c.count('catalog.direct-edits-refused');
    }
  }

  /** "成熟一批、公布一批": a unit drafts a new item, the reform office approves it and publishes the next batch. */
  private async newBatch(c: SimulationContext): Promise<void> {
    const picked = await c.world.pickItem(c.draw, (definition) => definition.kind === 'on_the_spot');
    if (!picked) return;
    const template: DirectoryItem = picked.item;
    const unit = c.world.unit(template.unitId);
    if (!unit) return;
    this.newItems += 1;
    const serial = `N${String(this.newItems).padStart(3, '0')}${c.draw.int(100, 999)}`;
    const definition: DemoItemDefinition = {
      ...picked.definition,
      name: `${picked.definition.name.replace(/（.*$/, '')}（告知承诺新增${serial}）`.slice(0, 200),
      basicCode: `${picked.definition.basicCode}-${serial}`.slice(0, 64),
      implementationCode: `${picked.definition.implementationCode}-${serial}`.slice(0, 64),
    };
    const admin = staffOf(unit).admin;
    const office = reformOfficeFor(unit.regionCode);
    const { itemId } = await c.api.post<{ itemId: string }>('catalog', '/items', admin, definition);
    await c.api.post('catalog', `/items/${itemId}/submission`, admin);
    await c.pause();
    await c.api.post('catalog', `/items/${itemId}/approval`, office, { note: '同意新增' });
    await c.api.post('catalog', '/batches', office, {
      kind: 'on_the_spot',
      level: unit.level,
      regionCode: unit.regionCode,
      title: `${unit.name}新增当场办结事项（${c.today()}）`.slice(0, 200),
      itemIds: [itemId],
    });
    c.count('catalog.new-batches');
  }
}
