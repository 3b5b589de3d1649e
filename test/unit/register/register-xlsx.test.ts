import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { issueNumber, voidEntry, type RegisterEntry } from '../../../shared/domain/register';
import { registerToXlsx } from '../../../electron/services/excel/register-xlsx';

const AT = '2026-01-05T08:00:00.000Z';
function register(): RegisterEntry[] {
  const out: RegisterEntry[] = [];
  const add = (id: string, type: 'BB' | 'TTr', date: string, summary: string) =>
    out.push(issueNumber(out, { id, type, date, symbol: 'KTĐVHXH', documentKind: type === 'BB' ? 'minutes' : 'proposal', blocYear: 2025, summary, signer: 'Nguyễn Văn An', issuedAt: AT }));
  add('a', 'BB', '2026-01-05', 'Biên bản hội nghị tổng kết năm 2025');
  add('b', 'BB', '2026-01-05', '=HYPERLINK("http://x")');
  add('c', 'TTr', '2026-01-08', 'Tờ trình đề nghị khen thưởng năm 2025');
  out[1] = voidEntry(out[1]!, 'Lập trùng', AT);
  return out;
}

describe('the register as a workbook', () => {
  it('lists the year in date order, voided numbers marked, text never read as a formula', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await registerToXlsx({ name: 'Khối Văn hóa - Xã hội', issuingBody: 'Khối thi đua Văn hóa - Xã hội', partyFormat: false }, register(), 2026)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Văn bản đi 2026');
    expect(ws.getCell('A1').value).toBe('KHỐI THI ĐUA VĂN HÓA - XÃ HỘI');
    expect(ws.getCell('A2').value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2026');
    const rows = [4, 5, 6, 7].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(rows[0]).toEqual(['STT', 'Số, ký hiệu', 'Ngày ban hành', 'Loại văn bản', 'Trích yếu nội dung', 'Người ký', 'Ghi chú']);
    expect(rows[1]).toEqual([1, '01/BB-KTĐVHXH', '05/01/2026', 'Biên bản', 'Biên bản hội nghị tổng kết năm 2025', 'Nguyễn Văn An', '']);
    expect(rows[2]).toEqual([2, '02/BB-KTĐVHXH', '05/01/2026', 'Biên bản', `'=HYPERLINK("http://x")`, 'Nguyễn Văn An', 'Đã hủy ngày 05/01/2026: Lập trùng']);
    expect(rows[3]![1]).toBe('01/TTr-KTĐVHXH');
    expect(ws.pageSetup.orientation).toBe('landscape');
  });
});
