/**
 * `import`: commits returned self-assessment workbooks into a package as the app does (one batch:
 * the changed scores with their history and one ImportBatch, planned by shared/domain/assessment-import.ts)
 * and writes the result as a new package. If any file has errors nothing is written.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { applyImportPlan, planImport, type InspectProblem, type InspectReport } from '../../../shared/domain/assessment-import';
import { parseCommandArgs, parseYear, requireOption, UsageError, type Command } from '../command';
import { buildPackage, readPackageFile } from '../../services/handover/package-file';
import { writeFileAtomic } from '../../services/fs/atomic-write';
import { APP_NAME } from '../../services/handlers/foundation';
import { appVersion } from '../app-version';

/** The default author of the history entries, as in the app before the secretariat is named in settings. */
const DEFAULT_BY = 'Thư ký Khối';

/** One reason, saying the file and, when the message does not already, the sheet and cell. */
function reasonLine(file: string, p: InspectProblem): string {
  const where: string[] = [];
  if (p.sheet && !p.message.includes(p.sheet)) where.push(`trang '${p.sheet}'`);
  if (p.cell && !p.message.includes(p.cell)) where.push(`ô ${p.cell}`);
  return `- ${file}${where.length ? ` (${where.join(', ')})` : ''}: ${p.message}\n`;
}

function refusal(reports: readonly InspectReport[]): string {
  const bad = reports.filter((r) => !r.ok);
  const lines = [`Không nhập được: ${bad.length}/${reports.length} tệp có lỗi. Chưa ghi gói dữ liệu nào; hãy sửa các lỗi dưới đây rồi chạy lại.\n`];
  for (const r of bad) {
    if (r.errors.length === 0) lines.push(`- ${r.file}: tệp không nhập được.\n`);
    for (const p of r.errors) lines.push(reasonLine(r.file, p));
  }
  return lines.join('');
}

export const importCommand: Command = {
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { data: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, by: { type: 'string' } },
      true,
    );
    const dataPath = resolve(requireOption(values.data, 'data'));
    const year = parseYear(values.year);
    const out = resolve(requireOption(values.out, 'out'));
    if (out === dataPath) throw new UsageError('--out phải là một tệp mới, khác tệp --data (gói gốc được giữ nguyên).');
    if (positionals.length === 0) throw new UsageError('Cần ít nhất một tệp .xlsx để nhập.');
    const by = (typeof values.by === 'string' ? values.by.trim() : '') || DEFAULT_BY;

    const { data } = await readPackageFile(dataPath);
    // Loaded on demand: reading workbooks pulls in exceljs.
    const { inspectFiles, readWorkbookFiles } = await import('../../services/assessment/inspect');
    const { inputs, unreadable } = await readWorkbookFiles(positionals.map((p) => resolve(p)));
    const reports = [...(inputs.length ? await inspectFiles(data, year, inputs) : []), ...unreadable];
    if (reports.some((r) => !r.ok)) {
      io.stderr(refusal(reports));
      return 1;
    }

    const now = new Date().toISOString();
    const plan = planImport({ blocId: data.bloc.id, year, reports, existing: data.scores, batchId: randomUUID(), now, by });
    const next = applyImportPlan(data, plan);
    const bytes = buildPackage(next, { createdBy: by, appName: APP_NAME, appVersion: appVersion(), now });
    await writeFileAtomic(out, bytes);

    const lines = [`Đã nhập ${reports.length} tệp năm ${year} (${plan.changes.length} giá trị thay đổi) và ghi gói mới: ${out}`];
    for (const f of plan.perFile) lines.push(`  ${f.file} (${f.unitCode}): ${f.changes} thay đổi`);
    for (const r of reports) for (const w of r.warnings) lines.push(`  Lưu ý - ${r.file}: ${w.message}`);
    io.stdout(lines.join('\n') + '\n');
    return 0;
  },
};
