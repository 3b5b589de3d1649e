/** `ballots`: the year's ballots (phiếu bầu) of a handover package, as PDF or Word; a shortcut of `document --kind ballots`. */
import { resolve } from 'node:path';
import { parseCommandArgs, parseYear, requireOption, type Command } from '../command';
import { documentFormatOf, writeDocument } from './document';
import { VOTE_OPTION_SPECS, voteDocumentOptions } from './vote-options';

export const ballotsCommand: Command = {
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      data: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
      ...VOTE_OPTION_SPECS,
    });
    const dataPath = resolve(requireOption(values.data, 'data'));
    const year = parseYear(values.year);
    const out = resolve(requireOption(values.out, 'out'));
    const format = documentFormatOf(requireOption(values.out, 'out')) as 'pdf' | 'docx';
    const options = await voteDocumentOptions(values);
    await writeDocument({ kind: 'ballots', dataPath, year, out, format, options });
    const round = options.round ?? 1;
    io.stdout(`Đã ghi phiếu bầu năm ${year}${round > 1 ? `, lần bỏ phiếu thứ ${round}` : ''}: ${out}\n`);
    return 0;
  },
};
