import { describe, expect, it } from 'vitest';
import { asciiFileToken, isReservedWindowsName, uniqueFileTokens, windowsSafeFileName } from '../../../shared/text/file-names';
import { escapeFormulaText, unescapeFormulaText } from '../../../shared/text/spreadsheet-text';
import { fold, stripDiacritics } from '../../../shared/text/vietnamese';

describe('stripDiacritics (the one home of diacritic folding)', () => {
  it('removes marks and turns đ/Đ into d/D, keeping case', () => {
    expect(stripDiacritics('SGDĐT')).toBe('SGDDT');
    expect(stripDiacritics('ĐPTTH')).toBe('DPTTH');
    expect(stripDiacritics('Sở Y tế, Đài PT-TH')).toBe('So Y te, Dai PT-TH');
    expect(stripDiacritics('Hoà'.normalize('NFD'))).toBe('Hoa');
    expect(fold('ĐƯỜNG Đại')).toBe('duong dai');
  });
});

describe('ASCII file names', () => {
  it('folds Vietnamese codes to ASCII and replaces what Windows refuses', () => {
    expect(asciiFileToken('SGDĐT')).toBe('SGDDT');
    expect(asciiFileToken('Sở Y tế')).toBe('So_Y_te');
    expect(asciiFileToken('A<>:"/\\|?*B')).toBe('A_B');
    expect(asciiFileToken('..')).toBe('');
    expect(asciiFileToken('.ẩn.')).toBe('an');
    expect(asciiFileToken('-x')).toBe('x');
    expect(asciiFileToken('a\u0000b\u202Ec')).toBe('a_b_c');
    expect(asciiFileToken('X'.repeat(100))).toHaveLength(60);
  });

  it('keeps Windows device names out', () => {
    for (const name of ['CON', 'con', 'PRN', 'AUX', 'NUL', 'COM1', 'lpt9', 'CON.xlsx', 'nul.tar.gz']) expect([name, isReservedWindowsName(name)]).toEqual([name, true]);
    for (const name of ['CONG', 'TuCham_2024_CON', 'COM', 'NULL']) expect([name, isReservedWindowsName(name)]).toEqual([name, false]);
    expect(windowsSafeFileName('CON', 'xlsx')).toBe('_CON.xlsx');
    expect(windowsSafeFileName('TuCham_2024_CON', 'xlsx')).toBe('TuCham_2024_CON.xlsx');
  });

  it('makes tokens unique ignoring case; a code already ASCII keeps its own', () => {
    expect(uniqueFileTokens(['SGDĐT', 'SGDDT', 'syt', 'SYT', '..', 'ĐPTTH'], 'DV')).toEqual(['SGDDT_2', 'SGDDT', 'syt', 'SYT_2', 'DV5', 'DPTTH']);
    expect(uniqueFileTokens(['A', 'A_2', 'a'], 'DV')).toEqual(['A', 'A_2', 'a_3']);
  });
});

describe('formula-like text in exported cells', () => {
  it('is escaped with one apostrophe and read back exactly', () => {
    for (const text of ['=1+1', '+84 912', '-2', '@SUM(A1)', '\t=x', '\r=x', "'=x", "''+x", "'plain", 'plain', '', '- gạch đầu dòng']) {
      const stored = escapeFormulaText(text);
      expect([text, /^[=+\-@\t\r]/.test(stored)]).toEqual([text, false]);
      expect(unescapeFormulaText(stored)).toBe(text);
    }
    expect(escapeFormulaText('=1+1')).toBe("'=1+1");
    expect(escapeFormulaText("'plain")).toBe("'plain");
  });
});
