/**
 * `ranking`: the year's ranking of a package as JSON, and optionally the summary table: Excel
 * (.xlsx) or the printed document (.pdf, .docx, through the document registry's `ranking` kind).
 */
import { resolve } from 'node:path';
import { rankingRow } from '../../../shared/domain/ranking';
import { parseCommandArgs, parseYear, requireOption, type Command } from '../command';
import { documentFormatOf } from './document';
import { readPackageFile } from '../../services/handover/package-file';
import { writeFileAtomic } from '../../services/fs/atomic-write';
import { yearRanking } from '../../services/ranking/year-ranking';

export const rankingCommand: Command = {
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { data: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } });
    const dataPath = resolve(requireOption(values.data, 'data'));
    const year = parseYear(values.year);
    const out = values.out === undefined ? null : resolve(requireOption(values.out, 'out'));
    const format = out ? documentFormatOf(requireOption(values.out, 'out'), ['xlsx']) : null;
    const { data } = await readPackageFile(dataPath);
    const ranking = yearRanking(data, year);
    for (const w of ranking.result.warnings) io.stderr(`Cảnh báo: ${w}\n`);
    if (out) {
      // Loaded on demand: only the chosen output needs exceljs, pdfmake or docx.
      if (format === 'xlsx') {
        const { rankingToXlsx } = await import('../../services/excel/ranking-xlsx');
        await writeFileAtomic(out, await rankingToXlsx(data, ranking));
      } else {
        const [{ renderModel }, { rankingModel }, { defaultAssetsDir }] = await Promise.all([
          import('../../services/documents/service'),
          import('../../services/documents/kinds/ranking'),
          import('../../services/documents/base/fonts'),
        ]);
        const model = rankingModel(data, ranking, new Date().toISOString());
        await writeFileAtomic(out, await renderModel(model, format as 'pdf' | 'docx', { assetsDir: defaultAssetsDir() }));
      }
      io.stderr(`Đã ghi bảng tổng hợp kết quả chấm điểm năm ${year}: ${out}\n`);
    }
    io.stdout(JSON.stringify(ranking.result.entries.map(rankingRow), null, 2) + '\n');
    return 0;
  },
};
