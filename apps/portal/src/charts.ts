// Loaded only by the pages that draw charts, so the first page never waits for ECharts.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** Draws `option` into `element` (SVG, so the labels are text), replacing what was there. */
export function drawChart(element: HTMLElement, option: ChartOption): () => void {
  const chart = echarts.getInstanceByDom(element) ?? echarts.init(element, undefined, { renderer: 'svg' });
  chart.setOption({ aria: { enabled: true }, animation: false, ...option }, true);
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}

/** The numbers a drawn chart holds, per series, read back from ECharts itself (for tests and the data table check). */
export function drawnSeries(element: HTMLElement): { name: string; data: unknown[] }[] {
  const option = echarts.getInstanceByDom(element)?.getOption() as { series?: { name?: string; data?: unknown[] }[] } | undefined;
  return (option?.series ?? []).map((series) => ({ name: String(series.name ?? ''), data: [...(series.data ?? [])] }));
}

declare global {
  interface Window {
    /** What each drawn chart holds, for the browser tests and for support staff checking a figure. */
    sangeyipiCharts?: { drawnSeries: typeof drawnSeries };
  }
}
window.sangeyipiCharts = { drawnSeries };
