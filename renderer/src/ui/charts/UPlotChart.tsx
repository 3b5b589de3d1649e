/**
 * A uPlot chart (uplot 1.6, ~50 kB, canvas, works offline) that fills its container's width and
 * follows its resizing. `options` without width/height; a new `options` or `data` object redraws.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface UPlotChartProps {
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height: number;
  /** Describes the chart for screen readers (the tables beside it carry the numbers). */
  label: string;
  /** Called with the chart once drawn (to focus a series from outside). */
  onReady?: (chart: uPlot | null) => void;
}

export function UPlotChart({ options, data, height, label, onReady }: UPlotChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(320, Math.floor(el.clientWidth));
    const chart = new uPlot({ ...options, width: width(), height }, data, el);
    onReady?.(chart);
    const observer = new ResizeObserver(() => chart.setSize({ width: width(), height }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      onReady?.(null);
      chart.destroy();
    };
  }, [options, data, height, onReady]);
  return <div ref={box} className="uplot-box" role="img" aria-label={label} />;
}

/** Distinct colours for many series: hues spread by the golden angle, darker every other one. */
export function seriesColor(i: number): string {
  const hue = Math.round((i * 137.508) % 360);
  return `hsl(${hue}, 65%, ${i % 2 ? 38 : 48}%)`;
}
