/**
 * No exported workbook (templates, the self-score matrix, the scoring table) carries text a
 * spreadsheet could read as a formula after a CSV re-save: text starting with = + - @, a tab or a
 * carriage return is stored with a leading apostrophe as a text cell (one helper,
 * electron/services/excel/write-workbook.ts), and our importers strip it back (lossless).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectFiles } from '../../../electron/services/assessment/inspect';
import { selfScoreMatrixXlsx } from '../../../electron/services/assessment/matrix';
import { buildTemplates } from '../../../electron/services/assessment/template';
import { readScoringTableExcel } from '../../../electron/services/excel/scoring-table-import';
import { scoringTableToXlsx } from '../../../electron/services/excel/scoring-table-xlsx';
import type { BlocData } from '../../../shared/model/records';
import { libreofficeConvert, tempDir } from './corpus-tools';
import { BLOC_ID, sampleBloc } from './fixtures';

const EQ = '=HYPERLINK("http://example.com/x","Bấm vào đây")';
const PLUS = "+cmd|' /C calc'!A0";
const MINUS = '-2+3+cmd|\' /C calc\'!A0';
const AT = '@SUM(1+1)';
const TAB = '\t=1+1';
const CR = '\r=1+1';
const QUOTED = "'=đã có dấu nháy";
const DANGER = /^[=+\-@\t\r]/;

function hostileBloc(): BlocData {
  const data = sampleBloc();
  data.bloc.name = `=Khối thi đua Văn hóa - Xã hội`;
  data.units[0]!.name = PLUS;
  const table = data.scoringTables[0]!;
  const [g1, g2] = table.groups;
  g1!.criteria[0]!.title = EQ;
  g1!.criteria[0]!.guidance = MINUS;
  g1!.criteria[1]!.title = AT;
  g1!.criteria[2]!.title = QUOTED;
  g1!.criteria[3]!.guidance = TAB;
  g2!.title = `- Công tác cải cách hành chính`;
  g2!.criteria[0]!.title = CR;
  table.title = '+Bảng chấm điểm';
  data.scores = [{ id: '2024:u-syt:1.1', blocId: BLOC_ID, year: 2024, unitId: 'u-syt', code: '1.1', self: 18, verified: null, note: '', history: [], updatedAt: 'x' }];
  return data;
}

/** Every text cell of every sheet, with where it is and its number format. */
async function textCells(bytes: Uint8Array): Promise<{ where: string; text: string; numFmt: string | undefined }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: { where: string; text: string; numFmt: string | undefined }[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return; // exceljs shows the master's value in merged cells
        const v = cell.value;
        const text = typeof v === 'string' ? v : v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : null;
        if (text !== null) out.push({ where: `${ws.name}!${cell.address}`, text, numFmt: cell.numFmt });
      }),
    );
  }
  return out;
}

/** Fields of a CSV file as LibreOffice writes it (comma separated, double quotes around fields that need them). */
function csvFields(csv: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i < csv.length) {
    if (csv[i] === '"') {
      let j = i + 1;
      let f = '';
      for (; j < csv.length; j++) {
        if (csv[j] === '"' && csv[j + 1] === '"') (f += '"'), j++;
        else if (csv[j] === '"') break;
        else f += csv[j];
      }
      fields.push(f);
      i = j + 2;
    } else {
      const end = csv.slice(i).search(/[,\n]/);
      fields.push(end < 0 ? csv.slice(i) : csv.slice(i, i + end));
      i = end < 0 ? csv.length : i + end + 1;
    }
  }
  return fields;
}

function csvOf(bytes: Uint8Array, name: string): string[] {
  const dir = tempDir('formula-text');
  writeFileSync(join(dir, name), bytes);
  const out = tempDir('formula-text-csv');
  libreofficeConvert(join(dir, name), 'csv:Text - txt - csv (StarCalc):44,34,76,1', out);
  return csvFields(readFileSync(join(out, name.replace(/\.xlsx$/, '.csv')), 'utf8'));
}

const data = hostileBloc();
const exported: Record<string, Uint8Array> = {};

beforeAll(async () => {
  exported.template = (await buildTemplates(data, 2024, ['u-syt']))[0]!.bytes;
  exported.matrix = await selfScoreMatrixXlsx(data, 2024);
  exported.scoringTable = await scoringTableToXlsx(data, 2024);
}, 60_000);

describe.each(['template', 'matrix', 'scoringTable'])('the %s export', (kind) => {
  it('stores no text cell a spreadsheet could read as a formula; escaped cells are typed as text', async () => {
    const cells = await textCells(exported[kind]!);
    expect(cells.filter((c) => DANGER.test(c.text))).toEqual([]);
    const escaped = cells.filter((c) => /^'+[=+\-@\t\r]/.test(c.text));
    expect(escaped.length).toBeGreaterThan(0);
    expect(escaped.filter((c) => c.numFmt !== '@')).toEqual([]);
  });

  it('gives no formula-like field when LibreOffice re-saves it as CSV', () => {
    const fields = csvOf(exported[kind]!, `${kind}.xlsx`);
    expect(fields.length).toBeGreaterThan(10);
    expect(fields.filter((f) => DANGER.test(f))).toEqual([]);
    expect(fields.filter((f) => /^'[=+\-@]/.test(f))).not.toEqual([]);
  }, 60_000);
});

describe('our importers strip the escape back', () => {
  it('the scoring table round-trips losslessly through the importer', async () => {
    const p = await readScoringTableExcel(exported.scoringTable!, 'bang-cham-diem.xlsx');
    expect(p.errors).toEqual([]);
    const [g1, g2] = p.table.groups;
    expect(g1!.criteria.map((c) => c.title).slice(0, 3)).toEqual([EQ, AT, QUOTED]);
    expect(g1!.criteria[0]!.guidance).toBe(MINUS);
    expect(g1!.criteria[3]!.guidance).toBe(TAB);
    expect(g2!.title).toBe('- Công tác cải cách hành chính');
    expect(p.table.title).toBe('+Bảng chấm điểm');
  });

  it('the hidden identification of a template is read back as written', async () => {
    const ours = sampleBloc();
    ours.bloc.id = 'bloc-ours';
    ours.years = ours.years.map((y) => ({ ...y, blocId: 'bloc-ours' }));
    ours.scoringTables = ours.scoringTables.map((t) => ({ ...t, blocId: 'bloc-ours' }));
    const [r] = await inspectFiles(ours, 2024, [{ name: 'TuCham_2024_SYT.xlsx', bytes: exported.template! }]);
    expect(r!.errors.map((e) => e.kind)).toEqual(['other-bloc']);
    expect(r!.errors[0]!.message).toContain('("=Khối thi đua Văn hóa - Xã hội")');
  });
});
