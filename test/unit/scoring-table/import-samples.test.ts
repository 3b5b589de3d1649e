import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScoringTableExcel } from '../../../electron/services/excel/scoring-table-import';
import { UserError } from '../../../shared/errors';
import { criteriaInOrder } from '../../../shared/domain/scoring-table';
import { CriteriaGroupSchema } from '../../../shared/model/records';
import { SAMPLE, counter, kindFor } from './fixture';

const SAMPLES = join(__dirname, '../../fixtures/samples');
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(SAMPLES, name)));

/** The sample JSON in the shape the importer produces (without ids). */
const EXPECTED_GROUPS = SAMPLE.groups.map((g) => ({
  code: g.code,
  title: g.title,
  kind: g.kind,
  ...(g.kind === 'bonus' ? { cap: 5 } : {}),
  criteria: g.criteria.map((c) => ({ code: c.code, title: c.title, max: c.max, kind: kindFor(g.kind), guidance: '' })),
}));

function withoutIds<T extends { groups: { id: string; criteria: { id: string }[] }[] }>(t: T) {
  return t.groups.map(({ id: _g, criteria, ...g }) => ({ ...g, criteria: criteria.map(({ id: _c, ...c }) => c) }));
}

describe('importing the province sample', () => {
  it('reads exactly the 22 criteria of the JSON sample, groups, kinds, cap and scale', async () => {
    const p = await readScoringTableExcel(bytesOf('scoring-table-2024.xlsx'), 'scoring-table-2024.xlsx', { newId: counter() });
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([]);
    expect(p.sheet).toBe('Bang diem');
    expect(p.criteriaCount).toBe(22);
    expect(criteriaInOrder(p.table)).toHaveLength(22);
    expect(withoutIds(p.table)).toEqual(EXPECTED_GROUPS);
    expect(p.table.scale).toBe(100);
    expect(p.table.title).toBe('Bảng tự chấm điểm thi đua năm 2024');
    expect(p.year).toBe(2024);
    expect(p.convertedFromLegacy).toBe(false);
    for (const g of p.table.groups) expect(CriteriaGroupSchema.parse(g)).toEqual(g);
    const ids = [...p.table.groups.map((g) => g.id), ...criteriaInOrder(p.table).map((c) => c.id)];
    expect(new Set(ids).size).toBe(29);
  });

  it('reads the TCVN3 (.VnTime/.VnTimeH) variant to the same Unicode table, flagged as converted', async () => {
    const p = await readScoringTableExcel(bytesOf('scoring-table-2024-tcvn3.xlsx'), 'scoring-table-2024-tcvn3.xlsx');
    expect(p.errors).toEqual([]);
    expect(p.convertedFromLegacy).toBe(true);
    expect(p.legacyEncodings).toEqual(['tcvn3']);
    expect(withoutIds(p.table)).toEqual(EXPECTED_GROUPS);
    expect(p.table.title).toBe(SAMPLE.title);
    expect(p.year).toBe(2024);
    for (const c of criteriaInOrder(p.table)) expect(c.title).toBe(c.title.normalize('NFC'));
    expect(p.warnings).toHaveLength(1);
    expect(p.warnings[0]).toMatchObject({ sheet: 'Bang diem', cell: 'A1' });
    expect(p.warnings[0]!.message).toMatch(/^34 ô được gõ bằng bảng mã TCVN3 \(ABC, phông \.VnTime\) và đã được chuyển sang Unicode \(ví dụ ô A1, A2, B4\)/);
  });

  it('reads the table out of a unit return that carries scores and a SUM formula', async () => {
    const p = await readScoringTableExcel(bytesOf('return-SGDDT-2024.xlsx'), 'return-SGDDT-2024.xlsx');
    expect(p.errors).toEqual([]);
    expect(withoutIds(p.table)).toEqual(EXPECTED_GROUPS);
  });

  it('refuses a file that is not a workbook through the workbook guard', async () => {
    const csv = new TextEncoder().encode('TT;Nội dung;Điểm chuẩn\n1.1;abc;5\n');
    await expect(readScoringTableExcel(csv, 'bang-diem.xlsx')).rejects.toBeInstanceOf(UserError);
    await expect(readScoringTableExcel(new Uint8Array(0), 'rong.xlsx')).rejects.toThrow(/rong\.xlsx/);
  });
});
