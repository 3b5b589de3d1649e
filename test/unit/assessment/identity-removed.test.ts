/**
 * Files whose hidden identification (the "_blocdesk" sheet and the keywords) was removed must not
 * pass silently as this bloc's: another bloc's template is refused, a file naming no unit or no
 * unit of this bloc is refused with a message saying what to do, and a unit that deleted the
 * hidden sheet by accident is still importable when its visible header names exactly one unit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectFiles } from '../../../electron/services/assessment/inspect';
import { buildTemplates } from '../../../electron/services/assessment/template';
import type { InspectReport } from '../../../shared/domain/assessment-import';
import { FILL_SCRIPT, runPython, tempDir } from './corpus-tools';
import { sampleBloc } from './fixtures';

const data = sampleBloc();
const FULL = { '1.1': 18, '1.2': 9.5, '1.3': 5, '1.4': 4 };
const DROP = [['drop-id-sheet'], ['drop-keywords']];
const reports = new Map<string, InspectReport>();
const kinds = (list: { kind: string }[]) => list.map((p) => p.kind);
const report = (name: string) => reports.get(name)!;

beforeAll(async () => {
  const dir = tempDir('assessment-identity');
  const [ours] = await buildTemplates(data, 2024, ['u-syt']);
  writeFileSync(join(dir, 'ours.xlsx'), ours!.bytes);
  // Another province's bloc with the same unit codes (SYT, ...), as codes repeat across provinces.
  const other = sampleBloc();
  other.bloc = { ...other.bloc, id: 'bloc-khac', name: 'Khối thi đua các cơ quan Đảng, đoàn thể tỉnh Ninh Bình' };
  other.years = other.years.map((y) => ({ ...y, blocId: 'bloc-khac' }));
  other.scoringTables = other.scoringTables.map((t) => ({ ...t, blocId: 'bloc-khac' }));
  const [theirs] = await buildTemplates(other, 2024, ['u-syt']);
  writeFileSync(join(dir, 'theirs.xlsx'), theirs!.bytes);

  const cases: [name: string, src: string, ops: unknown[][]][] = [
    ['TuCham_2024_SYT.xlsx', 'theirs.xlsx', [['fill', FULL], ...DROP]],
    ['accident_2024_SYT.xlsx', 'ours.xlsx', [['fill', FULL], ...DROP]],
    ['by-name_2024.xlsx', 'ours.xlsx', [['fill', FULL], ...DROP, ['cell', 4, 1, 'Bảng chấm điểm năm 2024']]],
    ['no-header_2024_SYT.xlsx', 'ours.xlsx', [['fill', FULL], ...DROP, ['cell', 1, 1, null], ['cell', 3, 1, null], ['cell', 4, 1, null]]],
    ['foreign-unit_2024.xlsx', 'ours.xlsx', [['fill', FULL], ...DROP, ['cell', 3, 1, 'Đơn vị: Sở Nội vụ'], ['cell', 4, 1, 'Mã đơn vị: SNV']]],
    ['mixed_2024.xlsx', 'ours.xlsx', [['fill', FULL], ...DROP, ['cell', 3, 1, 'Đơn vị: Bảo hiểm xã hội tỉnh']]],
  ];
  const spec = cases.map(([name, src, ops]) => ({ src: join(dir, src), out: join(dir, name), ops }));
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
  expect(runPython(dir, FILL_SCRIPT, [join(dir, 'spec.json')])).toContain(`ok ${cases.length}`);
  for (const [name] of cases) {
    const [r] = await inspectFiles(data, 2024, [{ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }]);
    reports.set(name, r!);
  }
}, 120_000);

describe('a file without its hidden identification', () => {
  it("another bloc's template whose identification was removed is refused, though its unit code and name match", () => {
    const r = report('TuCham_2024_SYT.xlsx');
    expect(r.ok).toBe(false);
    expect(r.unitId).toBeNull();
    expect(kinds(r.errors)).toEqual(['other-bloc']);
    expect(r.errors[0]!.message).toBe(
      "Tệp 'TuCham_2024_SYT.xlsx' không có thông tin nhận dạng của mẫu (trang ẩn và thuộc tính nhận dạng đã bị xóa hoặc tệp được chép sang tệp khác) " +
        'và tiêu đề ghi "KHỐI THI ĐUA CÁC CƠ QUAN ĐẢNG, ĐOÀN THỂ TỈNH NINH BÌNH", không phải Khối các Sở, ban, ngành tham mưu và quản lý Nhà nước về văn hóa - xã hội. ' +
        'Có thể đây là mẫu của khối khác: hãy gửi lại mẫu phiếu tự chấm của Khối cho đơn vị điền rồi nhập lại.',
    );
  });

  it('our template whose hidden sheet was deleted by accident is importable: the header names exactly one unit', () => {
    const r = report('accident_2024_SYT.xlsx');
    expect(r).toMatchObject({ ok: true, unit: 'SYT', unitId: 'u-syt', year: 2024 });
    expect(kinds(r.warnings).filter((k) => k !== 'blank')).toEqual(['no-identity']);
    expect(r.warnings[0]!.message).toContain('đã xác định là phiếu của Sở Y tế (SYT) theo "Sở Y tế", mã SYT ở tiêu đề');
  });

  it('the unit name alone (code line gone) still identifies the unit', () => {
    expect(report('by-name_2024.xlsx')).toMatchObject({ ok: true, unit: 'SYT' });
  });

  it('a file whose header names no unit is refused, even when its file name carries a unit code', () => {
    const r = report('no-header_2024_SYT.xlsx');
    expect(r.ok).toBe(false);
    expect(kinds(r.errors)).toEqual(['unidentified']);
    expect(r.errors[0]!.message).toContain('phần tiêu đề không ghi đơn vị nào');
    expect(r.errors[0]!.message).toContain('ghi dòng "Mã đơn vị: <mã>" vào phần tiêu đề');
    expect(r.errors[0]!.message).toContain('TuCham_2024_SYT.xlsx');
  });

  it('a file naming a unit that is not in the bloc is refused with what it names', () => {
    const r = report('foreign-unit_2024.xlsx');
    expect(kinds(r.errors)).toEqual(['unknown-unit']);
    expect(r.errors[0]!.message).toContain('đơn vị ghi ở tiêu đề ("Sở Nội vụ", mã SNV) không phải đơn vị nào của');
  });

  it('a header whose code and name point to two different units is refused', () => {
    const r = report('mixed_2024.xlsx');
    expect(kinds(r.errors)).toEqual(['unit-mismatch']);
    expect(r.errors[0]!.message).toContain('Sở Y tế (SYT); Bảo hiểm xã hội tỉnh (BHXH)');
  });
});
