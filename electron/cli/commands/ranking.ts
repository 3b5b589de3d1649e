/** `ranking`: the year's ranking of a package as JSON (and optionally an Excel table). */
import { extname, resolve } from 'node:path';
import { rankingRow } from '../../../shared/domain/ranking';
import { parseCommandArgs, parseYear, requireOption, UsageError, type Command } from '../command';
import { readPackageFile } from '../../services/handover/package-file';
import { writeFileAtomic } from '../../services/fs/atomic-write';
import { yearRanking } from '../../services/ranking/year-ranking';

export const rankingCommand: Command = {
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { data: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } });
    const dataPath = resolve(requireOption(values.data, 'data'));
    const year = parseYear(values.year);
    const out = values.out === undefined ? null : resolve(requireOption(values.out, 'out'));
    if (out && extname(out).toLowerCase() !== '.xlsx') {
      throw new UsageError(`--out chỉ nhận tệp Excel .xlsx (bảng tổng hợp dạng PDF và Word chưa có), nhận được "${values.out}".`);
    }
    const { data } = await readPackageFile(dataPath);
    const ranking = yearRanking(data, year);
    for (const w of ranking.result.warnings) io.stderr(`Cảnh báo: ${w}\n`);
    if (out) {
      // Loaded on demand: only the Excel output needs exceljs.
      const { rankingToXlsx } = await import('../../services/excel/ranking-xlsx');
      await writeFileAtomic(out, await rankingToXlsx(data, ranking));
      io.stderr(`Đã ghi bảng xếp hạng năm ${year}: ${out}\n`);
    }
    io.stdout(JSON.stringify(ranking.result.entries.map(rankingRow), null, 2) + '\n');
    return 0;
  },
};
