/**
 * The conference papers' writes: one draft per bloc, year and kind (saved again in place), the
 * register's numbers issued in order per type and calendar year, voided with a reason and never
 * given again, the bloc's symbol; and the register as the Excel service writes it.
 */
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db/database';
import { issueRegisterNumber, saveDocumentDraft, setBlocSymbol, voidRegisterNumber } from '../../../renderer/src/features/papers/papers-store';
import { registerToXlsx } from '../../../electron/services/excel/register-xlsx';
import { conferenceContextOf } from '../../../shared/domain/documents/conference-context';
import { blocSymbolOf, entryOfRecord, recordOfEntry, registerOf } from '../../../shared/domain/register';
import { BlocDataSchema, type Bloc } from '../../../shared/model/records';
import { buildSampleBlocData } from '../../../shared/sample/sample-bloc';

const NOW = '2026-01-02T03:04:05.000Z';
const sample = () => BlocDataSchema.parse(buildSampleBlocData(NOW));
const BLOC = 'mau-khoi-vhxh';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await db.blocs.put(sample().bloc);
});

const request = (date: string, summary = 'Biên bản hội nghị tổng kết năm 2025') => ({
  type: 'BB' as const,
  date,
  symbol: 'KTĐVHXH',
  documentKind: 'minutes',
  blocYear: 2025,
  summary,
  signer: 'Nguyễn Văn An',
});

describe('document drafts', () => {
  it('keeps one draft per bloc, year and kind, saved again in place', async () => {
    const first = await saveDocumentDraft(BLOC, 2024, 'invitation', { fields: { meetingPlace: 'Hội trường A' }, sections: [] });
    const again = await saveDocumentDraft(BLOC, 2024, 'invitation', { fields: { meetingPlace: 'Hội trường B' }, sections: [{ key: 'closing', title: '', text: 'Rất mong./.' }] });
    await saveDocumentDraft(BLOC, 2024, 'minutes', { fields: {}, sections: [] });
    expect(again.id).toBe(first.id);
    const stored = await db.documentDrafts.where('[blocId+year+kind]').equals([BLOC, 2024, 'invitation']).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ fields: { meetingPlace: 'Hội trường B' }, sections: [{ key: 'closing', text: 'Rất mong./.' }] });
    expect(await db.documentDrafts.count()).toBe(2);
  });

  it('the documents read the saved draft of the year', async () => {
    const data = sample();
    const ctx = conferenceContextOf(data, 2024);
    expect(ctx.drafts.get('invitation')?.fields.meetingPlace).toBe('Hội trường Sở Y tế, số 2 đường Lê Hoàn');
    expect(conferenceContextOf(data, 2023).drafts.size).toBe(0);
  });
});

describe('the register', () => {
  it('issues 01, 02 per type and calendar year, restarts on 1 January, never reuses a voided number', async () => {
    const a = await issueRegisterNumber(BLOC, request('2026-01-05'));
    expect(a.number).toBe(1);
    await expect(voidRegisterNumber(a.id, '  ')).rejects.toThrow('Cần ghi lý do hủy số 01/BB-KTĐVHXH.');
    const voided = await voidRegisterNumber(a.id, 'Ghi sai thành phần');
    expect(voided.voided?.reason).toBe('Ghi sai thành phần');
    const b = await issueRegisterNumber(BLOC, request('2026-01-06'));
    expect(b.number).toBe(2);
    const gm = await issueRegisterNumber(BLOC, { ...request('2026-01-06'), type: 'GM', documentKind: 'invitation' });
    expect(gm.number).toBe(1);
    const nextYear = await issueRegisterNumber(BLOC, request('2027-01-02'));
    expect(nextYear.number).toBe(1);
    await expect(issueRegisterNumber(BLOC, request('2026-01-04'))).rejects.toThrow(/sớm hơn ngày của số 02\/BB-KTĐVHXH/);
    const stored = await db.registerEntries.where('blocId').equals(BLOC).toArray();
    expect(stored.map((r) => [r.kind, r.number, r.symbol, r.voidReason]).sort()).toEqual([
      ['BB', 1, 'BB-KTĐVHXH', ''],
      ['BB', 1, 'BB-KTĐVHXH', 'Ghi sai thành phần'],
      ['BB', 2, 'BB-KTĐVHXH', ''],
      ['GM', 1, 'GM-KTĐVHXH', ''],
    ]);
    // The stored record maps back to the same entry.
    for (const r of stored) expect(recordOfEntry(entryOfRecord(r)!, BLOC)).toEqual(r);
  });

  it('takes the bloc symbol set by the user, else the default of its name', async () => {
    expect(blocSymbolOf((await db.blocs.get(BLOC))!)).toBe('KTĐVHXH');
    await setBlocSymbol(BLOC, 'ktđ vhxh');
    const bloc = (await db.blocs.get(BLOC)) as Bloc;
    expect(bloc.documentSymbol).toBe('ktđ vhxh');
    expect(blocSymbolOf(bloc)).toBe('KTĐVHXH');
    expect(blocSymbolOf({ ...bloc, documentSymbol: 'VHXH-HN' })).toBe('VHXH-HN');
  });

  it('writes the register of a year to Excel with formula-like text escaped', async () => {
    const data = sample();
    data.registerEntries.push({ ...data.registerEntries[0]!, id: 'x', number: 2, date: '2025-01-04', summary: '=HYPERLINK("http://x")', voidedAt: '2025-01-05T01:00:00.000Z', voidReason: 'Trùng nội dung' });
    expect(registerOf(data)).toHaveLength(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await registerToXlsx(data.bloc, registerOf(data), 2025)).buffer as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    expect(rows[1]![0]).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2025');
    expect(rows[2]).toEqual(['STT', 'Số, ký hiệu', 'Ngày ban hành', 'Loại văn bản', 'Trích yếu nội dung', 'Người ký', 'Ghi chú']);
    expect(rows.slice(3)).toEqual([
      ['1', '01/GM-KTĐVHXH', '03/01/2025', 'Giấy mời', 'Mời dự Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024', '', ''],
      ['2', '02/GM-KTĐVHXH', '04/01/2025', 'Giấy mời', `'=HYPERLINK("http://x")`, '', 'Đã hủy ngày 05/01/2025: Trùng nội dung'],
      ['3', '01/BC-KTĐVHXH', '10/01/2025', 'Báo cáo', 'Báo cáo tổng kết công tác thi đua, khen thưởng năm 2024', '', ''],
    ]);
  });
});
