/**
 * `scoring-table`: the year's scoring table (bảng chấm điểm) of a package, to Excel, PDF or Word;
 * for PDF and Word a shortcut of `document --kind scoring-table`.
 */
import { resolve } from 'node:path';
import { parseCommandArgs, parseYear, requireOption, type Command } from '../command';
import { documentFormatOf, parseVersion, writeDocument } from './document';

export const scoringTableCommand: Command = {
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      data: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
      version: { type: 'string' },
    });
    const dataPath = resolve(requireOption(values.data, 'data'));
    const year = parseYear(values.year);
    const out = resolve(requireOption(values.out, 'out'));
    const version = parseVersion(values.version);
    const format = documentFormatOf(requireOption(values.out, 'out'), ['xlsx']);
    if (format === 'xlsx') {
      // Loaded on demand: the Excel writer pulls in exceljs, which the documents do not need.
      const [{ readPackageFile }, { writeFileAtomic }, { scoringTableToXlsx }] = await Promise.all([
        import('../../services/handover/package-file'),
        import('../../services/fs/atomic-write'),
        import('../../services/excel/scoring-table-xlsx'),
      ]);
      const { data } = await readPackageFile(dataPath);
      await writeFileAtomic(out, await scoringTableToXlsx(data, year, version));
    } else {
      await writeDocument({ kind: 'scoring-table', dataPath, year, out, format: format as 'pdf' | 'docx', options: version !== undefined ? { version } : {} });
    }
    io.stdout(`Đã ghi bảng chấm điểm năm ${year}: ${out}\n`);
    return 0;
  },
};
