import { Inject, Injectable } from '@nestjs/common';
import { regionName } from '@sangeyipi/platform';
import { DataSource } from 'typeorm';
import type { BatchesQueryDto, PublishedItemsQueryDto, RegionScopeQueryDto } from './dto/catalog-queries.dto';
import type { CatalogBatchView, ItemVersion, PublicItemDetail, PublishedItemPage, PublishedItemSummary, ServiceUnitView } from './dto/catalog-responses.dto';
import { PublicCatalogCache, type QueryCache } from './public-catalog.cache';
import { containsPattern, regionSubtreePattern, SqlFilter } from './sql-filter';

const DEFAULT_PAGE_SIZE = 20;

/**
 * Finds a keyword anywhere in the lower-cased name and materials. From three characters on, the
 * trigram index answers `LIKE '%…%'`; a shorter keyword has no trigram, so it is looked up among the
 * text's characters and character pairs (catalog_search_grams), which contain it exactly when the
 * text does.
 */
function keywordCondition(filter: SqlFilter, q: string | undefined): void {
  const keyword = q?.trim().toLowerCase();
  if (!keyword) return;
  if (Array.from(keyword).length <= 2) filter.where('catalog_search_grams(search_text) @> ARRAY[?]::text[]', keyword);
  else filter.where('search_text LIKE ?', containsPattern(keyword));
}

const SUMMARY_COLUMNS = `item_id AS "itemId", name, kind, completion_mode AS "completionMode", level, region_code AS "regionCode",
  region_name AS "regionName", unit_id AS "unitId", unit_name AS "unitName", statutory_limit_days AS "statutoryLimitDays",
  committed_limit_days AS "committedLimitDays", revision, batch_number AS "batchNumber", published_on::text AS "publishedOn",
  effective_on::text AS "effectiveOn"`;

interface VersionRow extends ItemVersion {
  unitId: string;
  level: PublicItemDetail['level'];
  regionCode: string;
}

/** What anyone may read, without logging in: the published catalogs, their items' histories, their batches, the units. */
@Injectable()
export class PublicCatalogQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(PublicCatalogCache) private readonly cache: QueryCache,
  ) {}

  /** Published items by level, region subtree, kind, unit, mode and a keyword in the name or materials. */
  searchItems(query: PublishedItemsQueryDto): Promise<PublishedItemPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    // Resolved before the cache, so that an unknown region is refused, not cached.
    const regionPattern = regionSubtreePattern(query.regionCode);
    return this.cache.read('items', { ...query, page, pageSize }, async () => {
      const filter = new SqlFilter()
        .where('level = ?', query.level)
        .where('region_code LIKE ?', regionPattern)
        .where('kind = ?', query.kind)
        .where('unit_id = ?', query.unitId)
        .where('completion_mode = ?', query.mode);
      keywordCondition(filter, query.q);
      // One statement, so that the count and the page come from the same snapshot. The matching ids
      // are gathered first (through the keyword indexes), then counted and paged: left to itself, the
      // planner would walk the date order and test every row until a page is full.
      const [{ total, items }] = (await this.dataSource.query(
        `WITH matching AS MATERIALIZED (SELECT item_id, published_on FROM catalog_published_items ${filter.sql})
         SELECT (SELECT count(*)::int FROM matching) AS total,
                coalesce((SELECT json_agg(found ORDER BY found."publishedOn" DESC, found."itemId") FROM (
                  SELECT ${SUMMARY_COLUMNS} FROM catalog_published_items
                   WHERE item_id IN (SELECT item_id FROM matching ORDER BY published_on DESC, item_id
                                      LIMIT ${filter.param(pageSize)} OFFSET ${filter.param((page - 1) * pageSize)})
                ) AS found), '[]'::json) AS items`,
        filter.params,
      )) as Array<{ total: number; items: PublishedItemSummary[] }>;
      return { total, page, pageSize, items };
    });
  }

  /** A published (or withdrawn) item with every version it has had; null when it was never published. */
  item(itemId: string): Promise<PublicItemDetail | null> {
    return this.cache.read('item', { itemId }, async () => {
      const versions = (await this.dataSource.query(
        `SELECT change, revision, definition, decided_on::text AS "decidedOn", effective_on::text AS "effectiveOn", batch_number AS "batchNumber",
                approval_reference AS "approvalReference", reason, unit_id AS "unitId", level, region_code AS "regionCode"
           FROM catalog_item_versions WHERE item_id = $1 ORDER BY stream_version`,
        [itemId],
      )) as VersionRow[];
      if (versions.length === 0) return null;
      const last = versions[versions.length - 1];
      const [unit] = (await this.dataSource.query(`SELECT name FROM catalog_units WHERE unit_id = $1`, [last.unitId])) as Array<{ name: string }>;
      const history = versions.map(({ unitId: _unitId, level: _level, regionCode: _regionCode, ...version }) => version);
      return {
        itemId,
        status: last.change === 'withdrawn' ? 'withdrawn' : 'published',
        unitId: last.unitId,
        unitName: unit?.name ?? last.unitId,
        level: last.level,
        regionCode: last.regionCode,
        regionName: regionName(last.regionCode) ?? last.regionCode,
        current: history[history.length - 1],
        versions: history,
      };
    });
  }

  /** The batches of the catalogs of a level and region subtree, newest first. */
  batches(query: BatchesQueryDto): Promise<CatalogBatchView[]> {
    const regionPattern = regionSubtreePattern(query.regionCode);
    return this.cache.read('batches', { ...query }, () => {
      const filter = new SqlFilter()
        .where('level = ?', query.level)
        .where('region_code LIKE ?', regionPattern)
        .where('kind = ?', query.kind)
        .where('batch_year = ?', query.year);
      return this.dataSource.query(
        `SELECT batch_id AS "batchId", kind, level, region_code AS "regionCode", batch_year AS year, batch_number AS "batchNumber", title,
                published_on::text AS "publishedOn", items
           FROM catalog_batches ${filter.sql} ORDER BY published_on DESC, region_code, kind, batch_number DESC`,
        filter.params,
      ) as Promise<CatalogBatchView[]>;
    });
  }

  /** The registered service units of a level and region subtree. */
  units(query: RegionScopeQueryDto): Promise<ServiceUnitView[]> {
    const regionPattern = regionSubtreePattern(query.regionCode);
    return this.cache.read('units', { ...query }, async () => {
      const filter = new SqlFilter().where('level = ?', query.level).where('region_code LIKE ?', regionPattern);
      const rows = (await this.dataSource.query(
        `SELECT unit_id AS "unitId", name, unit_kind AS kind, level, region_code AS "regionCode" FROM catalog_units ${filter.sql} ORDER BY region_code, name`,
        filter.params,
      )) as Array<Omit<ServiceUnitView, 'regionName'>>;
      return rows.map((unit) => ({ ...unit, regionName: regionName(unit.regionCode) ?? unit.regionCode }));
    });
  }
}
