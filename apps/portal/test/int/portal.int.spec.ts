import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { eventually, signTestToken } from '@sangeyipi/testing';
import { launchChromium, publishDemoItem, screenshot, SCREENSHOTS, startPortal, type PortalUnderTest } from './portal-test-kit';

const ITEM_NAME = '食品经营许可（浏览器测试）';

/** Signs a demo user in through the sign-in page. */
async function signInAs(page: Page, portalUrl: string, username: string): Promise<void> {
  await page.goto(`${portalUrl}/#/sign-in`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('sgyp-demo-2025');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '退出' }).waitFor();
}

/** For what a read model shows: loads the page again until `shown` appears. */
async function reloadUntilShown(page: Page, shown: Locator): Promise<void> {
  await eventually(async () => {
    const appeared = await shown.waitFor({ timeout: 1_000 }).then(
      () => true,
      () => false,
    );
    if (!appeared) await page.reload();
    return appeared;
  });
}

describe('the portal in headless Chromium, served by the gateway in front of real services', () => {
  let portal: PortalUnderTest;
  let browser: Browser;
  let itemId: string;
  let seedCaseId: string;

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchChromium()]);
    ({ itemId, seedCaseId } = await publishDemoItem(portal, ITEM_NAME));
  }, 300_000); // four processes to start on a machine that may be busy
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  /** A fresh browser profile: no cache, no session. */
  async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    return { context, page: await context.newPage() };
  }

  it('shows the first page within 2 s, searches the catalog in Chinese from the keyboard, and shows an item’s history', async () => {
    const { context, page } = await freshPage();
    const started = Date.now();
    await page.goto(`${portal.url}/`);
    await page.getByTestId('catalog-total').waitFor();
    const firstPageMs = Date.now() - started;
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(path.join(SCREENSHOTS, 'timings.json'), JSON.stringify({ firstPageMs, at: new Date().toISOString() }));
    expect(firstPageMs).toBeLessThan(2_000);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    // The heading has the focus; the keyword box is the next stop for Tab.
    await page.keyboard.press('Tab');
    await page.keyboard.type('食品');
    await page.keyboard.press('Enter');
    const link = page.getByTestId('catalog-results').getByRole('link', { name: ITEM_NAME });
    await link.waitFor();
    await expect(page.getByTestId('catalog-total').textContent()).resolves.toMatch(/^共 [1-9]\d* 项$/);
    await screenshot(page, '01-catalog-search-zh');

    // The four levels' catalogs by region: the item is Huangpu's, not Xuhui's.
    await page.locator('select[name="regionCode"]').selectOption('310104');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByText('共 0 项').waitFor();
    await page.locator('select[name="regionCode"]').selectOption('310101');
    await page.getByRole('button', { name: '搜索' }).click();
    await link.waitFor();
    await page.getByLabel('关键词').fill('不存在的事项名称');
    await page.keyboard.press('Enter');
    await page.getByText('共 0 项').waitFor();

    await page.goto(`${portal.url}/#/catalog/${itemId}`);
    const history = page.getByTestId('item-history');
    await history.waitFor();
    expect(await history.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('公布')]);
    await screenshot(page, '02-item-history');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('History', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, '03-item-history-en');
    await context.close();
  });

  it('lets a clerk, a reviewer and a decider take a case from receipt to decision, through a notice, a suspension and assistance', async () => {
    const { context, page } = await freshPage();
    const signIn = (username: string) => signInAs(page, portal.url, username);
    const signOut = () => page.getByRole('button', { name: '退出' }).click();
    const status = () => page.getByTestId('case-status').getAttribute('data-status');
    const completeStep = async (opinion: string, decision?: { reasons: string; legalBasis: string }) => {
      const form = page.getByTestId('action-step');
      await form.getByLabel('工号').fill('HP-0101');
      await form.getByLabel('意见').fill(opinion);
      if (decision) {
        await form.locator('select[name="outcome"]').selectOption('DECISION_APPROVED');
        await form.getByLabel('决定理由').fill(decision.reasons);
        await form.getByLabel('法律依据').fill(decision.legalBasis);
      }
      await form.getByRole('button').click();
      await page.getByRole('status').filter({ hasText: '已提交' }).waitFor();
    };

    // 承办: the clerk receives the application at the window, accepts it and handles the first step.
    await signIn('clerk');
    await page.getByText('收件', { exact: true }).click();
    const receive = page.getByTestId('receive-form');
    await receive.getByLabel('事项').selectOption(itemId);
    await receive.getByLabel('申请人编号').fill('zhangsan-browser');
    await receive.getByLabel('工号').fill('HP-0101');
    await receive.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/#\/workbench\/case\//);
    const caseId = decodeURIComponent(page.url().split('/').pop() ?? '');
    await page.getByTestId('case-status').waitFor();
    expect(await status()).toBe('received');
    // 一次告知: every missing material in one notice.
    const notice = page.getByTestId('action-supplement');
    await notice.getByLabel('材料编号').fill('M02');
    await notice.getByLabel('材料名称').fill('营业执照');
    await notice.getByLabel('理由').fill('未提交');
    await notice.getByRole('button', { name: '一次告知：补正材料通知' }).click();
    await page.locator('[data-status="awaiting-supplement"]').waitFor();
    expect(await page.getByTestId('action-supplement').count()).toBe(0); // no second notice for the same application
    await page.getByTestId('action-accept').getByRole('button', { name: '受理' }).click();
    await page.locator('[data-status="in-progress"]').waitFor();
    // The clock stops for a testing period (检测) and runs again.
    const suspend = page.getByTestId('action-suspend');
    await suspend.locator('select[name="reason"]').selectOption('SUSPENSION_REASON_TESTING');
    await suspend.getByLabel('说明').fill('样品送检');
    await suspend.getByRole('button').click();
    await page.getByTestId('action-resume').waitFor();
    await page.getByTestId('action-resume').getByRole('button').click();
    await page.getByTestId('action-suspend').waitFor();
    // 行政协助: Xuhui's unit is asked for its opinion.
    const ask = page.getByTestId('action-ask-assistance');
    await ask.getByLabel('协助单位编号').fill('d310104-scjg'); // the Xuhui demo clerk's unit
    await ask.getByLabel('协助事项').fill('请核实申请人在徐汇区的经营记录');
    await ask.getByLabel('协助时限（工作日）').fill('5');
    await ask.getByRole('button').click();
    await page.getByTestId('assistance').getByText('待答复', { exact: false }).waitFor();
    await completeStep('材料齐全，符合受理条件');
    await screenshot(page, '04-case-after-handle');
    await signOut();

    // The asked unit finds the request in its assistance inbox and answers through the platform; it sees
    // the case it was asked about, and no other.
    await signIn('xuhui-clerk');
    const inboxRow = page.getByTestId('assistance-inbox').locator('tr', { hasText: '请核实申请人在徐汇区的经营记录' });
    await page.goto(`${portal.url}/#/workbench`);
    await reloadUntilShown(page, inboxRow);
    await screenshot(page, '05a-assistance-inbox');
    await inboxRow.getByRole('link').click();
    await page.waitForURL(new RegExp(`#/workbench/case/${caseId}`));
    const answer = page.getByTestId('action-answer-assistance');
    await answer.getByLabel('意见').fill('无不良经营记录');
    await answer.getByRole('button').click();
    await page.getByTestId('assistance').getByText('已答复: 无不良经营记录').waitFor();
    await page.goto(`${portal.url}/#/workbench/case/${seedCaseId}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('403');
    expect(await page.getByTestId('case-facts').count()).toBe(0);
    await screenshot(page, '05-other-district-refused');
    await signOut();

    // 审核: the reviewer finds the case in "my cases", with a green deadline light.
    await signIn('reviewer');
    const row = page.locator(`tr[data-case-id="${caseId}"]`);
    await row.waitFor();
    expect(await row.locator('[data-light]').getAttribute('data-light')).toBe('green');
    await screenshot(page, '06-my-cases-reviewer');
    await row.getByRole('link').click();
    await page.getByTestId('action-step').waitFor();
    await completeStep('审核通过');
    await signOut();

    // 决定: the decider approves.
    await signIn('decider');
    await page.goto(`${portal.url}/#/workbench/case/${caseId}`);
    await page.getByTestId('action-step').waitFor();
    await completeStep('同意', { reasons: '符合食品经营许可条件', legalBasis: '《中华人民共和国食品安全法》第三十五条' });
    await page.locator('[data-status="decided"]').waitFor();
    expect(await page.getByTestId('case-decision').textContent()).toBe('DECISION_APPROVED');
    await screenshot(page, '07-case-decided');
    await signOut();

    // AB角: the unit admin names the clerk's backup.
    await signIn('unitadmin');
    await page.goto(`${portal.url}/#/workbench/backup`);
    const backup = page.getByTestId('action-name-backup');
    await backup.getByLabel('经办人（A角）编号').fill('demo-clerk');
    await backup.getByLabel('B角编号').fill('demo-reviewer');
    await backup.getByRole('button').click();
    await page.getByRole('status').filter({ hasText: '已提交' }).waitFor();
    await context.close();
  });

  it('lets an applicant apply online from the catalog, and a clerk find it in “my cases”, pass its pre-review and receive it at the window', async () => {
    const { context, page } = await freshPage();
    await signInAs(page, portal.url, 'zhangsan');
    await page.goto(`${portal.url}/#/catalog/${itemId}`);
    const apply = page.getByTestId('apply-online');
    await apply.getByRole('button', { name: '网上申报' }).click();
    await page.waitForURL(/#\/workbench\/case\//);
    const caseId = decodeURIComponent(page.url().split('/').pop() ?? '');
    await page.locator('[data-status="submitted-online"]').waitFor();
    await page.getByRole('button', { name: '退出' }).click();

    await signInAs(page, portal.url, 'clerk');
    await page.goto(`${portal.url}/#/workbench`);
    const row = page.locator(`tr[data-case-id="${caseId}"]`);
    await reloadUntilShown(page, row);
    expect(await row.textContent()).toContain('网上已提交');
    await row.getByRole('link').click();

    await page.getByTestId('action-pre-review').getByRole('button').click();
    await page.locator('[data-status="pre-reviewed"]').waitFor();
    const window = page.getByTestId('action-accept-at-window');
    await window.getByLabel('工号').fill('HP-0102');
    await window.getByRole('button').click();
    await page.locator('[data-status="in-progress"]').waitFor();
    await screenshot(page, '07a-online-application-accepted');
    await context.close();
  });

  it('draws a published bulletin’s charts with exactly the numbers the API answers, beside its digest', async () => {
    // A city supervisor publishes this month's bulletin once analytics has folded the cases above.
    const supervisor = await signTestToken({ userId: 'city-supervisor', roles: ['supervisor'], regionCode: '310000' });
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7); // Shanghai's month
    const scope = `periodKind=month&period=${month}&regionCode=310000`;
    await eventually(
      async () => {
        const figures = await portal.api('GET', `/api/analytics/figures?${scope}`, { token: supervisor });
        return figures.status === 200 && JSON.stringify(figures.body).includes('"value":') && /"value":\s*[0-9]/.test(JSON.stringify(figures.body));
      },
      { timeoutMs: 90_000, intervalMs: 1_000 },
    );
    const published = await portal.api('POST', '/api/analytics/bulletins', { token: supervisor, body: { periodKind: 'month', period: month, regionCode: '310000', title: `${month} 上海市统计通报（浏览器测试）` } });
    expect(published.status).toBe(201);
    const api = await portal.api('GET', `/api/analytics/bulletins/${published.body.bulletinId}`); // public: no token
    expect(api.status).toBe(200);

    const { context, page } = await freshPage();
    await page.goto(`${portal.url}/#/bulletins`);
    await page.getByTestId('bulletins').getByRole('link', { name: api.body.title }).click();
    await page.getByTestId('bulletin-digest').waitFor();
    expect(await page.getByTestId('bulletin-digest').textContent()).toBe(api.body.digest);

    const drawn = async (chart: string) => {
      const element = page.getByTestId(`chart-${chart}`);
      await element.locator('svg').first().waitFor();
      // charts.ts exposes what ECharts holds for each drawn chart as window.sangeyipiCharts.
      return element.evaluate((node) => (window as unknown as { sangeyipiCharts?: { drawnSeries(element: HTMLElement): { name: string; data: unknown[] }[] } }).sangeyipiCharts?.drawnSeries(node as HTMLElement));
    };
    /** One series per label over the categories in the order they come, as the page should draw them. */
    const series = (rows: { label: string; category: string; value: number }[]) => {
      const labels = [...new Set(rows.map((row) => row.label))];
      const categories = [...new Set(rows.map((row) => row.category))];
      return labels.map((name) => ({ name, data: categories.map((category) => rows.find((row) => row.label === name && row.category === category)?.value ?? null) }));
    };
    // Expected, computed here from the API's JSON (analytics: the whole scope has unitId and regionCode
    // empty, a sub-region only regionCode): the city's districts, or its units when it has no district
    // rows; the trend of the whole city's figures; the scores per level.
    type Figure = { label: string; unitId: string; regionCode: string; value: number | null };
    const figures = (api.body.figures as Figure[]).filter((figure): figure is Figure & { value: number } => typeof figure.value === 'number');
    const inside = figures.filter((figure) => figure.unitId === '' && figure.regionCode !== '');
    const byRegion = (inside.length > 0 ? inside : figures.filter((figure) => figure.unitId !== '')).map((figure) => ({ label: figure.label, category: figure.unitId || figure.regionCode, value: figure.value }));
    expect(byRegion.length).toBeGreaterThan(0);
    expect(await drawn('by-region')).toEqual(series(byRegion));
    const whole = figures.filter((figure) => figure.unitId === '' && figure.regionCode === '').map((figure) => ({ label: figure.label, category: month, value: figure.value }));
    expect(whole.length).toBeGreaterThan(0);
    expect(await drawn('trend')).toEqual(series(whole));
    for (const level of api.body.assessment.rankings as { level: string; units: { score: number }[] }[]) {
      expect({ level: level.level, drawn: (await drawn(`ranking-${level.level}`))?.[0].data }).toEqual({ level: level.level, drawn: level.units.map((unit) => unit.score) });
    }
    await screenshot(page, '08-bulletin-charts');
    await context.close();
  });

  it('shows an auditor every running service’s event chains as intact, and "no data yet" for the others', async () => {
    const { context, page } = await freshPage();
    await signInAs(page, portal.url, 'auditor');
    await page.goto(`${portal.url}/#/audit`);
    const chains = page.getByTestId('chain-status');
    for (const service of ['catalog', 'cases', 'analytics']) {
      const row = chains.locator(`tr[data-service="${service}"][data-ok]`);
      await row.waitFor();
      expect({ service, ok: await row.getAttribute('data-ok'), result: await row.locator('td').nth(3).textContent() }).toEqual({ service, ok: 'true', result: '完好' });
    }
    // The catalog holds at least the demo item published above: its events were counted.
    expect(Number(await chains.locator('tr[data-service="catalog"] td').first().textContent())).toBeGreaterThan(0);
    await chains.locator('tr[data-service="projects"]').getByText('暂无数据：该服务尚未提供此信息。').waitFor();
    await screenshot(page, '10-audit-chain-status');
    await context.close();
  });

  it('says "no data yet" where a service is not there (supervision, projects), instead of failing', async () => {
    const { context, page } = await freshPage();
    await page.goto(`${portal.url}/#/inspections`);
    await page.getByTestId('no-data').first().waitFor();
    expect(await page.getByTestId('no-data').first().textContent()).toBe('暂无数据：该服务尚未提供此信息。');
    await page.goto(`${portal.url}/#/landing`);
    await page.getByRole('heading', { name: '当年落地项目清单及落地率' }).waitFor();
    // Rates and lists load separately: wait for both before counting, or the count races the second answer.
    await page.getByTestId('no-data').nth(1).waitFor();
    expect(await page.getByTestId('no-data').count()).toBe(2); // rates and lists: projects is not running
    await page.goto(`${portal.url}/#/commitments`);
    await page.getByRole('heading', { name: '告知承诺公示' }).waitFor();
    await screenshot(page, '09-inspections-no-data');
    await context.close();
  });
});
