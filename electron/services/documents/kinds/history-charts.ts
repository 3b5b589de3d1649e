/**
 * The two charts of the bloc's history in the summary report, drawn from the same history domain
 * as the "Lịch sử khối" screen (shared/domain/history: blocHistory, rankChartData,
 * awardsChartData): each unit's rank over the years, and the awards per year.
 */
import { awardsChartData, blocHistory, rankChartData } from '../../../../shared/domain/history';
import type { BlocData } from '../../../../shared/model/records';
import type { ChartBlock } from '../model/index';

/** The charts of the years up to `year` (a report of year N does not look at N+1). */
export function historyCharts(data: BlocData, year: number): ChartBlock[] {
  const history = blocHistory({ ...data, years: data.years.filter((y) => y.year <= year) });
  if (history.years.length === 0) return [];
  const out: ChartBlock[] = [];
  const ranks = rankChartData(history);
  const categories = ranks.years.map(String);
  if (ranks.series.length) {
    out.push({
      kind: 'chart',
      type: 'line',
      categories,
      categoryLabel: 'Năm',
      axis: { label: 'Thứ hạng', min: 1, max: Math.max(2, ranks.maxRank), inverted: true },
      series: ranks.series.map((s) => ({ label: s.label, values: s.ranks })),
      height: 190,
      caption: 'Biểu đồ 1. Thứ hạng của các đơn vị qua các năm (hạng 1 ở trên cùng)',
    });
  }
  const awards = awardsChartData(history);
  const most = Math.max(1, ...awards.quota, ...awards.proposed, ...awards.granted);
  out.push({
    kind: 'chart',
    type: 'bar',
    categories,
    categoryLabel: 'Năm',
    axis: { label: 'Số đơn vị', min: 0, max: most },
    series: [
      { label: 'Tối đa theo quy chế', values: awards.quota },
      { label: 'Đã đề nghị', values: awards.proposed },
      { label: 'Được tặng', values: awards.granted },
    ],
    height: 130,
    caption: `Biểu đồ ${out.length + 1}. Khen thưởng qua các năm`,
  });
  return out;
}
