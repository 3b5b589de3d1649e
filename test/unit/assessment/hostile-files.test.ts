/**
 * Files that are not usable workbooks: each is refused by the guard with its own code and a
 * Vietnamese message saying what the file is and what to do, without crashing (the time it takes
 * is in bench/hostile.bench.ts).
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import officeCrypto from 'officecrypto-tool';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import { inspectFiles } from '../../../electron/services/assessment/inspect';
import { buildTemplate } from '../../../electron/services/assessment/template';
import { loadWorkbookSafely } from '../../../electron/services/excel/workbook-guard';
import { libreofficeConvert, tempDir } from './corpus-tools';
import { hugeSheetWorkbook, withEntries } from './hostile-inputs';
import { sampleBloc } from './fixtures';

const data = sampleBloc();
let template: Uint8Array;
let xls: Uint8Array;
let ods: Uint8Array;
let encrypted: Uint8Array;

async function refusal(bytes: Uint8Array, name: string): Promise<UserError> {
  try {
    await loadWorkbookSafely(bytes, name);
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error(`${name} was accepted`);
}

/** A hand-made zip whose single entry's directory record declares `declared` bytes but holds `actual`. */
function lyingZip(name: string, content: Uint8Array, declared: number): Uint8Array {
  const compressed = deflateRawSync(content);
  const nameBytes = strToU8(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = 30 + nameBytes.length + compressed.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + nameBytes.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, compressed, central, nameBytes, eocd]));
}

beforeAll(async () => {
  template = await buildTemplate(data, data.scoringTables[0]!, data.units[0]!, 2024);
  const dir = tempDir('assessment-hostile');
  writeFileSync(join(dir, 'TuCham_2024_SYT.xlsx'), template);
  copyFileSync(join(dir, 'TuCham_2024_SYT.xlsx'), join(dir, 'legacy.xlsx'));
  const out = tempDir('assessment-hostile-out');
  xls = libreofficeConvert(join(dir, 'legacy.xlsx'), 'xls', out);
  ods = libreofficeConvert(join(dir, 'legacy.xlsx'), 'ods', out);
  encrypted = new Uint8Array(await officeCrypto.encrypt(Buffer.from(template), { password: 'matkhau' }));
}, 240_000);

describe('refused files', () => {
  const cases: [string, () => Uint8Array, string, string][] = [
    ['empty.xlsx', () => new Uint8Array(), 'workbook-empty', "Tệp 'empty.xlsx' rỗng (0 byte)"],
    ['random.xlsx', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251), 'workbook-not-excel', 'không phải là tệp Excel'],
    ['bang-diem.xlsx', () => strToU8('Mã;Điểm tự chấm\n1.1;18\n1.2;9,5\n'), 'workbook-csv', 'tệp văn bản CSV'],
    [
      'export.xls',
      () => strToU8('<html><head><meta charset="utf-8"></head><body><table><tr><td>1.1</td><td>18</td></tr></table></body></html>'),
      'workbook-html',
      'trang HTML',
    ],
    ['legacy.xls', () => xls, 'workbook-legacy-xls', "Tệp 'legacy.xls' là định dạng Excel 97-2003 (.xls) cũ. Hãy mở bằng Excel"],
    ['legacy.ods', () => ods, 'workbook-ods', 'OpenDocument (.ods)'],
    ['matkhau.xlsx', () => encrypted, 'workbook-encrypted', 'được đặt mật khẩu'],
    ['cut.xlsx', () => template.subarray(0, Math.floor(template.length / 2)), 'workbook-truncated', 'bị cắt cụt'],
    ['no-workbook.xlsx', () => zipSync({ 'readme.txt': strToU8('xin chào') }), 'workbook-no-workbook', 'không chứa bảng tính Excel'],
    ['empty-zip.xlsx', () => zipSync({}), 'workbook-no-workbook', 'tệp nén rỗng'],
    [
      'bomb.xlsx',
      () => withEntries(template, { 'xl/media/bomb.bin': new Uint8Array(20 * 1024 * 1024) }),
      'workbook-zip-bomb',
      'nội dung nén bất thường',
    ],
    [
      'lying.xlsx',
      () => lyingZip('xl/workbook.xml', new Uint8Array(30 * 1024 * 1024).fill(0x41), 1000),
      'workbook-zip-bomb',
      'lớn hơn kích thước khai báo',
    ],
    [
      'entity.xlsx',
      () =>
        withEntries(template, {
          'xl/workbook.xml': `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="&b;" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        }),
      'workbook-xml-entity',
      'DOCTYPE/ENTITY',
    ],
    [
      'broken-xml.xlsx',
      () => withEntries(template, { 'xl/workbook.xml': '<workbook><sheets><sheet name=' }),
      'workbook-unreadable',
      'cấu trúc bảng tính bị hỏng',
    ],
    [
      'no-sheets.xlsx',
      () =>
        withEntries(template, {
          'xl/workbook.xml':
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
        }),
      'workbook-no-sheets',
      'không có trang tính nào',
    ],
  ];

  for (const [name, make, code, text] of cases) {
    it(`${name} → ${code}`, async () => {
      const err = await refusal(make(), name);
      expect(err.code).toBe(code);
      expect(err.message).toContain(text);
      expect(err.message).toContain(`'${name}'`);
    });
  }

  // How long the refusal takes is measured by `npm run bench hostile`, not asserted here.
  it('a sheet of 300 000 rows is refused, naming the sheet', async () => {
    const err = await refusal(hugeSheetWorkbook(template, 300_000), 'big.xlsx');
    expect(err.code).toBe('workbook-too-many-rows');
    expect(err.message).toContain("Trang tính 'Tự chấm điểm' trong tệp 'big.xlsx' có hơn 20.000 dòng");
  });

  it('inspect turns a refusal into a refused report, never throws', async () => {
    const [r] = await inspectFiles(data, 2024, [{ name: 'legacy.xls', bytes: xls }]);
    expect(r).toMatchObject({ ok: false, refused: true, unit: null, scores: [], warnings: [] });
    expect(r!.errors.map((e) => e.kind)).toEqual(['workbook-legacy-xls']);
    expect(r!.size).toBe(xls.byteLength);
  });

  it('a valid template still loads through the guard', async () => {
    const wb = await loadWorkbookSafely(template, 'ok.xlsx');
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Tự chấm điểm', 'visible'],
      ['Hướng dẫn', 'visible'],
      ['_blocdesk', 'veryHidden'],
    ]);
  });

  it('limits are configurable', async () => {
    await expect(loadWorkbookSafely(template, 'ok.xlsx', { maxFileBytes: 1000 })).rejects.toMatchObject({ code: 'workbook-too-large' });
    await expect(loadWorkbookSafely(template, 'ok.xlsx', { maxSheetRows: 5 })).rejects.toMatchObject({ code: 'workbook-too-many-rows' });
  });
});
