/**
 * The round trip with independent writers: templates from our exporter, filled by openpyxl the way
 * units do it (numbers, "8,5" text, formulas, inserted/moved/deleted rows, renamed sheets), re-saved
 * by LibreOffice; each case asserts the exact outcome of inspect.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectFiles } from '../../../electron/services/assessment/inspect';
import { buildTemplates } from '../../../electron/services/assessment/template';
import type { InspectReport } from '../../../shared/domain/assessment-import';
import { FILL_SCRIPT, libreofficeConvert, runPython, tempDir } from './corpus-tools';
import { sampleBloc, sampleTable } from './fixtures';

const data = sampleBloc();
const FULL: Record<string, number> = {
  '1.1': 18, '1.2': 9.5, '1.3': 5, '1.4': 4, '2.1': 5, '2.2': 4, '2.3': 3, '2.4': 4, '2.5': 3,
  '3.1': 4.5, '3.2': 5, '3.3': 5, '4.1': 5, '4.2': 5, '4.3': 5, '5.1': 4, '5.2': 3, '5.3': 3,
  '6.1': 0, '6.2': 2, '7.1': 1, '7.2': 0,
};
type Op = (string | number | null | boolean | Record<string, number>)[];
interface Case { name: string; unit: string; ops: Op[] }

const CASES: Case[] = [
  { name: 'TuCham_2024_SYT.xlsx', unit: 'SYT', ops: [['fill', FULL], ['note', '1.1', 'Báo cáo số 12/BC-SYT ngày 05/01/2025', null]] },
  {
    name: 'text-numbers_2024_SGDDT.xlsx',
    unit: 'SGDDT',
    ops: [['fill', FULL], ['set', '1.1', '8,5'], ['set', '1.2', '1.000'], ['set', '1.3', ' 4.5 '], ['set', '1.4', '3'], ['set', '2.1', '4 điểm']],
  },
  { name: 'formulas_2024_BHXH.xlsx', unit: 'BHXH', ops: [['fill', FULL], ['set', '1.1', '=10+5.5'], ['set', '1.2', '=E9/2']] },
  {
    name: 'range_2024_DPTTH.xlsx',
    unit: 'DPTTH',
    ops: [['fill', FULL], ['set', '1.1', 25], ['set', '1.2', -1], ['set', '7.1', -2], ['set', '1.3', null], ['set', '1.4', 0]],
  },
  {
    name: 'moved_2024_TTHCC.xlsx',
    unit: 'TTHCC',
    ops: [['fill', FULL], ['insert', 10, 2], ['swap', '1.1', '1.4'], ['reverse', '2.1', '2.5'], ['delete', '7.2'], ['code', '5.3', '5.9']],
  },
  {
    name: 'renamed_2024_BQLATTP.xlsx',
    unit: 'BQLATTP',
    ops: [['fill', FULL], ['rename', 'Điểm BQLATTP'], ['drop-keywords']],
  },
  { name: 'no-id_2024_SLDTBXH.xlsx', unit: 'SLDTBXH', ops: [['fill', FULL], ['drop-id-sheet'], ['drop-keywords']] },
  { name: 'TuCham_2024_SVHTTDL.xlsx', unit: 'SGDDT', ops: [['fill', FULL]] },
  { name: 'old-year_SVHTTDL.xlsx', unit: 'SVHTTDL', ops: [['fill', FULL], ['id', 'year', 2023]] },
  {
    name: 'notes_2024_SVHTTDL.xlsx',
    unit: 'SVHTTDL',
    ops: [
      ['fill', FULL],
      ['note', '1.1', 'Hoµn thµnh tèt nhiÖm vô', '.VnTime'],
      ['note', '1.2', 'Đã ban hành đúng hạn', null, true],
    ],
  },
];

let dir: string;
const reports = new Map<string, InspectReport>();
let blankReport: InspectReport;
let loReport: InspectReport;
let loFormulaReport: InspectReport;

function byName(name: string): InspectReport {
  const r = reports.get(name);
  if (!r) throw new Error(`no report for ${name}`);
  return r;
}
const valueOf = (r: InspectReport, code: string) => r.scores.find((s) => s.code === code);
const kinds = (list: { kind: string }[]) => list.map((p) => p.kind);

beforeAll(async () => {
  dir = tempDir('assessment-corpus');
  const templates = await buildTemplates(data, 2024);
  for (const t of templates) writeFileSync(join(dir, t.fileName), t.bytes);
  const spec = CASES.map((c) => ({ src: join(dir, `TuCham_2024_${c.unit}.xlsx`), out: join(dir, `filled-${c.name}`), ops: c.ops }));
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
  expect(runPython(dir, FILL_SCRIPT, [join(dir, 'spec.json')])).toContain(`ok ${CASES.length}`);
  // Each case is inspected alone (the duplicate-unit rule is tested below on purpose).
  for (const c of CASES) {
    const [r] = await inspectFiles(data, 2024, [{ name: c.name, bytes: new Uint8Array(readFileSync(join(dir, `filled-${c.name}`))) }]);
    reports.set(c.name, r!);
  }
  [blankReport] = (await inspectFiles(data, 2024, [{ name: 'TuCham_2024_SYT.xlsx', bytes: templates[0]!.bytes }])) as [InspectReport];
  // LibreOffice re-saves the numbers file and the formula file as a unit's PC would.
  const loDir = tempDir('assessment-lo');
  copyFileSync(join(dir, 'filled-TuCham_2024_SYT.xlsx'), join(loDir, 'lo_2024_SYT.xlsx'));
  copyFileSync(join(dir, 'filled-formulas_2024_BHXH.xlsx'), join(loDir, 'lo_2024_BHXH.xlsx'));
  const outDir = tempDir('assessment-lo-out');
  const loBytes = libreofficeConvert(join(loDir, 'lo_2024_SYT.xlsx'), 'xlsx', outDir);
  const loFormulaBytes = libreofficeConvert(join(loDir, 'lo_2024_BHXH.xlsx'), 'xlsx', outDir);
  [loReport] = (await inspectFiles(data, 2024, [{ name: 'lo_2024_SYT.xlsx', bytes: loBytes }])) as [InspectReport];
  [loFormulaReport] = (await inspectFiles(data, 2024, [{ name: 'lo_2024_BHXH.xlsx', bytes: loFormulaBytes }])) as [InspectReport];
}, 240_000);

describe('filled templates', () => {
  it('blank template: every criterion with its input cell and null value, importable', () => {
    expect(blankReport.ok).toBe(true);
    expect(blankReport.unit).toBe('SYT');
    expect(blankReport.year).toBe(2024);
    expect(blankReport.scores).toHaveLength(22);
    expect(blankReport.scores.every((s) => s.value === null && s.found && s.sheet === 'Tự chấm điểm')).toBe(true);
    expect(valueOf(blankReport, '1.1')!.cell).toBe('E9');
    expect(valueOf(blankReport, '7.2')!.cell).toBe('E36');
    expect(blankReport.warnings.filter((w) => w.kind === 'blank')).toHaveLength(22);
  });

  it('numbers: every value read exactly, note kept', () => {
    const r = byName('TuCham_2024_SYT.xlsx');
    expect(r).toMatchObject({ ok: true, unit: 'SYT', unitId: 'u-syt', year: 2024, tableVersion: 1 });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(Object.fromEntries(r.scores.map((s) => [s.code, s.value]))).toEqual(FULL);
    expect(valueOf(r, '1.1')!.note).toBe('Báo cáo số 12/BC-SYT ngày 05/01/2025');
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('numbers typed as text: "8,5" accepted and shown, "1.000" decided by the max, words refused', () => {
    const r = byName('text-numbers_2024_SGDDT.xlsx');
    expect(valueOf(r, '1.1')).toMatchObject({ value: 8.5, raw: '8,5', cell: 'E9' });
    expect(valueOf(r, '1.2')).toMatchObject({ value: 1, raw: '1.000' });
    expect(valueOf(r, '1.3')).toMatchObject({ value: 4.5 });
    expect(valueOf(r, '1.4')).toMatchObject({ value: 3 });
    expect(valueOf(r, '2.1')!.value).toBeNull();
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      {
        kind: 'not-a-number',
        code: '2.1',
        sheet: 'Tự chấm điểm',
        cell: 'E14',
        message: `Tiêu chí 2.1, ô E14 (trang 'Tự chấm điểm'): Giá trị "4 điểm" không phải là số điểm. Hãy nhập một số từ 0 đến 5.`,
      },
    ]);
    const w = r.warnings.filter((x) => x.kind === 'text-number');
    expect(w.map((x) => x.code)).toEqual(['1.1', '1.2', '1.3', '1.4']);
    expect(w[0]!.message).toContain('"8,5"');
    expect(w[0]!.message).toContain('8,5');
    expect(w[1]!.message).toContain('vì điểm tối đa là 10');
  });

  it('formulas written by openpyxl have no cached result: flagged with the cell', () => {
    const r = byName('formulas_2024_BHXH.xlsx');
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.kind, e.code, e.cell])).toEqual([
      ['not-a-number', '1.1', 'E9'],
      ['not-a-number', '1.2', 'E10'],
    ]);
    expect(r.errors[0]!.message).toContain('=10+5.5');
    expect(r.errors[0]!.message).toContain('không có kết quả tính sẵn');
  });

  it('formulas re-saved by LibreOffice are taken by their cached result', () => {
    expect(loFormulaReport.ok).toBe(true);
    expect(valueOf(loFormulaReport, '1.1')).toMatchObject({ value: 15.5, formula: '10+5.5' });
    expect(valueOf(loFormulaReport, '1.2')).toMatchObject({ value: 7.75 });
  });

  it('values above max, negative, negative deduction; blank distinguished from 0', () => {
    const r = byName('range_2024_DPTTH.xlsx');
    expect(r.errors.map((e) => [e.kind, e.code, e.cell])).toEqual([
      ['above-max', '1.1', 'E9'],
      ['negative', '1.2', 'E10'],
      ['negative', '7.1', 'E35'],
    ]);
    expect(r.errors[0]!.message).toBe(`Tiêu chí 1.1, ô E9 (trang 'Tự chấm điểm'): điểm 25 vượt quá điểm tối đa 20.`);
    expect(r.errors[2]!.message).toContain('số dương');
    expect(valueOf(r, '1.3')!.value).toBeNull();
    expect(valueOf(r, '1.4')!.value).toBe(0);
    expect(r.warnings.map((w) => [w.kind, w.code])).toEqual([['blank', '1.3']]);
  });

  it('inserted, swapped, sorted and deleted rows are matched by code; unknown code with a value is an error', () => {
    const r = byName('moved_2024_TTHCC.xlsx');
    // Two rows inserted at row 10 move 1.2.. down by two; 1.1 and 1.4 exchanged places.
    expect(valueOf(r, '1.1')).toMatchObject({ value: 18, cell: 'E14' });
    expect(valueOf(r, '1.4')).toMatchObject({ value: 4, cell: 'E9' });
    expect(valueOf(r, '1.2')).toMatchObject({ value: 9.5, cell: 'E12' });
    for (const code of ['2.1', '2.2', '2.3', '2.4', '2.5']) expect(valueOf(r, code)!.value).toBe(FULL[code]);
    expect(valueOf(r, '2.5')!.cell).toBe('E16');
    expect(valueOf(r, '7.2')).toMatchObject({ value: null, cell: null, found: false });
    expect(valueOf(r, '5.3')).toMatchObject({ value: null, found: false });
    expect(r.errors.map((e) => [e.kind, e.code])).toEqual([['unknown-code', '5.9']]);
    expect(r.errors[0]!.message).toContain('Mã "5.9"');
    expect(r.warnings.map((w) => [w.kind, w.code])).toEqual([
      ['missing-row', '5.3'],
      ['missing-row', '7.2'],
    ]);
  });

  it('a renamed sheet without keywords is still identified by the hidden sheet', () => {
    const r = byName('renamed_2024_BQLATTP.xlsx');
    expect(r).toMatchObject({ ok: true, unit: 'BQLATTP', year: 2024 });
    expect(r.scores[0]!.sheet).toBe('Điểm BQLATTP');
  });

  it('without any hidden identification the visible header and file name identify the unit', () => {
    const r = byName('no-id_2024_SLDTBXH.xlsx');
    expect(r).toMatchObject({ ok: true, unit: 'SLDTBXH', year: 2024, tableVersion: null });
    expect(kinds(r.warnings)).toEqual(['no-identity']);
  });

  it('a file named for one unit holding another unit template is an error', () => {
    const r = byName('TuCham_2024_SVHTTDL.xlsx');
    expect(r.unit).toBe('SGDDT');
    expect(kinds(r.errors)).toEqual(['name-unit-mismatch']);
    expect(r.errors[0]!.message).toContain('SVHTTDL');
  });

  it('a template of another year is an error', () => {
    const r = byName('old-year_SVHTTDL.xlsx');
    expect(r.year).toBe(2023);
    expect(kinds(r.errors)).toEqual(['other-year']);
    expect(r.errors[0]!.message).toBe(`Tệp 'old-year_SVHTTDL.xlsx' là phiếu tự chấm năm 2023, không phải năm 2024 đang nhập.`);
  });

  it('TCVN3 notes are converted and flagged; NFD notes are normalised', () => {
    const r = byName('notes_2024_SVHTTDL.xlsx');
    expect(r.ok).toBe(true);
    expect(valueOf(r, '1.1')!.note).toBe('Hoàn thành tốt nhiệm vụ');
    expect(valueOf(r, '1.2')!.note).toBe('Đã ban hành đúng hạn'.normalize('NFC'));
    expect(valueOf(r, '1.2')!.note).toBe(valueOf(r, '1.2')!.note.normalize('NFC'));
    expect(r.warnings.map((w) => [w.kind, w.code, w.cell])).toEqual([['legacy-encoding', '1.1', 'F9']]);
  });

  it('a file re-saved by LibreOffice (veryHidden became hidden, protection flags lost) reads the same', () => {
    expect(loReport).toMatchObject({ ok: true, unit: 'SYT', year: 2024 });
    expect(Object.fromEntries(loReport.scores.map((s) => [s.code, s.value]))).toEqual(FULL);
  });
});

describe('batch rules', () => {
  it('two files for the same unit are both flagged', async () => {
    const a = new Uint8Array(readFileSync(join(dir, 'filled-TuCham_2024_SYT.xlsx')));
    const rs = await inspectFiles(data, 2024, [
      { name: 'TuCham_2024_SYT.xlsx', bytes: a },
      { name: 'TuCham_2024_SYT (1).xlsx', bytes: a },
    ]);
    expect(rs.map((r) => [r.ok, kinds(r.errors)])).toEqual([
      [false, ['duplicate-unit']],
      [false, ['duplicate-unit']],
    ]);
    expect(rs[0]!.errors[0]!.message).toContain(`'TuCham_2024_SYT (1).xlsx'`);
  });

  it('an older scoring-table version: error when rows changed, warning when identical', async () => {
    const bytes = new Uint8Array(readFileSync(join(dir, 'filled-TuCham_2024_SYT.xlsx')));
    const v2changed = sampleTable({ version: 2 });
    v2changed.groups[0]!.criteria[0]!.max = 25;
    const changed = await inspectFiles(sampleBloc({ tables: [sampleTable(), v2changed] }), 2024, [{ name: 'a_SYT.xlsx', bytes }]);
    expect(kinds(changed[0]!.errors)).toEqual(['table-version']);
    expect(changed[0]!.errors[0]!.message).toContain('phiên bản 1');
    const same = await inspectFiles(sampleBloc({ tables: [sampleTable(), sampleTable({ version: 2 })] }), 2024, [{ name: 'a_SYT.xlsx', bytes }]);
    expect(same[0]!.ok).toBe(true);
    expect(kinds(same[0]!.warnings)).toEqual(['table-version']);
  });

  it('a template of another bloc is an error', async () => {
    const other = sampleBloc();
    other.bloc.id = 'bloc-other';
    other.scoringTables = other.scoringTables.map((t) => ({ ...t, blocId: 'bloc-other' }));
    other.years = other.years.map((y) => ({ ...y, blocId: 'bloc-other' }));
    const bytes = new Uint8Array(readFileSync(join(dir, 'filled-TuCham_2024_SYT.xlsx')));
    const [r] = await inspectFiles(other, 2024, [{ name: 'TuCham_2024_SYT.xlsx', bytes }]);
    expect(kinds(r!.errors)).toEqual(['other-bloc']);
  });
});
