/** The chart block drawn as SVG (render/chart-svg.ts): pure, the same bytes for the same data, text escaped, any size of history. */
import { describe, expect, it } from 'vitest';
import { axisTicks, chartSvg, escapeXml, seriesStyle } from '../../../electron/services/documents/render/chart-svg';
import type { ChartBlock } from '../../../electron/services/documents/model/types';

const WIDTH = 453.5;

function rankChart(years: number, units: number, label = (u: number) => `Đơn vị số ${u + 1} (DV${u + 1})`): ChartBlock {
  return {
    kind: 'chart',
    type: 'line',
    categories: Array.from({ length: years }, (_, i) => String(2015 + i)),
    categoryLabel: 'Năm',
    axis: { label: 'Thứ hạng', min: 1, max: units, inverted: true },
    // Each year the order turns by one place, so every unit has every rank once in a while.
    series: Array.from({ length: units }, (_, u) => ({ label: label(u), values: Array.from({ length: years }, (_, y) => ((u + y) % units) + 1) })),
    height: 190,
    caption: 'Biểu đồ 1',
  };
}

const count = (svg: string, re: RegExp) => [...svg.matchAll(re)].length;
const numbers = (svg: string, attr: string) => [...svg.matchAll(new RegExp(` ${attr}="(-?[\\d.]+)"`, 'g'))].map((m) => Number(m[1]));

describe('chart SVG', () => {
  it('is the same text for the same data, and changes when a value changes', () => {
    const a = chartSvg(rankChart(3, 4), WIDTH);
    expect(chartSvg(rankChart(3, 4), WIDTH)).toEqual(a);
    const changed = rankChart(3, 4);
    changed.series[0]!.values[1] = 4;
    expect(chartSvg(changed, WIDTH).svg).not.toBe(a.svg);
    expect(a.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="453.5"')).toBe(true);
    expect(a.svg.endsWith('</svg>')).toBe(true);
    // No float noise in coordinates: at most two decimals.
    expect(a.svg).not.toMatch(/\d\.\d{3,}/);
  });

  it('escapes the text of labels, categories and axis titles', () => {
    const chart = rankChart(2, 2, (u) => (u === 0 ? 'Sở "A" & <B>' : "Phòng 'C'"));
    chart.axis.label = 'Hạng <1>';
    const { svg } = chartSvg(chart, WIDTH);
    expect(svg).toContain('Sở &quot;A&quot; &amp; &lt;B&gt;');
    expect(svg).toContain('Phòng &apos;C&apos;');
    expect(svg).toContain('Hạng &lt;1&gt;');
    expect(svg).not.toContain('<B>');
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });

  it('draws one year as dots in the middle, without lines', () => {
    const { svg } = chartSvg(rankChart(1, 5), WIDTH);
    expect(count(svg, /<path /g)).toBe(0);
    expect(count(svg, /<circle /g)).toBe(5 + 5); // a dot per unit, and one in each legend key
    const plotDots = [...svg.matchAll(/<circle cx="([\d.]+)" cy="[\d.]+" r="1.8" fill="[^"]+"\/>/g)].map((m) => Number(m[1]));
    const middle = 42 + (WIDTH - 42 - 8) / 2;
    expect(plotDots.filter((x) => Math.abs(x - middle) < 0.01)).toHaveLength(5);
    expect(svg).toContain('>2015</text>');
  });

  it('draws 10 years × 60 units inside its box, each unit its own style, the legend in rows of three or more', () => {
    const { svg, width, height } = chartSvg(rankChart(10, 60), WIDTH);
    expect(count(svg, /<path /g)).toBe(60);
    expect(count(svg, /<circle /g)).toBe(600 + 60);
    for (let y = 0; y < 10; y++) expect(svg).toContain(`>${2015 + y}</text>`);
    const styles = new Set(Array.from({ length: 60 }, (_, i) => JSON.stringify(seriesStyle(i))));
    expect(styles.size).toBe(60);
    for (const x of [...numbers(svg, 'x'), ...numbers(svg, 'x1'), ...numbers(svg, 'x2'), ...numbers(svg, 'cx')]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(width);
    }
    for (const y of [...numbers(svg, 'y'), ...numbers(svg, 'y1'), ...numbers(svg, 'y2'), ...numbers(svg, 'cy')]) {
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(height);
    }
    // 60 legend entries in at least 3 columns: at most 20 rows, so the chart stays within a page.
    expect(height).toBeLessThan(8 + 190 + 30 + 4 + 20 * 11.5 + 3);
    expect(height).toBeLessThan(700);
  });

  it('breaks a line where a unit was not ranked', () => {
    const chart = rankChart(4, 2);
    chart.series[0]!.values = [1, null, 2, 1];
    const { svg } = chartSvg(chart, WIDTH);
    const d = /<path d="([^"]+)"/.exec(svg)![1]!;
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/L/g)).toHaveLength(1);
  });

  it('draws bars from zero with their values, and whole-number ticks', () => {
    const chart: ChartBlock = {
      kind: 'chart', type: 'bar', categories: ['2023', '2024'], categoryLabel: 'Năm', axis: { label: 'Số đơn vị', min: 0, max: 6 },
      series: [{ label: 'Đã đề nghị', values: [6, 3] }, { label: 'Được tặng', values: [2, 0] }], height: 130, caption: 'Biểu đồ 2',
    };
    const { svg } = chartSvg(chart, WIDTH);
    expect(count(svg, /<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#/g)).toBe(4 + 2);
    for (const v of ['6', '3', '2', '0']) expect(svg).toContain(`text-anchor="middle">${v}</text>`);
    expect(axisTicks(0, 6, 7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(axisTicks(1, 60, 10)).toEqual([1, 10, 20, 30, 40, 50, 60]);
  });
});
