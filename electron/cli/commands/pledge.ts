/** `pledge`: the year's pledge (bản giao ước thi đua) of a handover package, as PDF or Word; a shortcut of `document --kind pledge`. */
import { resolve } from 'node:path';
import { parseCommandArgs, parseYear, requireOption, type Command } from '../command';
import { documentFormatOf, writeDocument } from './document';

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
    const format = documentFormatOf(requireOption(values.out, 'out')) as 'pdf' | 'docx';
    await writeDocument({ kind: 'pledge', dataPath, year, out, format, options: {} });
    io.stdout(`Đã ghi bản giao ước thi đua năm ${year}: ${out}\n`);
    return 0;
  },
};
