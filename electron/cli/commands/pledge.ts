/** `pledge`: prints the year's pledge (bản giao ước thi đua) of a handover package to PDF. */
import { extname, resolve } from 'node:path';
import { parseCommandArgs, parseYear, requireOption, UsageError, type Command } from '../command';
import { defaultAssetsDir } from '../../services/documents/base/fonts';
import { pledgePdf } from '../../services/documents/service';
import { readPackageFile, writeFileAtomic } from '../../services/handover/package-file';

export const pledgeCommand: Command = {
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      data: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
    });
    const dataPath = resolve(requireOption(values.data, 'data'));
    const year = parseYear(values.year);
    const out = resolve(requireOption(values.out, 'out'));
    if (extname(out).toLowerCase() !== '.pdf') throw new UsageError(`--out phải là tệp .pdf, nhận được "${values.out}".`);
    const { data } = await readPackageFile(dataPath);
    const pdf = await pledgePdf(data, year, { assetsDir: defaultAssetsDir() });
    await writeFileAtomic(out, pdf);
    io.stdout(`Đã ghi bản giao ước thi đua năm ${year}: ${out}\n`);
    return 0;
  },
};
