import { INDICATORS } from '@sangeyipi/indicators';
import { regionName } from '@sangeyipi/platform';
import type { BulletinView } from './bulletin.service';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

function shown(value: number | null, indicator: string): string {
  if (value === null) return '—';
  return indicator === 'overdue_cases' ? String(value) : `${(value * 100).toFixed(1)}%`;
}

/** A horizontal bar per rate of the whole scope, as inline SVG (prints without scripts). */
function chart(bulletin: BulletinView): string {
  const bars = bulletin.figures.flatMap((f) => (!f.unitId && !f.regionCode && f.indicator !== 'overdue_cases' && f.value !== null ? [{ ...f, value: f.value }] : []));
  const rowHeight = 26;
  const rows = bars
    .map((f, i) => {
      const width = Math.max(0, Math.min(1, f.value)) * 360;
      const y = i * rowHeight;
      return `<text x="0" y="${y + 17}" font-size="13">${escape(f.label)}</text>
<rect x="170" y="${y + 4}" width="${width.toFixed(1)}" height="16" fill="#c0392b"/>
<text x="${(176 + width).toFixed(1)}" y="${y + 17}" font-size="12">${shown(f.value, f.indicator)}</text>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="${bars.length * rowHeight + 4}" role="img" aria-label="全域指标">${rows}</svg>`;
}

/** The bulletin as a printable page: figures, the chart, sub-regions, units with their efficiency scores, provenance. */
export function renderBulletinPage(bulletin: BulletinView, unitNames: ReadonlyMap<string, string>): string {
  const { content } = bulletin;
  const overall = bulletin.figures.filter((f) => !f.unitId && !f.regionCode);
  const regions = [...new Set(bulletin.figures.filter((f) => f.regionCode).map((f) => f.regionCode))].sort();
  const cell = (regionCode: string, indicator: string) => {
    const figure = bulletin.figures.find((f) => f.regionCode === regionCode && !f.unitId && f.indicator === indicator);
    return `<td>${figure ? shown(figure.value, indicator) : '—'}</td>`;
  };
  const regionTable = regions.length
    ? `<h2>分区域</h2><table><thead><tr><th>区域</th>${INDICATORS.map((d) => `<th>${d.label}</th>`).join('')}</tr></thead><tbody>
${regions.map((code) => `<tr><th>${escape(regionName(code) ?? code)}</th>${INDICATORS.map((d) => cell(code, d.name)).join('')}</tr>`).join('\n')}
</tbody></table>`
    : '';
  const rankings = bulletin.assessment.rankings
    .map(
      ({ level, units }) => `<h3>${escape(level)}</h3><table><thead><tr><th>排名</th><th>单位</th><th>得分</th><th>构成</th></tr></thead><tbody>
${units
  .map(
    (u) =>
      `<tr><td>${u.rank}</td><td>${escape(unitNames.get(u.unitId) ?? u.unitId)}</td><td>${u.score.toFixed(2)}</td><td>${u.breakdown
        .map((p) => `${escape(INDICATORS.find((d) => d.name === p.indicator)?.label ?? p.indicator)} ${p.value === null ? '—' : `${(p.value * 100).toFixed(1)}%`} × ${p.weight} → ${p.points ?? '—'}`)
        .join('；')}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(bulletin.title)}</title>
<style>
body{font-family:"Noto Serif CJK SC","Songti SC",serif;margin:2em auto;max-width:60em;color:#222}
h1{text-align:center;color:#c0392b}table{border-collapse:collapse;width:100%;margin:1em 0;font-size:13px}
th,td{border:1px solid #999;padding:4px 6px;text-align:left}.meta{font-size:12px;color:#555;word-break:break-all}
@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}table{page-break-inside:auto}tr{page-break-inside:avoid}}
</style></head><body>
<h1>${escape(bulletin.title)}</h1>
<p>范围：${escape(regionName(content.scope.regionCode) ?? content.scope.regionCode)}${content.scope.level ? `（${escape(content.scope.level)}级单位）` : ''}；
统计期：${content.period.startOn} 至 ${content.period.endOn}；数据截至：${content.asOf}；发布：${bulletin.publishedAt}</p>
<h2>全域指标</h2>
${chart(bulletin)}
<table><thead><tr><th>指标</th><th>分子</th><th>分母</th><th>数值</th></tr></thead><tbody>
${overall
  .map((f) => {
    const value = content.values.find((v) => v.indicator === f.indicator && !v.unitId && !v.regionCode);
    return `<tr><th>${escape(f.label)}</th><td>${value?.numerator ?? ''}</td><td>${value?.denominator ?? ''}</td><td>${shown(f.value, f.indicator)}</td></tr>`;
  })
  .join('\n')}
</tbody></table>
${regionTable}
<h2>效能评估（权重版本 ${escape(bulletin.assessment.weightsVersion)}）</h2>
${rankings || '<p>本期无单位数据。</p>'}
<h2>核验信息</h2>
<p class="meta">摘要（SHA-256）：${bulletin.digest}<br>规则版本：${escape(content.rulesVersion)}<br>事件范围：${bulletin.eventRanges
    .map((r) => `${escape(r.topic)}[${r.partition}] ${r.fromOffset}–${r.toOffset}`)
    .join('；')}</p>
</body></html>`;
}
