/** `inspect`: checks returned self-assessment workbooks and prints one JSON report per file. */
import { resolve } from 'node:path';
import { parseCommandArgs, parseYear, requireOption, UsageError, type Command } from '../command';
import { inspectFiles, readWorkbookFiles } from '../../services/assessment/inspect';
import { readPackageFile } from '../../services/handover/package-file';

export const inspectCommand: Command = {
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { data: { type: 'string' }, year: { type: 'string' } }, true);
    const dataPath = resolve(requireOption(values.data, 'data'));
    const year = parseYear(values.year);
    if (positionals.length === 0) throw new UsageError('Cần ít nhất một tệp .xlsx để kiểm tra.');
    const { data } = await readPackageFile(dataPath);
    const { inputs, unreadable } = await readWorkbookFiles(positionals.map((p) => resolve(p)));
    const reports = [...(inputs.length ? await inspectFiles(data, year, inputs) : []), ...unreadable];
    io.stdout(JSON.stringify(reports, null, 2) + '\n');
    return reports.every((r) => r.ok) ? 0 : 1;
  },
};
