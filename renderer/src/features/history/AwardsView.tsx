/** The awards per year: the quota of the rules profile (line), the awards proposed and those granted (bars); or the same as a table. */
import { useMemo } from 'react';
import uPlot from 'uplot';
import type { AwardsChartData } from '../../../../shared/domain/history';
import { UPlotChart } from '../../ui/charts/UPlotChart';
import { ChartOrTable } from './ChartOrTable';

const integers = (_u: uPlot, splits: number[]) => splits.map((v) => (Number.isInteger(v) ? String(v) : ''));

function awardsOptions(data: AwardsChartData): Omit<uPlot.Options, 'width' | 'height'> {
  const first = data.years[0] ?? 0;
  const last = data.years.at(-1) ?? first;
  const top = Math.max(1, ...data.quota, ...data.proposed);
  const bars = uPlot.paths.bars!;
  return {
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false, range: [first - 0.6, last + 0.6] }, y: { range: [0, top + 1] } },
    axes: [
      { label: 'Năm', values: integers, incrs: [1, 2, 5, 10], space: 40 },
      { label: 'Số đơn vị', values: integers, incrs: [1, 2, 5, 10], space: 24, size: 44 },
    ],
    series: [
      { label: 'Năm', value: (_u, v) => (v === null ? '—' : String(v)) },
      { label: 'Đã đề nghị', stroke: '#1f5fa8', fill: 'rgba(31, 95, 168, 0.55)', paths: bars({ size: [0.6, 60] }), points: { show: false } },
      { label: 'Được tặng', stroke: '#1e7a3c', fill: 'rgba(30, 122, 60, 0.8)', paths: bars({ size: [0.3, 30] }), points: { show: false } },
      { label: 'Tối đa theo quy chế', stroke: '#b3261e', width: 1.5, dash: [6, 4], points: { show: true, size: 6 } },
    ],
  };
}

export function AwardsView({ data }: { data: AwardsChartData }) {
  const options = useMemo(() => awardsOptions(data), [data]);
  const plotData = useMemo<uPlot.AlignedData>(() => [data.years, data.proposed, data.granted, data.quota], [data]);
  const none = data.proposed.every((n) => n === 0);
  return (
    <>
      {none && (
        <p className="info-box">
          Chưa có kết quả bình xét nào được ghi: biểu đồ mới có số đề nghị tối đa theo quy chế của từng năm. Số đã đề nghị và được tặng sẽ hiện khi kết quả bỏ
          phiếu được lưu.
        </p>
      )}
      <ChartOrTable
        label="khen thưởng theo năm"
        chart={() => (
          <div className="chart-card">
            <UPlotChart options={options} data={plotData} height={300} label={`Biểu đồ khen thưởng theo năm ${data.years.join(', ')}`} />
          </div>
        )}
        table={() => (
          <div className="table-wrap">
            <table className="data-table compact" aria-label="Khen thưởng theo năm">
              <thead>
                <tr>
                  <th>Năm</th>
                  <th className="col-num">Tối đa theo quy chế</th>
                  <th className="col-num">Đã đề nghị</th>
                  <th className="col-num">Được tặng</th>
                </tr>
              </thead>
              <tbody>
                {[...data.years.keys()].reverse().map((i) => (
                  <tr key={data.years[i]}>
                    <td>{data.years[i]}</td>
                    <td className="col-num">{data.quota[i]}</td>
                    <td className="col-num">{data.proposed[i]}</td>
                    <td className="col-num">{data.granted[i]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      />
    </>
  );
}
