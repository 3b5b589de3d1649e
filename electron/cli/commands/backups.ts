/** `backups`: lists the packages in a backups folder, newest first, as a table or JSON. */
import { resolve } from 'node:path';
import { localParts } from '../../../shared/domain/office-time';
import { BACKUP_REASON_LABELS, type BackupEntry } from '../../../shared/package/backup';
import { formatNumberVi } from '../../../shared/text/vietnamese';
import { parseCommandArgs, requireOption, type Command } from '../command';
import { listBackups } from '../../services/backups/list-backups';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy HH:mm:ss on the office clock (UTC+7), whatever the PC's time zone. */
function officeTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const p = localParts(ms);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year} ${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`;
}

function sizeText(bytes: number): string {
  return bytes >= 1048576 ? `${formatNumberVi(bytes / 1048576, 1)} MB` : `${formatNumberVi(Math.ceil(bytes / 1024))} KB`;
}

function row(e: BackupEntry): string[] {
  if (e.status === 'damaged') return [officeTime(e.time), 'HỎNG', '', '', '', sizeText(e.size), e.problem, e.fileName];
  const years = e.years.length ? (e.years.length > 3 ? `${e.years[0]}–${e.years[e.years.length - 1]}` : e.years.join(', ')) : '';
  return [
    officeTime(e.time),
    e.bloc.shortName || e.bloc.name,
    years,
    String(e.counts.units),
    formatNumberVi(e.counts.scores),
    sizeText(e.size),
    e.reason ? BACKUP_REASON_LABELS[e.reason] : 'Gói chép vào',
    e.fileName,
  ];
}

function table(entries: BackupEntry[]): string {
  const head = ['Thời gian', 'Khối', 'Năm', 'Đơn vị', 'Điểm', 'Dung lượng', 'Lý do', 'Tệp'];
  const rows = [head, ...entries.map(row)];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n') + '\n';
}

export const backupsCommand: Command = {
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { folder: { type: 'string' }, json: { type: 'boolean' } });
    const folder = resolve(requireOption(values.folder, 'folder'));
    const entries = await listBackups(folder);
    if (values.json) io.stdout(JSON.stringify(entries, null, 2) + '\n');
    else if (entries.length === 0) io.stdout(`Thư mục "${folder}" chưa có bản sao lưu nào.\n`);
    else io.stdout(table(entries));
    return 0;
  },
};
