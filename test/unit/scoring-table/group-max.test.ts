/**
 * A group's maximum after its cap is one rule (shared/domain/scoring.ts groupMax / nominalMax): the
 * totals, the self-assessment template, the Excel export, the editor's totals and the scoring-table
 * PDF all print the same group maxima, and the PDF's total is `nominalMax`.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildTemplates } from '../../../electron/services/assessment/template';
import { scoringTablePdf } from '../../../electron/services/documents/service';
import { scoringTableToXlsx } from '../../../electron/services/excel/scoring-table-xlsx';
import { contentTotals } from '../../../renderer/src/features/scoring/table-edit';
import { computeTotals, groupMax, nominalMax } from '../../../shared/domain/scoring';
import type { BlocData, ScoringTable } from '../../../shared/model/records';
import { formatNumberVi } from '../../../shared/text/vietnamese';
import { sampleBloc, sampleTable } from '../assessment/fixtures';
import { probePdf } from '../documents/pdf-probe';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;

/**
 * The sample table (I–V normal, 100 points; VI bonus capped at 5; VII deduction) with a deduction
 * criterion inside group I and group II capped below its criteria.
 */
function mixedTable(scale: number): ScoringTable {
  const t = sampleTable();
  t.scale = scale;
  t.groups[0]!.criteria.push({ id: 'late', code: '1.9', title: 'Báo cáo chậm', max: 4, kind: 'deduction', guidance: '' });
  t.groups[1]!.cap = 15;
  return t;
}

const dataWith = (table: ScoringTable): BlocData => sampleBloc({ tables: [table] });

async function sheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** The value in `maxCol` of each row whose first cell is a group code. */
function groupRowMaxima(ws: ExcelJS.Worksheet, codes: string[], maxCol: number): number[] {
  const out = new Map<string, number>();
  ws.eachRow((row) => {
    const code = String(row.getCell(1).value ?? '');
    if (codes.includes(code) && !out.has(code)) out.set(code, Number(row.getCell(maxCol).value));
  });
  return codes.map((c) => out.get(c)!);
}

describe("a group's maximum after its cap", () => {
  const table = mixedTable(0);
  const codes = table.groups.map((g) => g.code);

  it('counts only the criteria that count the group’s way, bounded by the cap', () => {
    expect(table.groups.map(groupMax)).toEqual([40, 15, 15, 15, 10, 5, 5]);
    // 95 (I 40 + II capped at 15 + III–V 40): the deduction inside I is taken away, never added.
    expect(nominalMax(table)).toBe(95);
    expect(computeTotals(table, {}).groups.map((g) => g.max)).toEqual(table.groups.map(groupMax));
    expect(contentTotals(table)).toEqual({ normal: 95, bonus: 5, deduction: 9 });
  });

  it('the template and the Excel export print the same group maxima', async () => {
    const [template] = await buildTemplates(dataWith(table), 2024, ['u-syt']);
    const input = await sheet(template!.bytes);
    expect(groupRowMaxima(input, codes, 3)).toEqual(table.groups.map(groupMax));
    const exported = await sheet(await scoringTableToXlsx(dataWith(table), 2024));
    expect(groupRowMaxima(exported, codes, 3)).toEqual(table.groups.map(groupMax));
  });

  it('the scoring-table PDF prints the group maxima and nominalMax as its total', async () => {
    const text = (t: ScoringTable) => scoringTablePdf(dataWith(t), 2024, { assetsDir: ASSETS }).then((b) => probePdf(b).layoutText.replace(/\s+/g, ' '));
    const noScale = await text(table);
    expect(/TỔNG ĐIỂM CHUẨN (\S+)/.exec(noScale)?.[1]).toBe(formatNumberVi(nominalMax(table)));
    // Group I's row: 40, not 44 (its deduction criterion is not added).
    expect(noScale).toMatch(/ I Thực hiện nhiệm vụ chính trị[^0-9]* 40 /);
    // The table's own scale is printed; a note gives the nominal total when they differ, and only then.
    expect(await text(mixedTable(95))).not.toContain('Tổng các nhóm tiêu chí');
    const other = await text(mixedTable(100));
    expect(/TỔNG ĐIỂM CHUẨN (\S+)/.exec(other)?.[1]).toBe('100');
    expect(other).toContain(`Tổng các nhóm tiêu chí: ${formatNumberVi(nominalMax(table))} điểm`);
  });
});
