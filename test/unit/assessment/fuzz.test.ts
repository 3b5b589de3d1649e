/**
 * Seeded random inputs for the self-assessment reader:
 * - valid templates filled with random scores and notes are read back with exactly the values
 *   written (no value lost, rounded, shifted to another criterion or invented);
 * - mutated templates (bytes, zip entries, XML text) never make inspect throw, and every report
 *   is consistent: refused files carry no scores, importable files carry one in-range score per
 *   criterion and no error.
 * How long each file takes is measured by `npm run bench hostile`, not asserted here.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectWorkbook } from '../../../electron/services/assessment/inspect';
import { buildTemplate, COLUMNS } from '../../../electron/services/assessment/template';
import { yearContext } from '../../../electron/services/assessment/year-context';
import { tableCriteria } from '../../../shared/domain/scoring';
import { sampleBloc } from './fixtures';
import { mulberry32, mutateWorkbook } from './hostile-inputs';

const SEED = 20241201;
const MUTATIONS = 300;
const FILLS = 25;

const NOTE_PARTS = [
  'Minh chứng: Báo cáo số 12/BC-SYT ngày 15/12/2024',
  'Đạt 100% chỉ tiêu',
  'Quyết định khen thưởng <số 45> & "giấy khen"',
  'Tổ chức 3 hội nghị; 2 lớp tập huấn',
  'Ủy ban nhân dân tỉnh giao — hoàn thành trước hạn',
  "Không có vi phạm (xem phụ lục 'A')",
  '=1+1 không phải công thức',
  'Hưởng ứng phong trào "Thi đua yêu nước"',
];

describe('fuzz: valid fills read back exactly', () => {
  const data = sampleBloc();
  const ctx = yearContext(data, 2024);
  const criteria = tableCriteria(data.scoringTables[0]!).map((c) => c.criterion);
  let template: Uint8Array;

  beforeAll(async () => {
    template = await buildTemplate(data, data.scoringTables[0]!, data.units[0]!, 2024);
  });

  it(`${FILLS} random fills each give back exactly the scores and notes written`, async () => {
    const rand = mulberry32(SEED);
    for (let round = 0; round < FILLS; round++) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const rowOf = new Map<string, number>();
      ws.eachRow((row, r) => {
        const v = row.getCell(COLUMNS.code).value;
        if (typeof v === 'string') rowOf.set(v, r);
      });
      const written = new Map<string, { value: number | null; note: string }>();
      for (const c of criteria) {
        const r = rowOf.get(c.code)!;
        // Blank, or a multiple of 0.25 from 0 to the maximum (0 and the maximum included).
        const choice = rand();
        const value = choice < 0.15 ? null : choice < 0.25 ? 0 : choice < 0.35 ? c.max : Math.floor(rand() * (c.max * 4 + 1)) / 4;
        const note = rand() < 0.5 ? '' : NOTE_PARTS[Math.floor(rand() * NOTE_PARTS.length)]!;
        ws.getCell(r, COLUMNS.self).value = value;
        ws.getCell(r, COLUMNS.note).value = note || null;
        written.set(c.code, { value, note });
      }
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      const report = await inspectWorkbook(ctx, { name: `TuCham_2024_${data.units[0]!.code}.xlsx`, bytes });
      expect(report.errors, `round ${round}`).toEqual([]);
      expect(report.ok, `round ${round}`).toBe(true);
      expect(report.unit, `round ${round}`).toBe(data.units[0]!.code);
      const read = new Map(report.scores.map((s) => [s.code, { value: s.value, note: s.note }]));
      expect(read, `round ${round}`).toEqual(written);
    }
  }, 300_000);
});

describe('fuzz: mutated templates', () => {
  const data = sampleBloc();
  const ctx = yearContext(data, 2024);
  const codes = tableCriteria(data.scoringTables[0]!).map((c) => c.criterion.code).sort();
  let base: Uint8Array;

  beforeAll(async () => {
    base = await buildTemplate(data, data.scoringTables[0]!, data.units[0]!, 2024);
  });

  it(`${MUTATIONS} mutations each give a consistent report, never an exception`, async () => {
    const rand = mulberry32(SEED);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < MUTATIONS; i++) {
      const { how, bytes } = mutateWorkbook(base, rand);
      const at = `round ${i} (${how})`;
      let report;
      try {
        report = await inspectWorkbook(ctx, { name: `fuzz-${i}.xlsx`, bytes });
      } catch (err) {
        throw new Error(`${at} threw: ${err instanceof Error ? err.stack : String(err)}`);
      }
      expect(report.ok, at).toBe(!report.refused && report.errors.length === 0);
      if (report.refused) {
        expect(report.scores, at).toEqual([]);
        expect(report.errors, at).toHaveLength(1);
      }
      if (report.ok) {
        expect(report.scores.map((s) => s.code).sort(), at).toEqual(codes);
        for (const s of report.scores) if (s.value !== null) expect(s.value >= 0 && s.value <= s.max, `${at} ${s.code}=${s.value}`).toBe(true);
      }
      for (const e of report.errors) expect(e.message.length, at).toBeGreaterThan(10);
      const key = report.refused ? String(report.errors[0]!.kind) : report.ok ? 'ok' : 'errors';
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    // The mutations reach both the guard and the reader: several refusal kinds and some readable files.
    expect(outcomes.size).toBeGreaterThanOrEqual(4);
    expect([...outcomes.keys()]).toContain('workbook-truncated');
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(0);
  }, 300_000);
});
