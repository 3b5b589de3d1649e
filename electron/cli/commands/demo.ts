/**
 * `demo`: writes a complete sample bloc package (the 8-unit sample, or a synthetic bloc of a given
 * size). The sample's latest year is scored, verified, ranked and voted on at its conference, with
 * next year's leaders elected (shared/sample/year-end.ts), so every document prints from it;
 * `--bare` leaves that year unscored (to practise the import). `--full` scores every year of the
 * bloc, synthetic ones included, and records each scored year's year-end.
 */
import { resolve } from 'node:path';
import { defaultPledge } from '../../../shared/domain/pledge-defaults';
import type { BlocData } from '../../../shared/model/records';
import { buildSampleBlocData, buildSyntheticBlocData, withFullHistory } from '../../../shared/sample/sample-bloc';
import { withYearEnds } from '../../../shared/sample/year-end';
import { parseCommandArgs, requireOption, UsageError, type Command } from '../command';
import { buildPackage } from '../../services/handover/package-file';
import { writeFileAtomic } from '../../services/fs/atomic-write';
import { APP_NAME } from '../../services/handlers/foundation';
import { appVersion } from '../app-version';

function positiveInt(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(`--${flag} phải là số nguyên từ ${min} đến ${max}, nhận được "${value}".`);
  return Number(value);
}

/** Adds the pledge of the newest year (every generated bloc has one). */
export function withLatestPledge(data: BlocData, now: string): BlocData {
  const latest = [...data.years].sort((a, b) => b.year - a.year)[0];
  if (!latest) return data;
  return { ...data, pledges: [...data.pledges, defaultPledge(data, latest.year, now)] };
}

export const demoCommand: Command = {
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      out: { type: 'string' },
      units: { type: 'string' },
      criteria: { type: 'string' },
      years: { type: 'string' },
      full: { type: 'boolean', default: false },
      bare: { type: 'boolean', default: false },
    });
    if (values.full && values.bare) throw new UsageError('--full và --bare không dùng cùng nhau.');
    const out = resolve(requireOption(values.out, 'out'));
    const units = positiveInt(values.units, 'units', 1, 500);
    const criteria = positiveInt(values.criteria, 'criteria', 0, 2000);
    const years = positiveInt(values.years, 'years', 1, 50);
    const now = new Date().toISOString();
    const synthetic = units !== undefined || criteria !== undefined || years !== undefined;
    const base = synthetic
      ? buildSyntheticBlocData({ units: units ?? 8, criteria: criteria ?? 22, years: years ?? 1, now })
      : buildSampleBlocData(now);
    const latest = Math.max(...base.years.map((y) => y.year));
    // The sample's latest year is scored unless asked bare; a synthetic bloc only with --full.
    const scored = values.full ? withFullHistory(base) : synthetic || values.bare ? base : withFullHistory(base, [latest]);
    // The pledge goes to the latest year before the year-end adds the next one.
    const data = withYearEnds(withLatestPledge(scored, now), now);
    const bytes = buildPackage(data, { createdBy: 'BlocDesk (dữ liệu mẫu)', appName: APP_NAME, appVersion: appVersion(), now });
    await writeFileAtomic(out, bytes);
    const scores = data.scores.length ? `, ${data.scores.length} điểm chấm có lịch sử thẩm định` : '';
    const votes = new Set(data.voteRounds.map((r) => r.year)).size;
    const voted = votes ? `, ${votes} năm đã bình xét tại hội nghị tổng kết` : '';
    io.stdout(`Đã ghi ${out} (${data.units.length} đơn vị, ${data.years.length} năm${scores}${voted}, ${bytes.length} byte).\n`);
    return 0;
  },
};
