/** Ballot marks typed as the units' numbers on the paper: parsed, written back, read out in words. */
import { describe, expect, it } from 'vitest';
import { marksText, marksWords, parseMarksText } from '../../../renderer/src/features/conference/ballot-text';

const UNITS = ['SYT', 'SGDDT', 'SNV', 'BHXH'];

describe('marks typed as numbers', () => {
  it('ticks the units by their number on the paper, whatever the separators', () => {
    expect(parseMarksText(' 1, 3;4 ', UNITS, 'tick')).toEqual({ ok: true, marks: ['SYT', 'SNV', 'BHXH'] });
    expect(parseMarksText('', UNITS, 'tick')).toEqual({ ok: true, marks: [] });
    // Typed twice: kept, so the engine names the ballot.
    expect(parseMarksText('2 2', UNITS, 'tick')).toEqual({ ok: true, marks: ['SGDDT', 'SGDDT'] });
  });

  it('reads "Đồng ý" and "-n" as "Không đồng ý" in an approval section', () => {
    expect(parseMarksText('1 -2 4', UNITS, 'approve')).toEqual({ ok: true, marks: { SYT: 'agree', SGDDT: 'disagree', BHXH: 'agree' } });
    expect(parseMarksText('1 -1', UNITS, 'approve')).toEqual({ ok: false, message: 'Số 1 được gõ hai lần.' });
  });

  it('refuses what is not a number on the paper, saying why', () => {
    expect(parseMarksText('1 x', UNITS, 'tick')).toEqual({ ok: false, message: '"x" không phải số thứ tự đơn vị trên phiếu (gõ các số từ 1 đến 4).' });
    expect(parseMarksText('5', UNITS, 'tick')).toEqual({ ok: false, message: 'Phiếu chỉ có 4 đơn vị, không có số 5.' });
    expect(parseMarksText('0', UNITS, 'tick')).toEqual({ ok: false, message: 'Phiếu chỉ có 4 đơn vị, không có số 0.' });
    expect(parseMarksText('-2', UNITS, 'tick')).toEqual({ ok: false, message: 'Mục này chỉ đánh dấu đơn vị được chọn: bỏ dấu trừ trước số 2.' });
  });

  it('writes the marks back in the paper order and in words', () => {
    expect(marksText(['BHXH', 'SYT'], UNITS)).toBe('4 1');
    expect(marksText({ BHXH: 'agree', SGDDT: 'disagree' }, UNITS)).toBe('-2 4');
    expect(marksText(undefined, UNITS)).toBe('');
    const names = { SYT: 'Sở Y tế', SGDDT: 'Sở Giáo dục và Đào tạo' };
    expect(marksWords(['SYT'], names)).toBe('Sở Y tế');
    expect(marksWords({ SYT: 'agree', SGDDT: 'disagree' }, names)).toBe('Đồng ý: Sở Y tế; Không đồng ý: Sở Giáo dục và Đào tạo');
    expect(marksWords([], names)).toBe('để trống');
  });
});
