import { describe, expect, it } from 'vitest';
import { textWidth } from '../../../electron/services/documents/base/metrics';
import { breakCosts, nameLines } from '../../../electron/services/documents/base/name-lines';
import { wrapLines } from '../../../electron/services/documents/base/text';

/** Width of a three-column cell of the pledge grid at 12 pt, and of a two-column cell at 13 pt. */
const NARROW = 145;
const WIDE = 224;

describe('nameLines: unit names broken like a letterhead', () => {
  it('keeps a name that fits on one line', () => {
    expect(nameLines('SỞ Y TẾ', NARROW, 12)).toEqual(['SỞ Y TẾ']);
    expect(nameLines('SỞ GIÁO DỤC VÀ ĐÀO TẠO', WIDE, 13)).toEqual(['SỞ GIÁO DỤC VÀ ĐÀO TẠO']);
  });

  it('breaks the issue\'s names at their customary points, where a plain wrap splits a word', () => {
    expect(wrapLines('SỞ GIÁO DỤC VÀ ĐÀO TẠO', NARROW, 12, true)).toEqual(['SỞ GIÁO DỤC VÀ ĐÀO', 'TẠO']);
    expect(nameLines('SỞ GIÁO DỤC VÀ ĐÀO TẠO', NARROW, 12)).toEqual(['SỞ GIÁO DỤC', 'VÀ ĐÀO TẠO']);
    expect(nameLines('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', NARROW, 12)).toEqual(['SỞ LAO ĐỘNG -', 'THƯƠNG BINH', 'VÀ XÃ HỘI']);
    expect(nameLines('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH', NARROW, 12)).toEqual(['SỞ VĂN HÓA,', 'THỂ THAO VÀ DU LỊCH']);
    expect(nameLines('SỞ KHOA HỌC VÀ CÔNG NGHỆ', NARROW, 12)).toEqual(['SỞ KHOA HỌC', 'VÀ CÔNG NGHỆ']);
    expect(nameLines('BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP', NARROW, 12)).toEqual(['BAN QUẢN LÝ CÁC', 'KHU CÔNG NGHIỆP']);
  });

  it('matches phrases whatever the tone placement or case ("Hoá" and "HÓA")', () => {
    expect(nameLines('Sở Văn hoá, Thể thao và Du lịch', NARROW, 12)).toEqual(['Sở Văn hoá,', 'Thể thao và Du lịch']);
  });

  it('gives a remark in parentheses its own line rather than tearing it', () => {
    expect(nameLines('THANH TRA TỈNH (CƠ SỞ 2)', NARROW, 12)).toEqual(['THANH TRA TỈNH', '(CƠ SỞ 2)']);
  });

  it('never makes a line wider than the cell, except a single word too wide for any line', () => {
    const names = [
      'SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN',
      'BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG CÔNG TRÌNH SỐ 12 TỈNH',
      'VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH',
      'TRUNG TÂM HÀNH CHÍNH CÔNG TỈNH',
    ];
    for (const width of [100, NARROW, WIDE]) {
      for (const name of names) {
        const lines = nameLines(name, width, 12);
        expect(lines.join(' ')).toBe(name);
        for (const line of lines) expect(textWidth(line, 12, true)).toBeLessThanOrEqual(width);
        expect(lines.length).toBeLessThanOrEqual(wrapLines(name, width, 12, true).length + 1);
      }
    }
    expect(nameLines('SỞXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX Y TẾ', 100, 12)).toEqual(['SỞXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'Y TẾ']);
  });

  it('measures the horned letters wider than their base letter, as the font draws them', () => {
    expect(textWidth('ƯỚC', 12, true)).toBeCloseTo(((1630 + 1593 + 1479) / 2048) * 12, 5);
    expect(textWidth('ƯỚC', 12, true)).toBeGreaterThan(textWidth('UOC', 12, true));
    expect(textWidth('ươ', 12, false)).toBeCloseTo(((1110 + 1083) / 2048) * 12, 5);
    expect(textWidth('Đ', 12, true)).toBe(textWidth('D', 12, true));
  });

  it('costs a break inside a word far more than one at a phrase\'s customary point', () => {
    const costs = breakCosts('SỞ GIÁO DỤC VÀ ĐÀO TẠO'.split(' '));
    // Before: GIÁO, DỤC, VÀ, ĐÀO, TẠO.
    expect(costs[1]).toBe(0);
    expect(costs[2]!).toBeGreaterThanOrEqual(1000);
    expect(costs[3]!).toBeGreaterThan(0);
    expect(costs[3]!).toBeLessThan(50);
    expect(costs[4]!).toBeGreaterThanOrEqual(100);
    expect(costs[5]!).toBeGreaterThanOrEqual(1000);
  });
});
