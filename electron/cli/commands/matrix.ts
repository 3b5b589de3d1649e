/** `matrix`: the year's unit × criterion matrix with self and verified scores, totals and rank, as Excel. */
import { extname, resolve } from 'node:path';
import { parseCommandArgs, parseYear, requireOption, UsageError, type Command } from '../command';

export const matrixCommand: Command = {
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { data: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } });
    const dataPath = resolve(requireOption(values.data, 'data'));
    const year = parseYear(values.year);
    const outArg = requireOption(values.out, 'out');
    if (extname(outArg).toLowerCase() !== '.xlsx') throw new UsageError(`--out phải là tệp Excel .xlsx, nhận được "${outArg}".`);
    const out = resolve(outArg);
    // Loaded here so that --help does not load exceljs.
    const [{ readPackageFile }, { writeFileAtomic }, { verificationMatrixXlsx }] = await Promise.all([
      import('../../services/handover/package-file'),
      import('../../services/fs/atomic-write'),
      import('../../services/excel/verification-matrix-xlsx'),
    ]);
    const { data } = await readPackageFile(dataPath);
    await writeFileAtomic(out, await verificationMatrixXlsx(data, year));
    io.stdout(`Đã ghi bảng tổng hợp tự chấm và thẩm định năm ${year}: ${out}\n`);
    return 0;
  },
};
