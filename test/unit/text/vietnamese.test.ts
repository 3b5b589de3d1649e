import { describe, expect, it } from 'vitest';
import {
  compareVi,
  deepNfc,
  documentNumber,
  fold,
  formatDateVi,
  formatNumberVi,
  matchesSearch,
  nfc,
  parseLooseNumber,
  placeDateLine,
  upperVi,
} from '../../../shared/text/vietnamese';

describe('nfc and deepNfc', () => {
  it('composes decomposed text, deeply, without touching other values', () => {
    const nfd = 'Tự chấm'.normalize('NFD');
    expect(nfd).not.toBe('Tự chấm');
    expect(nfc(nfd)).toBe('Tự chấm');
    const bytes = new Uint8Array([1, 2]);
    const out = deepNfc({ a: [nfd, 3, null], b: { c: nfd }, bytes });
    expect(out).toEqual({ a: ['Tự chấm', 3, null], b: { c: 'Tự chấm' }, bytes });
    expect(out.bytes).toBe(bytes);
  });
});

describe('fold and matchesSearch', () => {
  it('folds case, marks, đ and spaces', () => {
    expect(fold('  Sở   Y tế ')).toBe('so y te');
    expect(fold('ĐƯỜNG Đại')).toBe('duong dai');
    expect(fold('Hoà'.normalize('NFD'))).toBe('hoa');
  });
  it('matches every word of the query in any order, without marks', () => {
    expect(matchesSearch('Sở Y tế Hà Nam', 'y te')).toBe(true);
    expect(matchesSearch('Sở Y tế Hà Nam', 'nam SỞ')).toBe(true);
    expect(matchesSearch('Sở Y tế Hà Nam', 'giáo dục')).toBe(false);
    expect(matchesSearch('Sở Giáo dục', '   ')).toBe(true);
  });
});

describe('compareVi', () => {
  const sorted = (xs: string[]) => [...xs].sort(compareVi);
  it('orders letters with marks after their base letter', () => {
    expect(sorted(['Ăn', 'Âm', 'An'])).toEqual(['An', 'Ăn', 'Âm']);
    expect(sorted(['Đà', 'Em', 'Dung'])).toEqual(['Dung', 'Đà', 'Em']);
    expect(sorted(['Ơn', 'Ôn', 'On'])).toEqual(['On', 'Ôn', 'Ơn']);
    expect(sorted(['Ưng', 'Ung', 'Vân'])).toEqual(['Ung', 'Ưng', 'Vân']);
  });
  it('compares numbers inside names numerically', () => {
    expect(sorted(['Tổ 10', 'Tổ 9', 'Tổ 1'])).toEqual(['Tổ 1', 'Tổ 9', 'Tổ 10']);
    expect(sorted(['DV10', 'DV2', 'DV1'])).toEqual(['DV1', 'DV2', 'DV10']);
  });
  it('orders tones as a dictionary does and never ties on marks or case', () => {
    expect(sorted(['Hạ', 'Há', 'Hã', 'Hả', 'Hà', 'Ha'])).toEqual(['Ha', 'Hà', 'Hả', 'Hã', 'Há', 'Hạ']);
    expect(compareVi('Hà', 'Ha')).not.toBe(0);
    expect(compareVi('anh', 'Anh')).not.toBe(0);
  });
});

describe('placeDateLine', () => {
  it('pads days below 10 and months 1-2 only', () => {
    expect(placeDateLine('Hà Nam', '2026-01-05')).toBe('Hà Nam, ngày 05 tháng 01 năm 2026');
    expect(placeDateLine('Hà Nam', '2026-02-10')).toBe('Hà Nam, ngày 10 tháng 02 năm 2026');
    expect(placeDateLine('Hà Nam', '2026-03-09')).toBe('Hà Nam, ngày 09 tháng 3 năm 2026');
    expect(placeDateLine('Hà Nam', '2025-12-25')).toBe('Hà Nam, ngày 25 tháng 12 năm 2025');
  });
  it('trims and composes the place, starts with "Ngày" without one', () => {
    expect(placeDateLine(' Phủ Lý '.normalize('NFD'), '2026-10-01')).toBe('Phủ Lý, ngày 01 tháng 10 năm 2026');
    expect(placeDateLine('  ', '2026-10-01')).toBe('Ngày 01 tháng 10 năm 2026');
  });
  it('refuses a malformed date', () => {
    expect(() => placeDateLine('Hà Nam', '05/01/2026')).toThrow(/Ngày không hợp lệ/);
  });
});

describe('documentNumber', () => {
  it('pads numbers below 10', () => {
    expect(documentNumber(5, 'BB-KTĐ')).toBe('Số: 05/BB-KTĐ');
    expect(documentNumber(10, 'TTr-KTĐ')).toBe('Số: 10/TTr-KTĐ');
    expect(documentNumber(127, 'QĐ/TW')).toBe('Số: 127/QĐ/TW');
  });
});

describe('formats', () => {
  it('writes vi-VN numbers and dates', () => {
    expect(formatNumberVi(1234.5)).toBe('1.234,5');
    expect(formatNumberVi(66.666666, 2)).toBe('66,67');
    expect(formatDateVi('2026-01-05T10:00:00Z')).toBe('05/01/2026');
    expect(upperVi('độc lập - tự do')).toBe('ĐỘC LẬP - TỰ DO');
  });
});

describe('parseLooseNumber', () => {
  it.each([
    ['8,5', 8.5],
    ['8.5', 8.5],
    [' 10 ', 10],
    ['\u00a010\u00a0', 10],
    ['1.000', 1000],
    ['1.000,5', 1000.5],
    ['1 000', 1000],
    ['1.234.567,89', 1234567.89],
    ['1,000.5', 1000.5],
    ['-3', -3],
    ['+2', 2],
    [',5', 0.5],
    ['0,125', 0.125],
    ['0.125', 0.125],
  ])('reads %j as %d', (raw, value) => {
    expect(parseLooseNumber(raw)).toBe(value);
  });
  it('returns null for blank and undefined for text that is not a number', () => {
    expect(parseLooseNumber('')).toBeNull();
    expect(parseLooseNumber('   ')).toBeNull();
    for (const raw of ['abc', '8,', '1.2.3', '1e3', '0x10', 'mười', '8 điểm']) {
      expect(parseLooseNumber(raw), raw).toBeUndefined();
    }
  });
});
