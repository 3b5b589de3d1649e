/**
 * Each unit's rank over the years: a line per unit (rank 1 at the top), the line under the cursor
 * (or the unit chosen in the list) stands out and is named below the chart; or the same as a table.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import type { RankChartData } from '../../../../shared/domain/history';
import { compareVi } from '../../../../shared/text/vietnamese';
import { seriesColor, UPlotChart } from '../../ui/charts/UPlotChart';
import { ChartOrTable } from './ChartOrTable';

const integers = (_u: uPlot, splits: number[]) => splits.map((v) => (Number.isInteger(v) ? String(v) : ''));

function rankOptions(data: RankChartData, onFocus: (idx: number | null) => void): Omit<uPlot.Options, 'width' | 'height'> {
  const first = data.years[0] ?? 0;
  const last = data.years.at(-1) ?? first;
  return {
    legend: { show: false },
    focus: { alpha: 0.15 },
    cursor: { focus: { prox: 24 }, drag: { x: false, y: false } },
    scales: {
      x: { time: false, range: [first - 0.25, last + 0.25] },
      // Rank 1 at the top.
      y: { dir: -1, range: [0.5, data.maxRank + 0.5] },
    },
    axes: [
      { label: 'Năm', values: integers, incrs: [1, 2, 5, 10], space: 40 },
      { label: 'Thứ hạng', values: integers, incrs: [1, 2, 5, 10, 20, 50], space: 24, size: 44 },
    ],
    series: [
      { label: 'Năm' },
      ...data.series.map((s, i) => ({ label: s.label, stroke: seriesColor(i), width: 1.5, spanGaps: false, points: { show: true, size: 5 } })),
    ],
    hooks: { setSeries: [(_u: uPlot, idx: number | null) => onFocus(idx)] },
  };
}

export function RankView({ data }: { data: RankChartData }) {
  const [focused, setFocused] = useState<number | null>(null);
  const [pick, setPick] = useState('');
  const chart = useRef<uPlot | null>(null);
  // uPlot reports the focused series on every cursor move; keep the last one named.
  const onFocus = useCallback((idx: number | null) => setFocused((prev) => (idx === null || idx === 0 ? prev : idx)), []);
  const options = useMemo(() => rankOptions(data, onFocus), [data, onFocus]);
  const plotData = useMemo<uPlot.AlignedData>(() => [data.years, ...data.series.map((s) => s.ranks)], [data]);
  const onReady = useCallback((c: uPlot | null) => (chart.current = c), []);
  const byName = useMemo(() => data.series.map((s, i) => ({ ...s, idx: i + 1 })).sort((a, b) => compareVi(a.label, b.label)), [data]);

  if (data.series.length === 0)
    return <p className="muted">Chưa có năm nào có đơn vị được xếp hạng (cần bảng chấm điểm và điểm chấm của các đơn vị).</p>;
  const shown = focused !== null ? data.series[focused - 1] : undefined;
  return (
    <ChartOrTable
      label="thứ hạng qua các năm"
      chart={() => (
        <div className="chart-card">
          <div className="toolbar">
            <label className="topbar-field">
              <span>Làm nổi bật:</span>
              <select
                aria-label="Làm nổi bật đơn vị"
                value={pick}
                onChange={(e) => {
                  setPick(e.target.value);
                  const idx = Number(e.target.value) || null;
                  chart.current?.setSeries(idx, { focus: true });
                  setFocused(idx);
                }}
              >
                <option value="">— chọn đơn vị —</option>
                {byName.map((s) => (
                  <option key={s.unitId} value={s.idx}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <UPlotChart options={options} data={plotData} height={380} label={`Biểu đồ thứ hạng của ${data.series.length} đơn vị qua các năm ${data.years.join(', ')}`} onReady={onReady} />
          <p className="chart-caption" data-testid="rank-focus" aria-live="polite">
            {shown ? (
              <>
                <strong>{shown.label}</strong>: {data.years.map((y, i) => `${y}: ${shown.ranks[i] ?? '—'}`).join(' · ')}
              </>
            ) : (
              'Rê chuột lên một đường để xem đơn vị và thứ hạng của nó qua các năm.'
            )}
          </p>
        </div>
      )}
      table={() => (
        <div className="table-wrap">
          <table className="data-table compact" aria-label="Thứ hạng của các đơn vị qua các năm">
            <thead>
              <tr>
                <th>Đơn vị</th>
                {data.years.map((y) => (
                  <th key={y} className="col-num">
                    {y}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {byName.map((s) => (
                <tr key={s.unitId}>
                  <td>{s.label}</td>
                  {s.ranks.map((r, i) => (
                    <td key={i} className="col-num">
                      {r ?? '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    />
  );
}
