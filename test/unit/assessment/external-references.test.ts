/**
 * Formulas in a returned file that reach outside it (other workbooks, network folders, the web,
 * links, other programs) are flagged with a warning naming the sheet and the cell.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { externalKind } from '../../../electron/services/assessment/external-references';
import { inspectFiles } from '../../../electron/services/assessment/inspect';
import { buildTemplates } from '../../../electron/services/assessment/template';
import type { InspectReport } from '../../../shared/domain/assessment-import';
import { FILL_SCRIPT, runPython, tempDir } from './corpus-tools';
import { sampleBloc } from './fixtures';

describe('externalKind', () => {
  it('finds references to other workbooks, network folders, the web, links and programs', () => {
    expect(externalKind('[1]Sheet1!A1')).toBe('workbook');
    expect(externalKind('[1]!TongDiem')).toBe('workbook');
    expect(externalKind('SUM([x.xlsx]Data!B2:B9)')).toBe('workbook');
    expect(externalKind("'[Điểm 2024.xlsx]Trang 1'!B2*2")).toBe('workbook');
    expect(externalKind("'C:\\Users\\ketoan\\[diem.xlsx]Data'!B2")).toBe('workbook');
    expect(externalKind("'\\\\server\\share\\[diem.xlsx]Data'!B2")).toBe('workbook');
    expect(externalKind('LEN("\\\\server\\share\\a.txt")')).toBe('unc');
    expect(externalKind('WEBSERVICE("http://example.com/x")')).toBe('webservice');
    expect(externalKind('_xlfn.WEBSERVICE(A1)')).toBe('webservice');
    expect(externalKind('HYPERLINK("http://example.com","Xem")')).toBe('hyperlink');
    expect(externalKind("cmd|' /C calc'!A0")).toBe('program');
    expect(externalKind('RTD("a.b",,"x")')).toBe('program');
  });

  it('leaves ordinary formulas alone: ranges, other sheets, table columns, text that looks like a reference', () => {
    for (const f of [
      'SUM(E9:E12)',
      'MIN(5,SUM(E34))',
      "'Tự chấm điểm'!E9+Sheet2!A1",
      'SUM(Bang1[Điểm])',
      'Bang1[[#This Row],[Điểm]]*2',
      'IF(A1="[1]Sheet1!A1",1,0)',
      'IF(A1="a|b",1,0)',
      'E9/2',
    ]) {
      expect([f, externalKind(f)]).toEqual([f, null]);
    }
  });
});

describe('a returned file with formulas that reach outside it', () => {
  const data = sampleBloc();
  let report: InspectReport;
  let dde: InspectReport;
  let many: InspectReport;
  let fileLink: InspectReport;

  beforeAll(async () => {
    const dir = tempDir('assessment-external');
    const [syt] = await buildTemplates(data, 2024, ['u-syt']);
    writeFileSync(join(dir, 'template.xlsx'), syt!.bytes);
    const FULL = { '1.1': 18, '1.2': 9.5, '1.3': 5, '1.4': 4, '2.1': 5, '2.2': 4, '2.3': 3, '2.4': 4, '2.5': 3, '3.1': 4.5, '3.2': 5, '3.3': 5 };
    const spec = [
      {
        src: join(dir, 'template.xlsx'),
        out: join(dir, 'external_2024_SYT.xlsx'),
        ops: [
          ['fill', FULL],
          ['set', '1.1', '=[1]Sheet1!A1'],
          ['at', '1.2', 6, "='\\\\may-chu\\chung\\[minh-chung.xlsx]Data'!B2"],
          ['at', '1.3', 6, '=WEBSERVICE("http://example.com/diem")'],
          ['at', '1.4', 6, '=HYPERLINK("http://example.com/bao-cao","Báo cáo")'],
          ['at', '2.1', 6, '=IF(E14>0,"Đạt","")'],
        ],
      },
      {
        src: join(dir, 'template.xlsx'),
        out: join(dir, 'many_2024_SYT.xlsx'),
        ops: [['fill', FULL], ...['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4', '2.5', '3.1', '3.2', '3.3'].map((c) => ['at', c, 7, '=[1]Data!A1'])],
      },
    ];
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
    expect(runPython(dir, FILL_SCRIPT, [join(dir, 'spec.json')])).toContain('ok 2');
    [report] = (await inspectFiles(data, 2024, [{ name: 'external_2024_SYT.xlsx', bytes: new Uint8Array(readFileSync(join(dir, 'external_2024_SYT.xlsx'))) }])) as [
      InspectReport,
    ];
    [many] = (await inspectFiles(data, 2024, [{ name: 'many_2024_SYT.xlsx', bytes: new Uint8Array(readFileSync(join(dir, 'many_2024_SYT.xlsx'))) }])) as [InspectReport];

    // A DDE link declared by the workbook (an externalLink part), without any formula naming it.
    const parts = unzipSync(syt!.bytes) as Zippable;
    parts['xl/externalLinks/externalLink1.xml'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<ddeLink ddeService="cmd" ddeTopic="/C calc"><ddeItems><ddeItem name="A0"/></ddeItems></ddeLink></externalLink>',
    );
    [dde] = (await inspectFiles(data, 2024, [{ name: 'dde_2024_SYT.xlsx', bytes: zipSync(parts) }])) as [InspectReport];
    // A link to another workbook (as Excel keeps it after the formulas were pasted as values).
    const linked = unzipSync(syt!.bytes) as Zippable;
    linked['xl/externalLinks/externalLink1.xml'] = strToU8('<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook r:id="rId1"/></externalLink>');
    linked['xl/externalLinks/_rels/externalLink1.xml.rels'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/Users/ketoan/Điểm%202024.xlsx" TargetMode="External"/></Relationships>',
    );
    [fileLink] = (await inspectFiles(data, 2024, [{ name: 'link_2024_SYT.xlsx', bytes: zipSync(linked) }])) as [InspectReport];
  }, 120_000);

  it('warns once per cell, naming the sheet and the cell, in Vietnamese', () => {
    const w = report.warnings.filter((x) => x.kind === 'external-formula');
    expect(w.map((x) => [x.sheet, x.cell])).toEqual([
      ['Tự chấm điểm', 'E9'],
      ['Tự chấm điểm', 'F10'],
      ['Tự chấm điểm', 'F11'],
      ['Tự chấm điểm', 'F12'],
    ]);
    expect(w[0]!.message).toBe(
      "Ô E9 (trang 'Tự chấm điểm') có công thức lấy số liệu từ tệp khác (=[1]Sheet1!A1). Khối chỉ dùng kết quả đã lưu trong tệp, " +
        'số liệu có thể đã cũ; hãy đề nghị đơn vị thay công thức bằng giá trị (Sao chép, rồi Dán đặc biệt > Giá trị) và gửi lại.',
    );
    expect(w[1]!.message).toContain('tệp khác');
    expect(w[1]!.message).toContain('\\\\may-chu\\chung');
    expect(w[2]!.message).toContain('lấy dữ liệu từ Internet');
    expect(w[3]!.message).toContain('tạo liên kết');
    expect(w[3]!.message).toContain('Không bấm vào liên kết lạ');
  });

  it('lists ten cells, then counts the rest', () => {
    const w = many.warnings.filter((x) => x.kind === 'external-formula');
    expect(w).toHaveLength(11);
    expect(w.slice(0, 10).map((x) => x.cell)).toEqual(['G9', 'G10', 'G11', 'G12', 'G14', 'G15', 'G16', 'G17', 'G18', 'G20']);
    expect(w[10]!.message).toMatch(/^Còn 2 ô khác có công thức tham chiếu ra ngoài tệp \(trang 'Tự chấm điểm'\)/);
  });

  it('warns about a link to another workbook declared without a formula', () => {
    expect(fileLink.warnings.filter((w) => w.kind === 'external-link').map((w) => w.message)).toEqual([
      'Tệp có liên kết tới 1 tệp khác ("file:///C:/Users/ketoan/Điểm%202024.xlsx"). Không chọn "Cập nhật liên kết" khi mở tệp; Khối chỉ dùng số liệu đã lưu trong tệp.',
    ]);
    expect(fileLink.ok).toBe(true);
  });

  it('warns about a link to another program declared by the workbook', () => {
    expect(dde.warnings.filter((w) => w.kind === 'external-link').map((w) => w.message)).toEqual([
      'Tệp có liên kết gọi chương trình khác ("cmd|/C calc"); đây có thể là mã độc. Không bật "Enable Content" hay "Cập nhật liên kết" ' +
        'khi mở tệp này; hãy đề nghị đơn vị gửi lại tệp không có liên kết này.',
    ]);
  });
});
