/** `template`: writes self-assessment templates (phiếu tự chấm điểm) of a handover package's year. */
import { mkdir } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { UserError } from '../../../shared/errors';
import { parseCommandArgs, parseYear, requireOption, UsageError, type Command } from '../command';
import { buildTemplates } from '../../services/assessment/template';
import { readPackageFile } from '../../services/handover/package-file';
import { writeFileAtomic } from '../../services/fs/atomic-write';

export const templateCommand: Command = {
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      data: { type: 'string' },
      year: { type: 'string' },
      unit: { type: 'string' },
      out: { type: 'string' },
      all: { type: 'boolean' },
      'out-dir': { type: 'string' },
    });
    const dataPath = resolve(requireOption(values.data, 'data'));
    const year = parseYear(values.year);
    const all = values.all === true;
    if (all === (values.unit !== undefined)) throw new UsageError('Cần đúng một trong hai: --unit <mã> hoặc --all.');
    if (all && values.out !== undefined) throw new UsageError('Với --all hãy dùng --out-dir <thư mục>, không dùng --out.');
    if (!all && values['out-dir'] !== undefined) throw new UsageError('Với --unit hãy dùng --out <tệp.xlsx>, không dùng --out-dir.');
    const { data } = await readPackageFile(dataPath);
    if (all) {
      const dir = resolve(requireOption(values['out-dir'], 'out-dir'));
      const files = await buildTemplates(data, year);
      if (files.length === 0) throw new UserError('no-units', `Năm ${year} chưa có đơn vị thành viên nào.`);
      await mkdir(dir, { recursive: true });
      for (const f of files) await writeFileAtomic(join(dir, f.fileName), f.bytes);
      io.stdout(`Đã ghi ${files.length} phiếu tự chấm điểm năm ${year} vào ${dir}\n`);
      return 0;
    }
    const code = requireOption(values.unit, 'unit');
    const out = resolve(requireOption(values.out, 'out'));
    if (extname(out).toLowerCase() !== '.xlsx') throw new UsageError(`--out phải là tệp .xlsx, nhận được "${values.out}".`);
    const unit = data.units.find((u) => u.code.toUpperCase() === code.toUpperCase());
    if (!unit) {
      throw new UserError(
        'unit-not-found',
        `Không có đơn vị mã "${code}" trong khối. Các mã có: ${data.units.map((u) => u.code).join(', ')}.`,
      );
    }
    const [file] = await buildTemplates(data, year, [unit.id]);
    await writeFileAtomic(out, file!.bytes);
    io.stdout(`Đã ghi phiếu tự chấm điểm năm ${year} của ${unit.name}: ${out}\n`);
    return 0;
  },
};
