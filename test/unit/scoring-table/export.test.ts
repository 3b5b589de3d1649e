import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readScoringTableExcel } from '../../../electron/services/excel/scoring-table-import';
import { scoringTableToXlsx } from '../../../electron/services/excel/scoring-table-xlsx';
import { UserError } from '../../../shared/errors';
import { newVersion, tableChecksum } from '../../../shared/domain/scoring-table';
import type { BlocData, ScoringTable } from '../../../shared/model/records';
import { counter, sampleTable } from './fixture';
import { noRecords } from '../../../shared/model/registry';

function blocData(tables: ScoringTable[]): BlocData {
  const now = '2024-01-01T00:00:00.000Z';
  return {
    bloc: {
      id: 'bloc-1',
      name: 'Khối thi đua Văn hóa - Xã hội',
      shortName: 'Khối VHXH',
      province: 'Hà Nam',
      issuingBody: 'Khối thi đua Văn hóa - Xã hội',
      issuingParent: '',
      partyFormat: false,
      createdAt: now,
      updatedAt: now,
    },
    ...noRecords(),
    units: [],
    years: [2024, 2025].map((year) => ({
      id: `y${year}`,
      blocId: 'bloc-1',
      year,
      memberUnitIds: [],
      leaderUnitId: null,
      deputyUnitId: null,
      rules: {
        awards: [],
        threshold: { num: 1, den: 2, comparison: 'gt', base: 'valid' },
        quorum: { num: 1, den: 2, comparison: 'gte' },
        exclusiveAwards: true,
        invalidScope: 'section',
        maxRounds: 3,
        selfVoteAllowed: true,
        tieRules: [],
        leaderRotation: { kind: 'vote' },
        classificationBands: [],
        legalBasis: [],
      },
      note: '',
      leadershipSource: null,
      createdAt: now,
      updatedAt: now,
    })),
    scoringTables: tables,
    pledges: [],
    attachments: [],
    scores: [],
    importBatches: [],
  };
}

const content = (t: Pick<ScoringTable, 'title' | 'scale' | 'groups'>) => ({
  title: t.title,
  scale: t.scale,
  groups: t.groups.map(({ id: _g, criteria, ...g }) => ({ ...g, criteria: criteria.map(({ id: _c, ...c }) => c) })),
});

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The sample with every kind, guidance with a line break, a normal group cap and decimals. */
function richTable(): ScoringTable {
  const t = sampleTable();
  const g1 = t.groups[0]!;
  g1.criteria[0]!.guidance = 'Hoàn thành 100%: 20 điểm.\nDưới 90%: 0 điểm.';
  g1.criteria[1]!.kind = 'target';
  g1.criteria[2] = { ...g1.criteria[2]!, kind: 'count', perItem: 0.5, max: 2.5 };
  g1.criteria[3]!.max = 7.5;
  return t;
}

describe('scoringTableToXlsx', () => {
  it('round-trips the sample table through the importer', async () => {
    const table = sampleTable();
    const bytes = await scoringTableToXlsx(blocData([table]), 2024);
    const p = await readScoringTableExcel(bytes, 'bang-cham-diem-2024.xlsx');
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([]);
    expect(content(p.table)).toEqual(content(table));
    expect(p.year).toBe(2024);
    expect(tableChecksum(p.table)).toBe(tableChecksum(table));
  });

  it('round-trips kinds, points per item, guidance and decimals', async () => {
    const table = richTable();
    const p = await readScoringTableExcel(await scoringTableToXlsx(blocData([table]), 2024), 'x.xlsx');
    expect(p.errors).toEqual([]);
    expect(content(p.table)).toEqual(content(table));
    expect(p.table.groups[0]!.criteria[2]).toMatchObject({ kind: 'count', perItem: 0.5, max: 2.5 });
  });

  it('writes a printable sheet: header, bold groups with totals, total row, Times New Roman 13, A4, frozen header', async () => {
    const wb = await load(await scoringTableToXlsx(blocData([sampleTable()]), 2024));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Bảng chấm điểm 2024');
    expect(ws.getCell('A1').value).toBe('KHỐI THI ĐUA VĂN HÓA - XÃ HỘI');
    expect(ws.getCell('A2').value).toBe('BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2024');
    expect(ws.getCell('A3').value).toBe('Năm 2024 - Phiên bản 1 (đã khóa ngày 01/03/2024)');
    const header = [1, 2, 3, 4, 5].map((c) => ws.getCell(5, c).value);
    expect(header).toEqual(['TT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Loại', 'Hướng dẫn']);
    expect(ws.getCell('A6').value).toBe('I');
    expect(ws.getCell('C6').value).toBe(40);
    expect(ws.getCell('B6').font).toMatchObject({ name: 'Times New Roman', size: 13, bold: true });
    expect(ws.getCell('A7').value).toBe('1.1');
    expect(ws.getCell('D7').value).toBe('Định tính');
    expect(ws.getCell('B7').font).toMatchObject({ name: 'Times New Roman', size: 13 });
    expect(ws.getCell('B7').font.bold).toBeFalsy();
    expect(ws.getCell('B7').alignment).toMatchObject({ wrapText: true });
    // 7 group rows + 22 criteria after the header, then the total row.
    expect(ws.getCell('B35').value).toBe('TỔNG CỘNG');
    expect(ws.getCell('C35').value).toBe(100);
    expect(ws.getCell('D33').value).toBe('Điểm trừ');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, printTitlesRow: '5:5' });
    expect(ws.pageSetup.margins!.left).toBeCloseTo(30 / 25.4, 5);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    // Widths fit the 165 mm between the margins of A4: text column widest, no guidance → narrow guidance column.
    const widths = [1, 2, 3, 4, 5].map((c) => ws.getColumn(c).width!);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(90);
    expect(Math.max(...widths)).toBe(widths[1]);
    expect(ws.getRow(7).height).toBeGreaterThan(ws.getRow(9).height ?? 0); // 1.1 wraps to two lines, 1.3 fits on one
    expect(ws.getCell('A7').border).toMatchObject({ top: { style: 'thin' } });
  });

  it('exports the latest version by default, or the one asked for, with the reason', async () => {
    const v1 = sampleTable();
    const v2 = newVersion(v1, 'Bổ sung hướng dẫn chấm', '2024-06-01T00:00:00.000Z', counter('v2'));
    v2.groups[0]!.criteria[0]!.max = 15;
    v2.groups[0]!.criteria[1]!.max = 15;
    const data = blocData([v1, v2]);
    const latest = (await load(await scoringTableToXlsx(data, 2024))).worksheets[0]!;
    expect(latest.getCell('A3').value).toBe('Năm 2024 - Phiên bản 2 (bản nháp, chưa khóa)');
    expect(latest.getCell('A4').value).toBe('Lý do điều chỉnh: Bổ sung hướng dẫn chấm');
    const p = await readScoringTableExcel(await scoringTableToXlsx(data, 2024), 'v2.xlsx');
    expect(p.table.groups[0]!.criteria.map((c) => c.max)).toEqual([15, 15, 5, 5]);
    const first = (await load(await scoringTableToXlsx(data, 2024, 1))).worksheets[0]!;
    expect(first.getCell('A3').value).toBe('Năm 2024 - Phiên bản 1 (đã khóa ngày 01/03/2024)');
  });

  it('refuses a missing year, table or version with a Vietnamese UserError', async () => {
    const data = blocData([sampleTable()]);
    const fail = async (year: number, version?: number) => {
      try {
        await scoringTableToXlsx(data, year, version);
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
        return (e as UserError).message;
      }
      throw new Error('expected a refusal');
    };
    expect(await fail(2019)).toBe('Khối "Khối thi đua Văn hóa - Xã hội" chưa có năm thi đua 2019 (các năm hiện có: 2024, 2025).');
    expect(await fail(2025)).toBe('Năm 2025 chưa có bảng chấm điểm. Hãy lập hoặc nhập bảng chấm điểm trước.');
    expect(await fail(2024, 3)).toBe('Bảng chấm điểm năm 2024 không có phiên bản 3 (các phiên bản hiện có: 1).');
  });
});

describe('a workbook re-saved by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bcd-lo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('still imports to the same table', async () => {
    const table = richTable();
    const src = join(dir, 'in', 'bang-diem.xlsx');
    execFileSync('mkdir', ['-p', join(dir, 'in'), join(dir, 'out')]);
    writeFileSync(src, await scoringTableToXlsx(blocData([table]), 2024));
    execFileSync(
      'libreoffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), src],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const resaved = new Uint8Array(readFileSync(join(dir, 'out', 'bang-diem.xlsx')));
    const p = await readScoringTableExcel(resaved, 'bang-diem.xlsx');
    expect(p.errors).toEqual([]);
    expect(content(p.table)).toEqual(content(table));
  });
});
