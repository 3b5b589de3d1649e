/**
 * A chart block in Word: a native Word chart (the `docx` package's ChartRun, its own part
 * word/charts/chartN.xml with the data in an embedded workbook), drawn by Word or LibreOffice from
 * the same figures, colours and dash patterns as the PDF's vector drawing (chart-svg.ts), at the
 * same size. A native chart needs no raster copy of the SVG and stays editable ("Edit Data").
 */
import { ChartRun, type ChartLineDash } from 'docx/charts';
import type { ChartBlock } from '../model/types';
import { axisTicks, chartSvg, seriesStyle } from './chart-svg';

/** The SVG's dash patterns as Word's preset dashes, in the same order (chart-svg.ts DASHES). */
const WORD_DASHES: Record<string, ChartLineDash> = {
  '': 'solid',
  '5 2': 'dash',
  '1.5 1.5': 'shortDot',
  '6 2 1.5 2': 'dashDot',
  '9 3': 'longDash',
  '3 3': 'shortDash',
};

/** docx sizes charts in pixels at 96 per inch. */
const px = (pt: number) => Math.max(1, Math.round((pt * 96) / 72));

/** The chart as a run of a paragraph, `width` points wide, as tall as the PDF's drawing. */
export function chartRun(block: ChartBlock, width: number, font: string): ChartRun {
  // As tall as the PDF's drawing, plus the rows Word's legend takes beyond the drawing's (Word sets
  // a long legend in two columns without cutting the labels).
  const drawn = chartSvg(block, width);
  const wordRows = block.series.length > 6 ? Math.ceil(block.series.length / 2) : 1;
  const height = drawn.height + Math.max(0, wordRows - drawn.legendRows) * 12;
  const ticks = axisTicks(block.axis.min, block.axis.max, Math.max(2, Math.min(10, Math.floor(block.height / 18))));
  const interval = ticks.length > 2 ? ticks[2]! - ticks[1]! : Math.max(1, block.axis.max - block.axis.min);
  const base = {
    categories: block.categories,
    legend: { position: 'bottom' as const, font: { size: 8.5 } },
    font: { name: font },
    transformation: { width: px(width), height: px(height) },
    altText: { name: block.caption, description: block.caption },
    // Ranks read downwards (1 at the top), the years staying along the bottom.
    categoryAxis: {
      title: { text: block.categoryLabel, font: { size: 8.5, italics: true } },
      font: { size: 8.5 },
      ...(block.axis.inverted ? { crossesAt: 'maximum' as const } : {}),
    },
    valueAxis: {
      title: { text: block.axis.label, font: { size: 8.5 } },
      minimum: block.axis.min,
      maximum: block.axis.max,
      interval,
      numberFormat: '0',
      font: { size: 8.5 },
      ...(block.axis.inverted ? { reverseOrder: true } : {}),
    },
  };
  if (block.type === 'line') {
    return new ChartRun({
      ...base,
      type: 'line',
      emptyValues: 'gap',
      series: block.series.map((s, i) => {
        const { color, dash } = seriesStyle(i);
        return { name: s.label, values: s.values, color: color.slice(1), markers: { shape: 'circle', size: 4 }, line: { width: 1.2, dash: WORD_DASHES[dash] ?? 'solid' } };
      }),
    });
  }
  return new ChartRun({
    ...base,
    type: 'column',
    dataLabels: { value: true, position: 'outsideEnd', font: { size: 7.5 } },
    series: block.series.map((s, i) => ({ name: s.label, values: s.values, color: seriesStyle(i).color.slice(1) })),
  });
}
