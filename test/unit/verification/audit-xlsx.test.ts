import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AUDIT_HEADERS, AUDIT_SHEET, verificationAuditXlsx } from '../../../electron/services/excel/verification-audit-xlsx';
import { smallBloc } from '../db/fixtures';

describe('verification audit workbook', () => {
  it('lists score changes, unit decisions and the year lock oldest first, with who, old → new and the reason', async () => {
    const data = smallBloc();
    const unitId = data.units[0]!.id;
    data.scores[0] = {
      ...data.scores[0]!,
      verified: 8,
      history: [{ at: '2024-12-02T01:00:00.000Z', by: 'Lê Văn B', field: 'verified', old: null, new: 8, reason: '=Thiếu minh chứng', batchId: null }],
    };
    data.unitReviews = [
      {
        id: `2024:${unitId}`,
        blocId: data.bloc.id,
        year: 2024,
        unitId,
        status: 'locked',
        eligible: true,
        ineligibleReason: '',
        ineligibleBasis: '',
        lockedAt: '2024-12-03T01:00:00.000Z',
        history: [
          { at: '2024-12-02T01:00:00.000Z', by: 'Lê Văn B', action: 'verify', target: '1', old: null, new: 8, reason: 'x' },
          { at: '2024-12-03T01:00:00.000Z', by: 'Thư ký', action: 'lock', target: unitId, old: 'reviewing', new: 'locked', reason: '' },
        ],
        updatedAt: '2024-12-03T01:00:00.000Z',
      },
    ];
    data.yearReviews = [
      { id: `${data.bloc.id}:2024`, blocId: data.bloc.id, year: 2024, lockedAt: null, chairDecisions: [], team: [], updatedAt: '2024-12-05T01:00:00.000Z',
        history: [{ at: '2024-12-04T01:00:00.000Z', by: 'Thư ký', action: 'unlock', target: '2024', old: '2024-12-03T02:00:00.000Z', new: null, reason: 'Phúc tra' }] },
    ];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await verificationAuditXlsx(data, 2024)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(AUDIT_SHEET)!;
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(AUDIT_HEADERS);
    const rows = [4, 5, 6].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    // Office clock (UTC+7); the formula-like reason is neutralised.
    expect(rows[0]).toEqual(['02/12/2024 08:00', 'Lê Văn B', 'SYT', 'Sở Y tế', 'Điểm thẩm định', '1', '', 8, "'=Thiếu minh chứng"]);
    expect(rows[1]!.slice(1, 8)).toEqual(['Thư ký', 'SYT', 'Sở Y tế', 'Khóa', '', 'Đang thẩm định', 'Đã khóa']);
    expect(rows[2]![4]).toBe('Mở khóa (phúc tra) năm 2024');
    expect(rows[2]![8]).toBe('Phúc tra');
    expect(ws.rowCount).toBe(6);
  });
});
