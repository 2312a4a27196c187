// Chinese keyword search over 50,000 published catalog items, through the public query service
// (the Redis cache bypassed, so every search reaches PostgreSQL and its trigram index).
//
//   npm run bench:catalog-search
//   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register services/catalog/bench/catalog-search.bench.ts
//
// Environment: BENCH_ITEMS (default 50000), BENCH_SEARCHES (timed searches, default 600),
// BENCH_POSTGRES_URL (an administrator URL; default the local test PostgreSQL). The database is
// created for the run and dropped afterwards.
import { randomBytes, randomUUID } from 'node:crypto';
import { regionsAt, type Region } from '@sangeyipi/platform';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { CatalogItemDefinition, CompletionMode } from '../src/catalog-item/catalog-item.definition';
import { earlyFoodLicence } from '../src/catalog-item/catalog-item.examples';
import { CreateCatalogReadModel1764400000000 } from '../src/migrations/1764400000000-create-catalog-read-model.migration';
import { searchTextOf } from '../src/read-model/catalog-read-model.projection';
import type { PublishedItemsQueryDto } from '../src/read-model/dto/catalog-queries.dto';
import type { QueryCache } from '../src/read-model/public-catalog.cache';
import { PublicCatalogQueries } from '../src/read-model/public-catalog.queries';

const ITEMS = positiveNumber('BENCH_ITEMS', 50_000);
const SEARCHES = positiveNumber('BENCH_SEARCHES', 600);
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const INSERT_BATCH = 1_000;
const AIM_MEDIAN_MS = 20;

// The vocabulary of real item names: a subject, an act, sometimes a qualifier.
const SUBJECTS = [
  '食品经营', '食品生产', '药品零售', '医疗器械经营', '建设工程规划', '建筑工程施工', '排水', '城镇污水排入排水管网', '公共场所卫生',
  '道路运输经营', '出版物零售', '烟草专卖零售', '特种设备使用', '人力资源服务', '危险化学品经营', '户外广告设施设置', '占用城市道路',
  '临时占用绿地', '民办学校办学', '养老机构设立', '旅馆业特种行业', '消防安全检查', '娱乐场所经营', '营业性演出', '网络文化经营',
  '再生资源回收经营', '机动车维修经营', '二类疫苗储存', '母婴保健技术服务', '个体工商户', '农民专业合作社', '企业名称', '社会团体',
];
const ACTS = ['许可', '登记', '备案', '核准', '变更', '延续', '注销', '审批', '补证', '设立登记'];
const QUALIFIERS = ['', '', '', '（仅销售预包装食品）', '（新办）', '（告知承诺）', '（跨区迁入）', '（分支机构）'];
const MATERIALS = [
  '申请书', '营业执照', '法定代表人身份证明', '经营场所使用证明', '平面布局图', '设备设施清单', '管理制度文本', '从业人员健康证明',
  '建设工程规划许可证', '施工图设计文件', '排水许可申请表', '环境影响评价批复', '消防验收意见书', '委托书', '承诺书', '章程',
];
const MODES: CompletionMode[] = ['immediate', 'early', 'time_limited'];

/** The searches, from very selective to very broad, including two-character words and a miss. */
const KEYWORDS = ['食品经营', '营业执照', '药品', '许可', '建设工程规划', '排水许可', '健康证明', '危险化学品经营', '跨区迁入', '养老', '不存在的事项名称'];

function positiveNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${process.env[name]}"`);
  return value;
}

/** A deterministic pseudo-random choice (mulberry32), so that every run searches the same catalog. */
function chooser(seed: number) {
  let state = seed;
  return <T>(choices: readonly T[]): T => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return choices[((t ^ (t >>> 14)) >>> 0) % choices.length];
  };
}

interface GeneratedItem {
  itemId: string;
  region: Region;
  definition: CatalogItemDefinition;
}

function generateItems(count: number): GeneratedItem[] {
  const pick = chooser(2017);
  const regions = [...regionsAt('district'), ...regionsAt('town')];
  return Array.from({ length: count }, (_, index) => {
    const mode = pick(MODES);
    const statutory = pick([5, 10, 15, 20, 30, 45, 60]);
    const materials = Array.from({ length: 2 + (index % 4) }, (_, m) => pick(MATERIALS) + (m === 0 ? '' : `（${m + 1}）`));
    return {
      itemId: randomUUID(),
      region: pick(regions),
      definition: earlyFoodLicence({
        basicCode: `BENCH-${index}`,
        name: `${pick(SUBJECTS)}${pick(ACTS)}${pick(QUALIFIERS)}`,
        completionMode: mode,
        statutoryLimitDays: statutory,
        committedLimitDays: mode === 'immediate' ? 0 : Math.floor(statutory * 0.6),
        caseType: mode === 'immediate' ? 'immediate_case' : 'commitment_case',
        requiredMaterials: materials.map((name, m) => ({
          materialId: `M${m + 1}`,
          name,
          form: 'paper_or_electronic',
          copies: 1,
          originalRequired: false,
          source: 'applicant',
          replaceableByCommitment: false,
        })),
      }),
    };
  });
}

/** Straight into the read model, a thousand rows per INSERT. */
async function load(dataSource: DataSource, items: readonly GeneratedItem[]): Promise<void> {
  for (let start = 0; start < items.length; start += INSERT_BATCH) {
    const batch = items.slice(start, start + INSERT_BATCH);
    await dataSource.query(
      `INSERT INTO catalog_published_items (item_id, unit_id, unit_name, level, region_code, region_name, kind, completion_mode, name, basic_code,
                                            statutory_limit_days, committed_limit_days, revision, search_text, batch_id, batch_number,
                                            published_on, effective_on)
       SELECT item_id, 'unit-' || region_code, region_name || '市场监督管理局', level, region_code, region_name, 'on_the_spot', mode, name, code,
              statutory, committed, 1, search_text, $11::uuid, 1, DATE '2017-09-29', DATE '2017-09-29'
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[], $10::text[])
              AS t(item_id, level, region_code, region_name, mode, name, code, statutory, committed, search_text)`,
      [
        batch.map((item) => item.itemId),
        batch.map((item) => item.region.level),
        batch.map((item) => item.region.code),
        batch.map((item) => item.region.name),
        batch.map((item) => item.definition.completionMode),
        batch.map((item) => item.definition.name),
        batch.map((item) => item.definition.basicCode),
        batch.map((item) => item.definition.statutoryLimitDays),
        batch.map((item) => item.definition.committedLimitDays),
        batch.map((item) => searchTextOf(item.definition)),
        randomUUID(),
      ],
    );
  }
  await dataSource.query(`ANALYZE catalog_published_items`);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function withAdmin(work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const name = `bench_catalog_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dataSource = new DataSource({ type: 'postgres', url: url.toString(), migrations: [CreateCatalogReadModel1764400000000], extra: { max: 4 } });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();

    const items = generateItems(ITEMS);
    const loadStarted = performance.now();
    await load(dataSource, items);
    console.log(`loaded ${ITEMS.toLocaleString('en-US')} items in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

    const passThrough: QueryCache = { read: (_scope, _query, loadAnswer) => loadAnswer() };
    const queries = new PublicCatalogQueries(dataSource, passThrough);

    // Correct first: every keyword finds exactly the items whose name or materials contain it.
    for (const keyword of KEYWORDS) {
      const expected = items.filter((item) => searchTextOf(item.definition).includes(keyword)).length;
      const { total } = await queries.searchItems({ q: keyword });
      if (total !== expected) throw new Error(`"${keyword}" found ${total} items, expected ${expected}`);
    }
    console.log(`all ${KEYWORDS.length} keywords find exactly the matching items`);

    // The keywords, plus browsing without one and a keyword within one district.
    const cases: Array<{ label: string; query: PublishedItemsQueryDto; matches: number }> = [
      ...KEYWORDS.map((keyword) => ({ label: keyword, query: { q: keyword }, matches: items.filter((item) => searchTextOf(item.definition).includes(keyword)).length })),
      { label: '(all items)', query: {}, matches: items.length },
      {
        label: '许可 in 310115',
        query: { q: '许可', regionCode: '310115' },
        matches: items.filter((item) => item.region.code.startsWith('310115') && searchTextOf(item.definition).includes('许可')).length,
      },
    ];
    const latencies = new Map<string, number[]>(cases.map(({ label }) => [label, []]));
    for (let warmUp = 0; warmUp < cases.length * 3; warmUp++) await queries.searchItems(cases[warmUp % cases.length].query);
    for (let search = 0; search < SEARCHES; search++) {
      const { label, query } = cases[search % cases.length];
      const started = performance.now();
      await queries.searchItems(query);
      latencies.get(label)?.push(performance.now() - started);
    }

    console.log(`\n${'search'.padEnd(16)} ${'matches'.padStart(8)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(8)}`);
    for (const { label, matches } of cases) {
      const sorted = [...(latencies.get(label) ?? [])].sort((a, b) => a - b);
      // Chinese characters take two columns in a terminal.
      const width = [...label].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
      console.log(`${label}${' '.repeat(Math.max(1, 16 - width))} ${String(matches).padStart(8)} ${percentile(sorted, 50).toFixed(2).padStart(10)} ${percentile(sorted, 95).toFixed(2).padStart(8)}`);
    }
    const all = [...latencies.values()].flat().sort((a, b) => a - b);
    const median = percentile(all, 50);
    console.log(`\n${SEARCHES} searches over ${ITEMS.toLocaleString('en-US')} items: median ${median.toFixed(2)} ms, p95 ${percentile(all, 95).toFixed(2)} ms (aim: median < ${AIM_MEDIAN_MS} ms)`);
    if (median >= AIM_MEDIAN_MS) process.exitCode = 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
