/**
 * `import` and `ranking` on the demo package, with templates written by `template` and filled by
 * openpyxl as a unit would.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { readPackageFile } from '../../../electron/services/handover/package-file';
import type { RankingRow } from '../../../shared/domain/ranking';
import { tableCriteria } from '../../../shared/domain/scoring';
import type { ScoringTable } from '../../../shared/model/records';
import { FILL_SCRIPT, runPython, tempDir } from '../assessment/corpus-tools';
import { docxPart, flatText } from '../documents/docx-probe';
import { probePdf } from '../documents/pdf-probe';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const ROW_KEYS = [
  'unit', 'name', 'total', 'base', 'bonus', 'deduction', 'groups', 'rank', 'tiedWith', 'decidedBy', 'pending',
  'classification', 'eligible', 'verified', 'submitted', 'explanation',
].sort();

let dir: string;
let demo: string;
let imported: string;
const file = (code: string) => join(dir, 'filled', `TuCham_2024_${code}.xlsx`);
const IMPORTED_UNITS = ['SYT', 'SGDDT', 'SLDTBXH', 'BHXH', 'TTHCC'];
const importArgs = (out: string) => ['import', '--data', demo, '--year', '2024', '--out', out, ...IMPORTED_UNITS.map(file)];

/** 90% of every normal criterion (to half points), the given bonus, no deduction. */
function values(table: ScoringTable, opts: { full?: boolean; bonus: [number, number]; plus?: number }): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { criterion, contribution } of tableCriteria(table)) {
    out[criterion.code] = contribution === 'add' ? (opts.full ? criterion.max : Math.round(criterion.max * 0.9 * 2) / 2) : 0;
  }
  out['1.1'] = out['1.1']! + (opts.plus ?? 0);
  out['6.1'] = opts.bonus[0];
  out['6.2'] = opts.bonus[1];
  return out;
}

beforeAll(async () => {
  dir = tempDir('ranking-cli');
  demo = join(dir, 'mau.blocdesk');
  // The sample with 2024 still to import (the plain demo's 2024 is already scored and locked).
  expect((await cli('demo', '--out', demo, '--bare')).code).toBe(0);
  expect((await cli('template', '--data', demo, '--year', '2024', '--all', '--out-dir', join(dir, 'tpl'))).code).toBe(0);
  const { data } = await readPackageFile(demo);
  const table = data.scoringTables.find((t) => t.year === 2024)!;
  const tpl = (code: string) => join(dir, 'tpl', `TuCham_2024_${code}.xlsx`);
  const spec = [
    { src: tpl('SYT'), out: file('SYT'), ops: [['fill', values(table, { full: true, bonus: [3, 2] })]] },
    { src: tpl('SGDDT'), out: file('SGDDT'), ops: [['fill', values(table, { bonus: [2, 0] })]] },
    // Same total as SGDDT with one point more before bonus and one bonus point less.
    { src: tpl('SLDTBXH'), out: file('SLDTBXH'), ops: [['fill', values(table, { bonus: [1, 0], plus: 1 })]] },
    { src: tpl('BHXH'), out: file('BHXH'), ops: [['fill', values(table, { bonus: [2, 0] })]] },
    // Only one criterion filled: imported (blank cells are warnings) but not submitted.
    { src: tpl('TTHCC'), out: file('TTHCC'), ops: [['set', '1.1', 15]] },
    { src: tpl('SVHTTDL'), out: join(dir, 'filled', 'loi.xlsx'), ops: [['set', '1.1', 30], ['set', '1.2', 'tám']] },
  ];
  mkdirSync(join(dir, 'filled'));
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
  expect(runPython(dir, FILL_SCRIPT, [join(dir, 'spec.json')])).toContain(`ok ${spec.length}`);
  imported = join(dir, 'da-nhap.blocdesk');
});

describe('CLI import', () => {
  it('commits the files as one batch into a new package and leaves the source package as it was', async () => {
    const before = readFileSync(demo);
    const r = await cli(...importArgs(imported));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Đã nhập 5 tệp năm 2024');
    expect(r.out).toContain('TuCham_2024_SYT.xlsx (SYT): 22 thay đổi');
    expect(r.out).toContain('Lưu ý - TuCham_2024_TTHCC.xlsx: Tiêu chí 1.2 chưa có điểm');
    expect(readFileSync(demo).equals(before)).toBe(true);

    const { data } = await readPackageFile(imported);
    const scores = data.scores.filter((s) => s.year === 2024);
    expect(scores).toHaveLength(4 * 22 + 1);
    expect(data.importBatches).toHaveLength(1);
    const batch = data.importBatches[0]!;
    expect(batch.files.map((f) => f.name)).toEqual(['SYT', 'SGDDT', 'SLDTBXH', 'BHXH', 'TTHCC'].map((c) => `TuCham_2024_${c}.xlsx`));
    const syt = scores.find((s) => s.id === `2024:${data.units.find((u) => u.code === 'SYT')!.id}:1.1`)!;
    expect(syt.self).toBe(20);
    expect(syt.history).toEqual([
      expect.objectContaining({ field: 'self', old: null, new: 20, by: 'Thư ký Khối', batchId: batch.id, reason: 'Nhập từ tệp TuCham_2024_SYT.xlsx' }),
    ]);
  });

  it('a file with errors: exit 1, the reasons with file, sheet and cell, and nothing written', async () => {
    const out = join(dir, 'khong-ghi.blocdesk');
    const r = await cli('import', '--data', demo, '--year', '2024', '--out', out, file('SYT'), join(dir, 'filled', 'loi.xlsx'));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const lines = r.err.trim().split('\n');
    expect(lines[0]).toBe('Không nhập được: 1/2 tệp có lỗi. Chưa ghi gói dữ liệu nào; hãy sửa các lỗi dưới đây rồi chạy lại.');
    expect(lines.slice(1)).toEqual([
      "- loi.xlsx: Tiêu chí 1.1, ô E9 (trang 'Tự chấm điểm'): điểm 30 vượt quá điểm tối đa 20.",
      expect.stringMatching(/^- loi\.xlsx: Tiêu chí 1\.2, ô E10 \(trang 'Tự chấm điểm'\): Giá trị "tám" không phải là số điểm/),
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('a file that is not a workbook is refused the same way', async () => {
    const out = join(dir, 'khong-ghi-2.blocdesk');
    const csv = join(dir, 'bang.xlsx');
    writeFileSync(csv, 'a;b\n1;2\n');
    const r = await cli('import', '--data', demo, '--year', '2024', '--out', out, csv);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\n- bang\.xlsx: /);
    expect(existsSync(out)).toBe(false);
  });

  it('wrong usage exits 2', async () => {
    expect((await cli('import', '--data', demo, '--year', '2024', '--out', join(dir, 'x.blocdesk'))).code).toBe(2);
    expect((await cli('import', '--data', demo, '--year', '2024', file('SYT'))).code).toBe(2);
    const same = await cli('import', '--data', demo, '--year', '2024', '--out', demo, file('SYT'));
    expect(same.code).toBe(2);
    expect(same.err).toContain('--out phải là một tệp mới');
  });
});

describe('CLI ranking', () => {
  beforeAll(async () => {
    // The package the import test writes (made here when that test did not run).
    if (!existsSync(imported)) expect((await cli(...importArgs(imported))).code).toBe(0);
  });

  async function ranking(...extra: string[]) {
    const r = await cli('ranking', '--data', imported, '--year', '2024', ...extra);
    return { ...r, rows: r.code === 0 ? (JSON.parse(r.out) as RankingRow[]) : [] };
  }

  it('prints the ranking as JSON in rank order, units that did not submit last', async () => {
    const r = await ranking();
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.rows.map((x) => [x.unit, x.rank])).toEqual([
      ['SYT', 1],
      ['SLDTBXH', 2],
      ['SGDDT', 3],
      ['BHXH', 3],
      ['SVHTTDL', null],
      ['BQLATTP', null],
      ['DPTTH', null],
      ['TTHCC', null],
    ]);
    for (const row of r.rows) expect(Object.keys(row).sort()).toEqual(ROW_KEYS);
    const [syt, sld, sgd, bhxh] = r.rows as [RankingRow, RankingRow, RankingRow, RankingRow];
    expect(syt).toMatchObject({
      unit: 'SYT',
      name: 'Sở Y tế',
      total: 105,
      base: 100,
      bonus: 5,
      deduction: 0,
      groups: { I: 40, II: 20, III: 15, IV: 15, V: 10, VI: 5, VII: 0 },
      tiedWith: [],
      decidedBy: null,
      classification: null,
      eligible: true,
      verified: false,
      submitted: true,
    });
    expect(sld.total).toBe(sgd.total);
    expect(sld.base).toBe(sgd.base! + 1);
    expect(sld).toMatchObject({ decidedBy: 'higherTotalScore', tiedWith: [] });
    expect(sgd).toMatchObject({ tiedWith: ['BHXH'], pending: 'revote', decidedBy: null });
    expect(bhxh).toMatchObject({ tiedWith: ['SGDDT'], pending: 'revote' });
    expect(sld.explanation).toContain('tổng điểm chưa tính điểm thưởng cao hơn');
    expect(r.rows.find((x) => x.unit === 'TTHCC')).toMatchObject({ total: null, base: null, groups: null, rank: null, submitted: false });
    expect(r.rows.find((x) => x.unit === 'DPTTH')!.explanation).toBe('Đài Phát thanh và Truyền hình tỉnh chưa nộp phiếu tự chấm điểm nên chưa được xếp hạng.');
  });

  it('writes the ranking table to Excel with --out .xlsx', async () => {
    const out = join(dir, 'xep-hang.xlsx');
    const r = await ranking('--out', out);
    expect(r.code).toBe(0);
    expect(r.rows).toHaveLength(8);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Xếp hạng')!;
    expect(ws.getCell('A2').value).toBe('BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2024');
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(row(7).slice(0, 4)).toEqual([1, 'Sở Y tế', 'SYT', 105]);
    expect(row(9)).toContain('3 (đồng hạng)');
    expect(row(14)).toEqual(expect.arrayContaining(['Trung tâm Hành chính công tỉnh', 'Chưa xếp hạng']));
  });

  it('writes the printed summary as PDF and as Word with --out .pdf / .docx', async () => {
    const pdf = join(dir, 'xep-hang.pdf');
    const r = await ranking('--out', pdf);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`Đã ghi bảng tổng hợp kết quả chấm điểm năm 2024: ${pdf}`);
    expect(r.rows).toHaveLength(8);
    const probe = probePdf(readFileSync(pdf));
    expect(probe.sizes[0]!.width).toBeGreaterThan(probe.sizes[0]!.height);
    const text = flatText(probe.words.map((w) => w.text).join(' '));
    expect(text).toContain('BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2024');
    for (const row of r.rows) expect(text).toContain(row.name);
    expect(text).toContain('1 Sở Y tế 105 100 5 0 105 1');
    expect(text.match(/3 \(đồng hạng\)/g)).toHaveLength(2);
    expect(text).toContain('Đài Phát thanh và Truyền hình tỉnh chưa nộp');
    expect(text).toContain('chưa nộp đủ (còn 21 tiêu chí chưa chấm)');
    expect(text).toContain('TM. KHỐI THI ĐUA');

    const docx = join(dir, 'xep-hang.docx');
    expect((await ranking('--out', docx)).code).toBe(0);
    const body = flatText(docxPart(readFileSync(docx)).replace(/<\/w:p>/g, ' ').replace(/<[^>]+>/g, ''));
    for (const row of r.rows) expect(body).toContain(row.name);
    expect(body).toContain('3 (đồng hạng)');
    expect(body).toContain('KHỐI TRƯỞNG');
  });

  it('other output formats are wrong usage (exit 2, nothing written)', async () => {
    const out = join(dir, 'xep-hang.csv');
    const r = await cli('ranking', '--data', imported, '--year', '2024', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out phải là tệp .pdf, .docx hoặc .xlsx');
    expect(existsSync(out)).toBe(false);
  });

  it('a year the bloc does not have is a user error (exit 1); a missing --year is wrong usage (exit 2)', async () => {
    const r = await cli('ranking', '--data', imported, '--year', '2030');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Khối ".+" chưa có năm thi đua 2030 \(các năm hiện có: 2023, 2024\)\.\n$/);
    expect((await cli('ranking', '--data', imported)).code).toBe(2);
  });

  it('a year without any import lists every unit as not submitted', async () => {
    const r = await cli('ranking', '--data', demo, '--year', '2024');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as RankingRow[];
    expect(rows).toHaveLength(8);
    expect(rows.every((x) => x.rank === null && x.total === null && !x.submitted)).toBe(true);
  });
});
