/** A chart with its table view: two toggle buttons, "Biểu đồ" and "Bảng số liệu". */
import { useState, type ReactNode } from 'react';

export function ChartOrTable({ label, chart, table }: { label: string; chart: () => ReactNode; table: () => ReactNode }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <div className="chart-or-table">
      <div className="view-switch" role="group" aria-label={`Cách xem: ${label}`}>
        <button type="button" className={view === 'chart' ? 'btn btn-small active' : 'btn btn-small'} aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
          Biểu đồ
        </button>
        <button type="button" className={view === 'table' ? 'btn btn-small active' : 'btn btn-small'} aria-pressed={view === 'table'} onClick={() => setView('table')}>
          Bảng số liệu
        </button>
      </div>
      {view === 'chart' ? chart() : table()}
    </div>
  );
}
