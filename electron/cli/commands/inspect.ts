/** `inspect`: checks returned self-assessment workbooks and prints one JSON report per file. */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseCommandArgs, parseYear, requireOption, UsageError, type Command } from '../command';
import { DEFAULT_WORKBOOK_LIMITS } from '../../services/excel/workbook-guard';
import { inspectFiles, type InspectInput } from '../../services/assessment/inspect';
import type { InspectReport } from '../../../shared/domain/assessment-import';
import { readPackageFile } from '../../services/handover/package-file';

export const inspectCommand: Command = {
  name: 'inspect',
  usage: 'inspect --data <tệp.blocdesk> --year <YYYY> <tệp.xlsx>...',
  description:
    'Kiểm tra các phiếu tự chấm điểm đơn vị gửi về, in JSON (mỗi tệp: đơn vị, năm, điểm từng tiêu chí, lỗi, cảnh báo). Mã thoát 0 khi mọi tệp nhập được, 1 khi có tệp lỗi.',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { data: { type: 'string' }, year: { type: 'string' } }, true);
    const dataPath = resolve(requireOption(values.data, 'data'));
    const year = parseYear(values.year);
    if (positionals.length === 0) throw new UsageError('Cần ít nhất một tệp .xlsx để kiểm tra.');
    const { data } = await readPackageFile(dataPath);
    const inputs: InspectInput[] = [];
    const unreadable: InspectReport[] = [];
    for (const p of positionals) {
      const path = resolve(p);
      const problem = (kind: string, message: string): InspectReport => ({
        file: basename(path),
        ok: false,
        refused: true,
        unit: null,
        unitId: null,
        year: null,
        tableVersion: null,
        size: 0,
        sha256: '',
        scores: [],
        errors: [{ kind, message }],
        warnings: [],
      });
      let size: number;
      try {
        size = (await stat(path)).size;
      } catch {
        unreadable.push(problem('file-not-found', `Không tìm thấy tệp '${p}'.`));
        continue;
      }
      if (size > DEFAULT_WORKBOOK_LIMITS.maxFileBytes) {
        unreadable.push({ ...problem('workbook-too-large', `Tệp '${basename(path)}' quá lớn (${(size / 1048576).toFixed(1)} MB) đối với một phiếu tự chấm điểm.`), size });
        continue;
      }
      inputs.push({ name: basename(path), bytes: new Uint8Array(await readFile(path)) });
    }
    const reports = [...(inputs.length ? await inspectFiles(data, year, inputs) : []), ...unreadable];
    io.stdout(JSON.stringify(reports, null, 2) + '\n');
    return reports.every((r) => r.ok) ? 0 : 1;
  },
};
