import { describe, expect, it } from 'vitest';
import { numberLine } from '../../../electron/services/documents/base/text';

describe('the header prints a number line once', () => {
  it('adds "Số:" to a bare number and keeps a line that already has it', () => {
    expect(numberLine('05/BB-KTĐ', false)).toBe('Số: 05/BB-KTĐ');
    expect(numberLine('Số: 05/BB-KTĐ', false)).toBe('Số: 05/BB-KTĐ');
    expect(numberLine('số 127-QĐ/TW', true)).toBe('số 127-QĐ/TW');
    expect(numberLine('127-QĐ/TW', true)).toBe('Số 127-QĐ/TW');
    // A word that only begins with "số" is not the prefix.
    expect(numberLine('Sốt/BB', false)).toBe('Số: Sốt/BB');
  });
});
