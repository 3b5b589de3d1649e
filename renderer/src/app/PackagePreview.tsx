/** What a handover package holds, shown before the user decides to replace or add. */
import type { PackagePreview as Preview } from '../../../shared/package/format';
import { formatDateTimeVi, formatNumberVi } from '../../../shared/text/vietnamese';

export function formatBytes(n: number): string {
  if (n < 1024) return `${formatNumberVi(n)} byte`;
  if (n < 1024 * 1024) return `${formatNumberVi(n / 1024, 1)} KB`;
  return `${formatNumberVi(n / 1024 / 1024, 1)} MB`;
}

const COUNT_LABELS: [keyof Preview['counts'], string][] = [
  ['units', 'Đơn vị'],
  ['years', 'Năm thi đua'],
  ['scoringTables', 'Bảng chấm điểm (các phiên bản)'],
  ['pledges', 'Giao ước thi đua'],
  ['scores', 'Điểm chấm'],
  ['importBatches', 'Lần nhập điểm'],
  ['attachments', 'Tệp đính kèm (chữ ký, con dấu)'],
];

export function PackagePreview({ preview }: { preview: Preview }) {
  return (
    <div className="package-preview" data-testid="package-preview">
      <dl className="facts">
        <dt>Khối thi đua</dt>
        <dd>
          <strong>{preview.bloc.name}</strong>
          {preview.bloc.shortName && ` (${preview.bloc.shortName})`}
        </dd>
        <dt>Các năm</dt>
        <dd>{preview.years.length ? [...preview.years].sort((a, b) => a - b).join(', ') : 'Chưa có năm thi đua'}</dd>
        <dt>Lập lúc</dt>
        <dd>{formatDateTimeVi(preview.createdAt)}</dd>
        <dt>Đơn vị lập</dt>
        <dd>{preview.createdBy || 'Không ghi'}</dd>
        <dt>Phần mềm</dt>
        <dd>
          {preview.app.name} {preview.app.version} · định dạng gói {preview.formatVersion} · phiên bản dữ liệu {preview.schemaVersion}
          {preview.migratedFrom !== null && ` (đã chuyển đổi từ phiên bản ${preview.migratedFrom})`}
        </dd>
        <dt>Tệp</dt>
        <dd>
          {preview.fileName} · {formatBytes(preview.fileBytes)}
        </dd>
      </dl>
      <table className="counts">
        <tbody>
          {COUNT_LABELS.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td>{formatNumberVi(preview.counts[key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
