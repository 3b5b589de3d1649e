/**
 * Formulas whose cached result is 0 (or FALSE, or ""): exceljs drops such a result, so they read as
 * "never calculated". The importer reads the cached <v> from the sheet XML instead. The real case:
 * a file filled with `=0-0`, an empty `=SUM(...)`, `=E9*0`, re-saved by LibreOffice.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formulaResultsOfSheet } from '../../../electron/services/excel/sheet-xml';
import { inspectFiles } from '../../../electron/services/assessment/inspect';
import { buildTemplates } from '../../../electron/services/assessment/template';
import type { InspectReport } from '../../../shared/domain/assessment-import';
import { FILL_SCRIPT, libreofficeConvert, runPython, tempDir } from './corpus-tools';
import { sampleBloc } from './fixtures';

describe('cached formula results in the sheet XML', () => {
  it('reads 0, FALSE, "", errors, text and shared formulas, and tells a formula without a result', () => {
    const xml =
      '<worksheet><sheetData><row r="9">' +
      '<c r="E9" s="3" t="n"><f aca="false">0-0</f><v>0</v></c>' +
      '<c r="F9" t="b"><f>1=2</f><v>0</v></c>' +
      '<c r="G9" t="str"><f>""</f><v></v></c>' +
      '<c r="H9" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
      '<c r="I9" t="str"><f>"a&amp;b"</f><v>a&amp;b</v></c>' +
      '<c r="J9"><f>SUM(A1:A2)</f></c>' +
      '<c r="K9" t="s"><v>4</v></c>' +
      '<c r="L9"/>' +
      '</row><row r="10"><c r="E10"><f t="shared" ref="E10:E11" si="0">E9*0</f><v>0</v></c>' +
      '<c r="E11"><f t="shared" si="0"/><v>0</v></c></row></sheetData></worksheet>';
    const results = formulaResultsOfSheet(xml);
    expect(Object.fromEntries(results)).toEqual({
      E9: { kind: 'number', value: 0 },
      F9: { kind: 'boolean', value: false },
      G9: { kind: 'text', value: '' },
      H9: { kind: 'error', value: '#DIV/0!' },
      I9: { kind: 'text', value: 'a&b' },
      J9: null,
      E10: { kind: 'number', value: 0 },
      E11: { kind: 'number', value: 0 },
    });
  });

  it('reads namespace-prefixed markup', () => {
    const xml = '<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1"><x:f>0-0</x:f><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect(formulaResultsOfSheet(xml).get('A1')).toEqual({ kind: 'number', value: 0 });
  });
});

describe('a LibreOffice-re-saved file whose formulas evaluate to 0', () => {
  const data = sampleBloc();
  let report: InspectReport;
  let xml: string;

  beforeAll(async () => {
    const dir = tempDir('assessment-zero');
    const [syt] = await buildTemplates(data, 2024, ['u-syt']);
    writeFileSync(join(dir, 'template.xlsx'), syt!.bytes);
    const spec = [
      {
        src: join(dir, 'template.xlsx'),
        out: join(dir, 'zero_2024_SYT.xlsx'),
        ops: [
          ['fill', { '1.1': 18, '1.2': 9.5, '1.3': 5, '1.4': 4, '2.1': 5, '2.2': 4, '2.3': 3, '2.4': 4, '2.5': 3 }],
          ['set', '3.1', '=0-0'],
          ['set', '3.2', '=SUM(H1:H3)'],
          ['set', '3.3', '=E9*0'],
          ['set', '4.1', '=2.5*2'],
          ['set', '4.2', '=IF(1>2,1,"")'],
        ],
      },
    ];
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
    expect(runPython(dir, FILL_SCRIPT, [join(dir, 'spec.json')])).toContain('ok 1');
    const loDir = tempDir('assessment-zero-lo');
    copyFileSync(join(dir, 'zero_2024_SYT.xlsx'), join(loDir, 'zero_2024_SYT.xlsx'));
    const bytes = libreofficeConvert(join(loDir, 'zero_2024_SYT.xlsx'), 'xlsx', tempDir('assessment-zero-out'));
    [report] = (await inspectFiles(data, 2024, [{ name: 'zero_2024_SYT.xlsx', bytes }])) as [InspectReport];
    const { unzipSync, strFromU8 } = await import('fflate');
    xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
  }, 120_000);

  it('really holds formulas with a cached 0 (the case exceljs loses)', () => {
    expect(xml).toMatch(/<c r="E20"[^>]*><f[^>]*>0-0<\/f><v>0<\/v><\/c>/);
  });

  it('takes 0 as the score of each such formula, with the formula shown', () => {
    const score = (code: string) => report.scores.find((s) => s.code === code);
    expect(score('3.1')).toMatchObject({ value: 0, formula: '0-0', cell: 'E20' });
    expect(score('3.2')).toMatchObject({ value: 0, formula: 'SUM(H1:H3)', cell: 'E21' });
    expect(score('3.3')).toMatchObject({ value: 0, formula: 'E9*0', cell: 'E22' });
    expect(score('4.1')).toMatchObject({ value: 5, formula: '2.5*2' });
    expect(report.errors).toEqual([]);
  });

  it('takes a formula showing nothing ("") as a blank score, not as an uncalculated formula', () => {
    expect(report.scores.find((s) => s.code === '4.2')).toMatchObject({ value: null, cell: 'E25' });
    expect(report.warnings.filter((w) => w.code === '4.2').map((w) => w.kind)).toEqual(['blank']);
  });
});
