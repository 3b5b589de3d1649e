import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readScoringTableExcel, readScoringTableWorkbook, sentenceCase } from '../../../electron/services/excel/scoring-table-import';

type Row = (string | number | null | ExcelJS.CellValue)[];

/** A workbook written by exceljs, returned as bytes (so every test goes through the workbook guard). */
async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
}

function put(ws: ExcelJS.Worksheet, firstRow: number, rows: Row[], firstCol = 1): void {
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null && v !== undefined) ws.getCell(firstRow + i, firstCol + j).value = v as ExcelJS.CellValue;
    }),
  );
}

const simplified = (groups: { code: string; title: string; kind: string; cap?: number; criteria: { code: string; title: string; max: number; kind: string; guidance: string }[] }[]) =>
  groups.map((g) => ({
    code: g.code,
    title: g.title,
    kind: g.kind,
    ...(g.cap !== undefined ? { cap: g.cap } : {}),
    criteria: g.criteria.map((c) => [c.code, c.title, c.max, c.kind, c.guidance]),
  }));

describe('tables in other shapes', () => {
  it('reads rows in odd places: shifted columns, two-row header, column numbers, total on top, merged group cell, codes in the title cell', async () => {
    const bytes = await xlsx((wb) => {
      const guide = wb.addWorksheet('Hướng dẫn');
      guide.getCell('A1').value = 'Hướng dẫn chấm điểm: xem trang sau.';
      const ws = wb.addWorksheet('Bảng điểm');
      put(ws, 4, [['UBND TỈNH HÀ NAM'], ['KHỐI THI ĐUA CÁC CƠ QUAN TỔNG HỢP'], ['BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025 (THANG ĐIỂM 600)']], 3);
      put(ws, 8, [['STT', 'Nội dung chấm điểm', 'Điểm', null, 'Hướng dẫn chấm'], [null, null, 'Tối đa', 'Tự chấm', null]], 2);
      ws.mergeCells('B8:B9');
      ws.mergeCells('C8:C9');
      ws.mergeCells('D8:E8');
      ws.mergeCells('F8:F9');
      put(ws, 10, [['(1)', '(2)', '(3)', '(4)', '(5)']], 2);
      put(ws, 11, [[null, 'TỔNG CỘNG (I+II+III)', null]], 2);
      put(ws, 12, [['I. CÔNG TÁC CHUYÊN MÔN', null, 600]], 2);
      ws.mergeCells('B12:C12');
      put(ws, 13, [['1.1.', 'Hoàn thành chỉ tiêu được giao', 400]], 2);
      put(ws, 15, [['1.2', 'Tham mưu văn bản đúng hạn', 200, null, 'Đúng hạn: 200 điểm']], 2);
      put(ws, 16, [[null, '- Chậm 1 lần trừ 50 điểm', null]], 2);
      put(ws, 17, [['II', 'ĐIỂM THƯỞNG', 100]], 2);
      put(ws, 18, [['2.1', 'Có sáng kiến được công nhận', 50]], 2);
      put(ws, 19, [[null, '2.2 Được tặng Bằng khen của UBND tỉnh', 80]], 2);
      put(ws, 20, [['III', 'ĐIỂM TRỪ', null], ['3.1', 'Chậm gửi báo cáo', -30]], 2);
      put(ws, 23, [['Ghi chú: điểm trừ ghi số dương hoặc âm đều được.'], ['Người lập biểu']], 2);
    });
    const p = await readScoringTableExcel(bytes, 'bang-diem-2025.xlsx');
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([]);
    expect(p.sheet).toBe('Bảng điểm');
    expect(p.year).toBe(2025);
    expect(p.table.title).toBe('Bảng chấm điểm thi đua năm 2025 (thang điểm 600)');
    expect(p.table.scale).toBe(600);
    expect(simplified(p.table.groups)).toEqual([
      {
        code: 'I',
        title: 'Công tác chuyên môn',
        kind: 'normal',
        criteria: [
          ['1.1', 'Hoàn thành chỉ tiêu được giao', 400, 'qualitative', ''],
          ['1.2', 'Tham mưu văn bản đúng hạn', 200, 'qualitative', 'Đúng hạn: 200 điểm\n- Chậm 1 lần trừ 50 điểm'],
        ],
      },
      {
        code: 'II',
        title: 'Điểm thưởng',
        kind: 'bonus',
        cap: 100,
        criteria: [
          ['2.1', 'Có sáng kiến được công nhận', 50, 'bonus', ''],
          ['2.2', 'Được tặng Bằng khen của UBND tỉnh', 80, 'bonus', ''],
        ],
      },
      { code: 'III', title: 'Điểm trừ', kind: 'deduction', criteria: [['3.1', 'Chậm gửi báo cáo', 30, 'deduction', '']] },
    ]);
  });

  it('scores only the sub-criteria of a criterion that has them', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('BCD');
      put(ws, 1, [
        ['TT', 'Nội dung', 'Điểm tối đa'],
        ['I', 'Chuyên môn', 10],
        ['1.1', 'Kết quả nhiệm vụ', 12],
        ['1.1.1', 'Chỉ tiêu kinh tế', 6],
        ['1.1.2', 'Chỉ tiêu xã hội', 4],
      ]);
    });
    const p = await readScoringTableExcel(bytes, 'con.xlsx');
    expect(p.errors).toEqual([]);
    expect(simplified(p.table.groups)[0]!.criteria).toEqual([
      ['1.1.1', 'Chỉ tiêu kinh tế', 6, 'qualitative', '1.1. Kết quả nhiệm vụ'],
      ['1.1.2', 'Chỉ tiêu xã hội', 4, 'qualitative', '1.1. Kết quả nhiệm vụ'],
    ]);
    expect(p.warnings).toEqual([
      {
        message:
          'Tiêu chí 1.1 có các tiêu chí con (1.1.1, 1.1.2): chỉ các tiêu chí con được chấm điểm; nội dung của 1.1 được ghi vào hướng dẫn của chúng.',
        sheet: 'BCD',
        cell: 'A3',
      },
      { message: 'Tiêu chí 1.1 ghi 12 điểm nhưng các tiêu chí con cộng lại 10 điểm.', sheet: 'BCD', cell: 'A3' },
    ]);
  });

  it('reports a duplicate code, a text maximum, a missing maximum, a negative one and a formula without result, each with its cell', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      put(ws, 1, [
        ['BẢNG CHẤM ĐIỂM NĂM 2024'],
        [],
        ['STT', 'Nội dung tiêu chí', 'Thang điểm'],
        ['I', 'Nhóm một', 30],
        ['1.1', 'Tiêu chí một', 10],
        ['1.2', 'Tiêu chí hai', 'năm điểm'],
        ['1.1', 'Tiêu chí ba, trùng mã', 5],
        ['1.4', 'Tiêu chí bốn', '2,5'],
        ['1.5', 'Tiêu chí năm', null],
        ['1.6', 'Tiêu chí sáu', -2],
        ['1.7', 'Tiêu chí bảy', { formula: 'C5/2' }],
        ['Tổng cộng', null, 100],
      ]);
    });
    const p = await readScoringTableExcel(bytes, 'loi.xlsx');
    expect(p.errors).toEqual([
      { message: 'Tiêu chí 1.2: điểm tối đa "năm điểm" không phải là số.', sheet: 'Sheet1', cell: 'C6' },
      { message: 'Mã tiêu chí 1.1 bị trùng: ô A5 và ô A7. Mỗi tiêu chí cần một mã riêng.', sheet: 'Sheet1', cell: 'A7' },
      { message: 'Tiêu chí 1.5 chưa có điểm tối đa.', sheet: 'Sheet1', cell: 'C9' },
      { message: 'Tiêu chí 1.6: điểm tối đa -2 là số âm.', sheet: 'Sheet1', cell: 'C10' },
      {
        message:
          'Tiêu chí 1.7: ô điểm tối đa là công thức chưa có kết quả (=C5/2); hãy mở tệp bằng Excel, lưu lại rồi nhập lại, hoặc gõ số điểm.',
        sheet: 'Sheet1',
        cell: 'C11',
      },
    ]);
    expect(p.warnings).toContainEqual({
      message: 'Tiêu chí 1.4: điểm tối đa được ghi dạng chữ "2,5", đã đọc là 2,5.',
      sheet: 'Sheet1',
      cell: 'C8',
    });
    expect(p.warnings).toContainEqual({
      message: 'Nhóm I ghi tổng 30 điểm nhưng các tiêu chí trong nhóm cộng lại 17,5 điểm.',
      sheet: 'Sheet1',
      cell: 'C4',
    });
    expect(p.warnings).toContainEqual({
      message: 'Dòng tổng cộng ghi 100 điểm nhưng tổng điểm tối đa các tiêu chí (không tính điểm thưởng, điểm trừ) là 17,5.',
      sheet: 'Sheet1',
      cell: 'C12',
    });
    expect(p.table.scale).toBe(100);
    expect(p.table.groups[0]!.criteria.find((c) => c.code === '1.4')!.max).toBe(2.5);
  });

  it('warns about criteria below the total row, and criteria without a code or a group', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Bảng');
      put(ws, 1, [
        ['TT', 'Nội dung', 'Điểm chuẩn'],
        ['1', 'Tiêu chí không thuộc nhóm nào', 5],
        [null, 'Tiêu chí không có mã', 3],
        ['Tổng', null, 8],
        ['2', 'Tiêu chí quên chưa chuyển lên', 2],
      ]);
    });
    const p = await readScoringTableExcel(bytes, 'le.xlsx');
    expect(p.errors).toEqual([]);
    expect(simplified(p.table.groups)).toEqual([
      {
        code: 'I',
        title: 'Tiêu chí chung',
        kind: 'normal',
        criteria: [
          ['1', 'Tiêu chí không thuộc nhóm nào', 5, 'qualitative', ''],
          ['2', 'Tiêu chí không có mã', 3, 'qualitative', ''],
        ],
      },
    ]);
    expect(p.warnings.map((w) => [w.message, w.cell])).toEqual([
      ['Tiêu chí 1 (dòng 2) đứng trước mọi nhóm (I, II…); đã đưa vào nhóm "Tiêu chí chung".', 'A2'],
      ['Dòng 3: tiêu chí "Tiêu chí không có mã" chưa có mã; đã tạm đặt mã 2, hãy kiểm tra lại.', 'A3'],
      [
        'Các dòng sau dòng tổng cộng (dòng 4) không được đọc, kể cả dòng 5 có mã "2". Nếu đó là tiêu chí, hãy đưa lên trên dòng tổng cộng.',
        'A5',
      ],
    ]);
  });

  it('says clearly when no header row is found', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Danh sách');
      put(ws, 1, [['Họ và tên', 'Đơn vị'], ['Nguyễn Văn A', 'Sở Y tế']]);
    });
    const p = await readScoringTableExcel(bytes, 'danh-sach.xlsx');
    expect(p.criteriaCount).toBe(0);
    expect(p.errors).toEqual([
      {
        message:
          'Không tìm thấy bảng chấm điểm trong tệp \'danh-sach.xlsx\': cần một dòng tiêu đề có các cột "TT" (hoặc "STT"), "Nội dung tiêu chí" và "Điểm chuẩn" (hoặc "Điểm tối đa", "Thang điểm") trong 40 dòng đầu của một trang tính.',
      },
    ]);
  });

  it('converts VNI rich text run by run and flags it', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('VNI');
    put(ws, 1, [['TT', 'Noäi dung', 'Ñieåm chuaån'], ['I', 'COÂNG TAÙC CHUYEÂN MOÂN', 5]]);
    for (const a of ['B1', 'C1', 'B2']) ws.getCell(a).font = { name: 'VNI-Times' };
    ws.getCell('A3').value = '1.1';
    ws.getCell('B3').value = {
      richText: [
        { text: 'Hoaøn thaønh ', font: { name: 'VNI-Times' } },
        { text: 'chỉ tiêu', font: { name: 'Times New Roman' } },
        { text: ' ñöôïc giao', font: { name: 'VNI-Helve' } },
      ],
    };
    ws.getCell('C3').value = 5;
    const p = readScoringTableWorkbook(wb, 'vni.xlsx');
    expect(p.errors).toEqual([]);
    expect(p.convertedFromLegacy).toBe(true);
    expect(p.legacyEncodings).toEqual(['vni']);
    expect(p.table.groups[0]!.title).toBe('Công tác chuyên môn');
    expect(p.table.groups[0]!.criteria[0]!.title).toBe('Hoàn thành chỉ tiêu được giao');
    expect(p.warnings.map((w) => w.message)).toEqual([
      '4 ô được gõ bằng bảng mã VNI (phông VNI-Times) và đã được chuyển sang Unicode (ví dụ ô B1, C1, B2); hãy kiểm tra lại chữ trong bản xem trước.',
    ]);
  });

  it('reads the visible sheet first and says which one it read', () => {
    const wb = new ExcelJS.Workbook();
    const old = wb.addWorksheet('Năm cũ', { state: 'hidden' });
    put(old, 1, [['TT', 'Nội dung', 'Điểm chuẩn'], ['I', 'Cũ', 1], ['1.1', 'Cũ', 1]]);
    const now = wb.addWorksheet('Năm nay');
    put(now, 1, [['TT', 'Nội dung', 'Điểm chuẩn'], ['I', 'Mới', 2], ['1.1', 'Mới', 2]]);
    const p = readScoringTableWorkbook(wb, 'hai-trang.xlsx');
    expect(p.sheet).toBe('Năm nay');
    expect(p.table.groups[0]!.criteria[0]!.title).toBe('Mới');
    expect(p.warnings[0]!.message).toBe('Tệp có 2 trang tính dạng bảng chấm điểm ("Năm nay", "Năm cũ"); đã đọc trang "Năm nay".');
  });
});

describe('sentenceCase', () => {
  it('lowers all-caps titles, keeps acronyms and a few proper words', () => {
    expect(sentenceCase('THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ, CHUYÊN MÔN')).toBe('Thực hiện nhiệm vụ chính trị, chuyên môn');
    expect(sentenceCase('THAM MƯU CHO UBND TỈNH VỀ CNTT')).toBe('Tham mưu cho UBND tỉnh về CNTT');
    expect(sentenceCase('XÂY DỰNG TỔ CHỨC ĐẢNG VỮNG MẠNH')).toBe('Xây dựng tổ chức Đảng vững mạnh');
    expect(sentenceCase('Đã viết thường')).toBe('Đã viết thường');
    expect(sentenceCase('2024')).toBe('2024');
  });
});
