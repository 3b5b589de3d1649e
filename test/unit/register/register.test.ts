import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import {
  blankNumberLine,
  cleanSymbol,
  defaultBlocSymbol,
  documentNumberDate,
  issuedEntryFor,
  issueNumber,
  nextNumber,
  numberLineOf,
  registerRows,
  registerTypeOfKind,
  voidEntry,
  type IssueRequest,
  type RegisterEntry,
} from '../../../shared/domain/register';

const AT = '2026-01-05T08:00:00.000Z';
let seq = 0;
function request(over: Partial<IssueRequest> = {}): IssueRequest {
  seq++;
  return {
    id: `r${seq}`,
    type: 'BB',
    date: '2026-01-05',
    symbol: 'KTĐVHXH',
    documentKind: 'minutes',
    blocYear: 2025,
    summary: 'Biên bản hội nghị tổng kết công tác thi đua năm 2025',
    signer: 'Nguyễn Văn An',
    issuedAt: AT,
    ...over,
  };
}
/** Issues each request in turn into one register. */
function issueAll(requests: IssueRequest[], start: RegisterEntry[] = []): RegisterEntry[] {
  const out = [...start];
  for (const r of requests) out.push(issueNumber(out, r));
  return out;
}
function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('no error thrown');
}

describe('bloc symbol', () => {
  it('derives KTĐ + initials of the short name, tone marks dropped, Đ kept', () => {
    expect(defaultBlocSymbol({ name: 'x', shortName: 'Khối Văn hóa - Xã hội' })).toBe('KTĐVHXH');
    expect(defaultBlocSymbol({ name: 'x', shortName: 'Khối thi đua Tổng hợp' })).toBe('KTĐTH');
    expect(defaultBlocSymbol({ name: 'x', shortName: 'Khối các cơ quan Đảng' })).toBe('KTĐCQĐ');
    expect(defaultBlocSymbol({ name: 'Khối Ủy ban', shortName: '' })).toBe('KTĐUB');
  });
  it('reads decomposed (NFD) names the same as precomposed ones', () => {
    expect(defaultBlocSymbol({ name: 'x', shortName: 'Khối Văn hóa - Xã hội'.normalize('NFD') })).toBe('KTĐVHXH');
  });
  it('a typed symbol is upper-cased and stripped of spaces', () => {
    expect(cleanSymbol(' ktđ vhxh ')).toBe('KTĐVHXH');
  });
});

describe('numbers', () => {
  it('numbers below 10 take a leading zero; State and Party formats', () => {
    expect(numberLineOf(5, 'BB', 'KTĐVHXH')).toBe('Số: 05/BB-KTĐVHXH');
    expect(numberLineOf(12, 'TTr', 'KTĐVHXH')).toBe('Số: 12/TTr-KTĐVHXH');
    expect(numberLineOf(5, 'BB', 'ĐUK', true)).toBe('Số 05-BB/ĐUK');
  });

  it('runs per type and restarts on 1 January of the issue date', () => {
    const reg = issueAll([
      request({ date: '2025-12-20' }),
      request({ date: '2025-12-29' }),
      request({ type: 'TTr', date: '2025-12-30', documentKind: 'proposal' }),
      request({ date: '2026-01-02' }),
    ]);
    expect(reg.map((e) => `${e.year}:${e.type}:${e.number}`)).toEqual(['2025:BB:1', '2025:BB:2', '2025:TTr:1', '2026:BB:1']);
    expect(nextNumber(reg, 'BB', '2025-12-31')).toBe(3);
    expect(nextNumber(reg, 'BB', '2026-03-01')).toBe(2);
    expect(nextNumber(reg, 'GM', '2026-03-01')).toBe(1);
  });

  it('a voided number is never given again', () => {
    let reg = issueAll([request(), request()]);
    reg = reg.map((e) => (e.number === 2 ? voidEntry(e, 'In sai ngày', AT) : e));
    const next = issueNumber(reg, request());
    expect(next.number).toBe(3);
    expect(reg.find((e) => e.number === 2)!.voided).toEqual({ at: AT, reason: 'In sai ngày' });
  });

  it('voiding needs a reason and happens once', () => {
    const [entry] = issueAll([request()]);
    expect(userError(() => voidEntry(entry!, '   ', AT)).message).toBe('Cần ghi lý do hủy số 01/BB-KTĐVHXH.');
    const voided = voidEntry(entry!, 'Trùng nội dung', AT);
    expect(userError(() => voidEntry(voided, 'lần nữa', AT)).message).toContain('đã bị hủy');
  });

  it('refuses a date before the last number of the type that year, a date that does not exist, an empty summary', () => {
    const reg = issueAll([request({ date: '2026-01-10' })]);
    expect(userError(() => issueNumber(reg, request({ date: '2026-01-09' }))).message).toBe(
      'Ngày ban hành 09/01/2026 sớm hơn ngày của số 01/BB-KTĐVHXH (10/01/2026). Sổ văn bản đi ghi số theo thứ tự ngày: hãy chọn ngày từ 10/01/2026 trở đi.',
    );
    // Another type, or the same day, is fine.
    expect(issueNumber(reg, request({ type: 'GM', date: '2026-01-09' })).number).toBe(1);
    expect(issueNumber(reg, request({ date: '2026-01-10' })).number).toBe(2);
    expect(userError(() => issueNumber(reg, request({ date: '2026-02-30' }))).code).toBe('register-date-invalid');
    expect(userError(() => issueNumber(reg, request({ summary: ' ' }))).message).toBe('Chưa nhập trích yếu nội dung của biên bản cần cấp số.');
    expect(userError(() => issueNumber(reg, request({ type: 'XX' as never }))).code).toBe('register-type-unknown');
    expect(userError(() => issueNumber(reg, { ...request(), id: reg[0]!.id })).code).toBe('register-id-taken');
  });

  it('a document prints the latest number issued for it that is not voided', () => {
    let reg = issueAll([request({ date: '2026-01-05' })]);
    reg = [voidEntry(reg[0]!, 'Sai thành phần', AT)];
    reg = issueAll([request({ date: '2026-01-06', issuedAt: '2026-01-06T08:00:00.000Z' })], reg);
    expect(issuedEntryFor(reg, 'minutes', 2025)?.number).toBe(2);
    expect(issuedEntryFor(reg, 'minutes', 2024)).toBeNull();
    expect(issuedEntryFor(reg, 'proposal', 2025)).toBeNull();
  });
});

describe('the number and date line of a document', () => {
  it('issued: the number and the date of issue; preview: a blank number and the draft date', () => {
    expect(documentNumberDate({ type: 'BB', symbol: 'KTĐVHXH', partyFormat: false, issued: { number: 5, date: '2026-01-05' }, draftDate: '2026-01-01' })).toEqual({
      number: 'Số: 05/BB-KTĐVHXH',
      date: '2026-01-05',
    });
    const preview = documentNumberDate({ type: 'BB', symbol: 'KTĐVHXH', partyFormat: false, issued: null, draftDate: '2026-01-01' });
    expect(preview).toEqual({ number: blankNumberLine('BB', 'KTĐVHXH'), date: '2026-01-01' });
    expect(preview.number).toMatch(/^Số: \u00a0+\/BB-KTĐVHXH$/);
    expect(documentNumberDate({ type: null, symbol: 'X', partyFormat: false, issued: null, draftDate: null })).toEqual({ number: '', date: null });
  });
  it('each document kind has its register type', () => {
    expect(['invitation', 'minutes', 'vote-minutes', 'summary-report', 'midyear-report', 'proposal', 'programme', 'nonsense'].map(registerTypeOfKind)).toEqual([
      'GM',
      'BB',
      'BB',
      'BC',
      'BC',
      'TTr',
      null,
      null,
    ]);
  });
});

describe('register as Excel rows', () => {
  it('lists the calendar year in date order with number, date, type, summary, signer; voided numbers marked', () => {
    let reg = issueAll([
      request({ date: '2026-01-05' }),
      request({ type: 'GM', date: '2026-01-02', documentKind: 'invitation', summary: 'Giấy mời dự hội nghị tổng kết' }),
      request({ date: '2026-01-06' }),
      request({ date: '2025-12-01', blocYear: 2025 }),
    ]);
    reg = reg.map((e) => (e.year === 2026 && e.type === 'BB' && e.number === 2 ? voidEntry(e, 'In nhầm', '2026-01-07T01:00:00.000Z') : e));
    const sheet = registerRows(reg, 2026);
    expect(sheet.title).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2026');
    expect(sheet.columns).toEqual(['STT', 'Số, ký hiệu', 'Ngày ban hành', 'Loại văn bản', 'Trích yếu nội dung', 'Người ký', 'Ghi chú']);
    expect(sheet.rows).toEqual([
      [1, '01/GM-KTĐVHXH', '02/01/2026', 'Giấy mời', 'Giấy mời dự hội nghị tổng kết', 'Nguyễn Văn An', ''],
      [2, '01/BB-KTĐVHXH', '05/01/2026', 'Biên bản', 'Biên bản hội nghị tổng kết công tác thi đua năm 2025', 'Nguyễn Văn An', ''],
      [3, '02/BB-KTĐVHXH', '06/01/2026', 'Biên bản', 'Biên bản hội nghị tổng kết công tác thi đua năm 2025', 'Nguyễn Văn An', 'Đã hủy ngày 07/01/2026: In nhầm'],
    ]);
  });
});

describe('a number typed before the register held it', () => {
  it('prints as typed, with "Số" added once, until the register issues one', () => {
    const typed = { type: null, symbol: 'KTĐVHXH', partyFormat: false, issued: null, draftDate: '2026-02-20' } as const;
    expect(documentNumberDate({ ...typed, typed: '12/GƯ-KTĐ' })).toEqual({ number: 'Số: 12/GƯ-KTĐ', date: '2026-02-20' });
    expect(documentNumberDate({ ...typed, typed: 'Số: 12/GƯ-KTĐ' }).number).toBe('Số: 12/GƯ-KTĐ');
    expect(documentNumberDate({ ...typed, typed: '  ' }).number).toBe('');
    expect(documentNumberDate({ ...typed, type: 'GƯ', typed: '12/GƯ-KTĐ', issued: { number: 3, date: '2026-02-21' } })).toEqual({ number: 'Số: 03/GƯ-KTĐVHXH', date: '2026-02-21' });
  });
});
