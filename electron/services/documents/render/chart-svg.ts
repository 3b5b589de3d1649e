/**
 * A chart block of the document model drawn as one SVG (pure: no DOM, no canvas, no Node). The same
 * data gives the same text, byte for byte. Sizes are in points; the PDF prints the SVG as vectors
 * (pdfmake `svg`), and any raster copy for Word is made from this same SVG.
 *
 * Text is set in the documents' serif: the PDF maps an unknown family to its own font (Liberation
 * Serif or the user's Times New Roman), so Vietnamese letters print with the bundled font. Legend
 * labels are measured with the serif's metrics (base/metrics.ts) to lay out the columns.
 */
import { textWidth } from '../base/metrics';
import type { ChartBlock } from '../model/types';

export const CHART_FONT_FAMILY = 'Times New Roman, Liberation Serif, serif';

/** Ten colours told apart on screen and paper; past ten series the dash pattern changes too. */
export const CHART_COLORS = ['#1f5fa8', '#b3261e', '#1e7a3c', '#d97706', '#6d28d9', '#0e7490', '#a21caf', '#57534e', '#65a30d', '#9f1239'] as const;
const DASHES = ['', '5 2', '1.5 1.5', '6 2 1.5 2', '9 3', '3 3'] as const;

const TICK_SIZE = 8.5;
const LEGEND_SIZE = 8.5;
const LEGEND_ROW = 11.5;
const SWATCH = 20;
const LEFT = 42;
const RIGHT = 8;
const TOP = 8;
const BOTTOM = 30;

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
  /** Rows of the legend under the plot. */
  legendRows: number;
}

/** How series i is drawn: its colour and dash pattern (60 series all differ). */
export function seriesStyle(i: number): { color: string; dash: string } {
  return { color: CHART_COLORS[i % CHART_COLORS.length]!, dash: DASHES[Math.floor(i / CHART_COLORS.length) % DASHES.length]! };
}

/** Text escaped for SVG character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A coordinate with at most two decimals, so the output does not depend on float noise. */
const n = (v: number): string => String(Math.round(v * 100) / 100);

/** Tick values of the value axis: whole numbers, at most about `most` of them. */
export function axisTicks(min: number, max: number, most: number): number[] {
  const span = Math.max(1, max - min);
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000].find((s) => span / s <= most) ?? Math.ceil(span / most);
  const ticks = [min];
  for (let v = Math.ceil((min + 1) / step) * step; v <= max; v += step) if (v !== min) ticks.push(v);
  return ticks;
}

/** The label cut with "…" to fit `width` points; a closing "(code)" is kept, as it tells the units apart. */
export function fitLabel(label: string, width: number, size: number): string {
  if (textWidth(label, size, false) <= width) return label;
  const code = / \([^()]{1,20}\)$/.exec(label)?.[0] ?? '';
  const chars = [...label.slice(0, label.length - code.length)];
  while (chars.length > 1 && textWidth(`${chars.join('')}…${code}`, size, false) > width) chars.pop();
  return `${chars.join('').trimEnd()}…${code}`;
}

interface Legend {
  columns: number;
  columnWidth: number;
  rows: number;
}

/** Many series: at least three columns (long labels are cut), so 60 units take 20 rows. */
const MANY_SERIES = 18;

function legendLayout(labels: string[], width: number): Legend {
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, LEGEND_SIZE, false)));
  const columnWidth = Math.min(width, SWATCH + 4 + widest + 12);
  const fitting = Math.floor(width / columnWidth);
  const columns = Math.max(1, Math.min(labels.length, labels.length > MANY_SERIES ? Math.max(3, fitting) : fitting));
  return { columns, columnWidth: width / columns, rows: Math.ceil(labels.length / columns) };
}

const text = (x: number, y: number, content: string, attrs = ''): string =>
  `<text x="${n(x)}" y="${n(y)}"${attrs ? ` ${attrs}` : ''}>${escapeXml(content)}</text>`;

/** The chart as an SVG `width` points wide; its height follows the plot height and the legend. */
export function chartSvg(chart: ChartBlock, width: number): ChartSvg {
  const plot = { x: LEFT, y: TOP, w: Math.max(40, width - LEFT - RIGHT), h: chart.height };
  const legend = legendLayout(
    chart.series.map((s) => s.label),
    plot.w,
  );
  const legendTop = plot.y + plot.h + BOTTOM + 4;
  const height = legendTop + legend.rows * LEGEND_ROW + 2;
  const { min, max, inverted } = chart.axis;
  // Lines keep half a step off the frame, so the first and last ranks are not drawn on it; bars stand
  // on it and leave room above the highest for its value.
  const pad = chart.type === 'line' ? 0.5 : 0;
  const low = min - pad;
  const high = chart.type === 'line' ? max + pad : max + Math.max(0.5, (max - min) * 0.12);
  const span = Math.max(1e-9, high - low);
  const yOf = (v: number) => (inverted ? plot.y + ((v - low) / span) * plot.h : plot.y + plot.h - ((v - low) / span) * plot.h);
  const slot = plot.w / Math.max(1, chart.categories.length);
  const xOf = (i: number) => plot.x + (i + 0.5) * slot;

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${escapeXml(CHART_FONT_FAMILY)}">`,
  ];
  // Grid and value axis.
  const ticks = axisTicks(min, max, Math.max(2, Math.min(10, Math.floor(plot.h / 18))));
  for (const t of ticks) {
    const y = yOf(t);
    out.push(`<line x1="${n(plot.x)}" y1="${n(y)}" x2="${n(plot.x + plot.w)}" y2="${n(y)}" stroke="#d4d4d4" stroke-width="0.4"/>`);
    out.push(text(plot.x - 4, y + TICK_SIZE * 0.35, String(t), `font-size="${TICK_SIZE}" text-anchor="end"`));
  }
  out.push(`<rect x="${n(plot.x)}" y="${n(plot.y)}" width="${n(plot.w)}" height="${n(plot.h)}" fill="none" stroke="#000" stroke-width="0.6"/>`);
  const midY = plot.y + plot.h / 2;
  out.push(text(11, midY, chart.axis.label, `font-size="${TICK_SIZE}" text-anchor="middle" transform="rotate(-90 11 ${n(midY)})"`));
  // Category axis.
  chart.categories.forEach((c, i) => {
    const x = xOf(i);
    out.push(`<line x1="${n(x)}" y1="${n(plot.y + plot.h)}" x2="${n(x)}" y2="${n(plot.y + plot.h + 3)}" stroke="#000" stroke-width="0.6"/>`);
    out.push(text(x, plot.y + plot.h + 4 + TICK_SIZE, c, `font-size="${TICK_SIZE}" text-anchor="middle"`));
  });
  out.push(text(plot.x + plot.w / 2, plot.y + plot.h + BOTTOM - 6, chart.categoryLabel, `font-size="${TICK_SIZE}" text-anchor="middle" font-style="italic"`));

  if (chart.type === 'line') out.push(...lineSeries(chart, xOf, yOf));
  else out.push(...barSeries(chart, xOf, yOf, slot, min));

  // Legend: a swatch and the label, row by row.
  chart.series.forEach((s, i) => {
    const col = i % legend.columns;
    const row = Math.floor(i / legend.columns);
    const x = plot.x + col * legend.columnWidth;
    const y = legendTop + row * LEGEND_ROW;
    const { color, dash } = seriesStyle(i);
    if (chart.type === 'line') {
      out.push(`<line x1="${n(x)}" y1="${n(y + 4)}" x2="${n(x + SWATCH)}" y2="${n(y + 4)}" stroke="${color}" stroke-width="1.2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
      out.push(`<circle cx="${n(x + SWATCH / 2)}" cy="${n(y + 4)}" r="1.8" fill="${color}"/>`);
    } else {
      out.push(`<rect x="${n(x + 4)}" y="${n(y)}" width="${n(SWATCH - 8)}" height="8" fill="${color}"/>`);
    }
    out.push(text(x + SWATCH + 4, y + 7, fitLabel(s.label, legend.columnWidth - SWATCH - 8, LEGEND_SIZE), `font-size="${LEGEND_SIZE}"`));
  });
  out.push('</svg>');
  return { svg: out.join(''), width, height, legendRows: legend.rows };
}

/** A line per series, broken where a value is missing, with a dot on every value. */
function lineSeries(chart: ChartBlock, xOf: (i: number) => number, yOf: (v: number) => number): string[] {
  const out: string[] = [];
  chart.series.forEach((s, si) => {
    const { color, dash } = seriesStyle(si);
    let d = '';
    let open = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        open = false;
        return;
      }
      d += `${open ? 'L' : 'M'}${n(xOf(i))} ${n(yOf(v))}`;
      open = true;
    });
    if (d.includes('L')) out.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    s.values.forEach((v, i) => {
      if (v !== null) out.push(`<circle cx="${n(xOf(i))}" cy="${n(yOf(v))}" r="1.8" fill="${color}"/>`);
    });
  });
  return out;
}

/** Bars grouped by category, one per series, with the value printed over each bar. */
function barSeries(chart: ChartBlock, xOf: (i: number) => number, yOf: (v: number) => number, slot: number, min: number): string[] {
  const out: string[] = [];
  const count = Math.max(1, chart.series.length);
  const group = Math.min(slot * 0.75, 36 * count);
  const bar = group / count;
  chart.categories.forEach((_, i) => {
    chart.series.forEach((s, si) => {
      const v = s.values[i] ?? null;
      if (v === null) return;
      const x = xOf(i) - group / 2 + si * bar;
      const top = yOf(v);
      const base = yOf(min);
      out.push(`<rect x="${n(x + 0.5)}" y="${n(Math.min(top, base))}" width="${n(Math.max(0.5, bar - 1))}" height="${n(Math.abs(base - top))}" fill="${seriesStyle(si).color}"/>`);
      out.push(text(x + bar / 2, Math.min(top, base) - 2, String(v), `font-size="${TICK_SIZE - 1}" text-anchor="middle"`));
    });
  });
  return out;
}
