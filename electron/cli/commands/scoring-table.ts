/** `scoring-table`: exports the year's scoring table (bảng chấm điểm) of a package to Excel or PDF. */
import { extname, resolve } from 'node:path';
import { parseCommandArgs, parseYear, requireOption, UsageError, type Command } from '../command';
import { readPackageFile, writeFileAtomic } from '../../services/handover/package-file';

function parseVersion(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,4}$/.test(value) || Number(value) < 1) {
    throw new UsageError(`--version phải là số nguyên dương, nhận được "${String(value)}".`);
  }
  return Number(value);
}

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
    const ext = extname(out).toLowerCase();
    if (ext !== '.pdf' && ext !== '.xlsx') {
      throw new UsageError(`--out phải là tệp .xlsx hoặc .pdf, nhận được "${values.out}".`);
    }
    const { data } = await readPackageFile(dataPath);
    let bytes: Uint8Array;
    // Each format's writer is loaded on demand: pdfmake and exceljs are heavy, and one is enough.
    if (ext === '.pdf') {
      const [{ scoringTablePdf }, { defaultAssetsDir }] = await Promise.all([
        import('../../services/documents/service'),
        import('../../services/documents/base/fonts'),
      ]);
      bytes = await scoringTablePdf(data, year, { assetsDir: defaultAssetsDir() }, version);
    } else {
      const { scoringTableToXlsx } = await import('../../services/excel/scoring-table-xlsx');
      bytes = await scoringTableToXlsx(data, year, version);
    }
    await writeFileAtomic(out, bytes);
    io.stdout(`Đã ghi bảng chấm điểm năm ${year}: ${out}\n`);
    return 0;
  },
};
