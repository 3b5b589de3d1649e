import { describe, expect, it } from 'vitest';
import { blocLeaderSignerLines, signerGaps, signerLines } from '../../../shared/domain/signer-lines';
import { UnitSchema } from '../../../shared/model/records';

const head = { head: 'Nguyễn Văn An', headTitle: 'Giám đốc' };

describe('signerLines: the lines of a unit signature block (Nghị định 30/2020)', () => {
  it('prints the head position upper-cased with Vietnamese letters, no authority line, when the head signs', () => {
    expect(signerLines(head)).toEqual({ authority: '', title: 'GIÁM ĐỐC', name: 'Nguyễn Văn An' });
    expect(signerLines({ ...head, signer: 'head', deputyName: 'Lê Thị Bình' })).toEqual({ authority: '', title: 'GIÁM ĐỐC', name: 'Nguyễn Văn An' });
    expect(signerLines({ head: 'Phạm Thị Hương', headTitle: 'Phó Giám đốc' }).title).toBe('PHÓ GIÁM ĐỐC');
    expect(signerLines({ head: 'x', headTitle: 'Trưởng ban Quản lý dự án' }).title).toBe('TRƯỞNG BAN QUẢN LÝ DỰ ÁN');
    expect(signerLines({ head: 'x', headTitle: 'Hiệu trưởng' }).title).toBe('HIỆU TRƯỞNG');
  });

  it('upper-cases decomposed (NFD) input to precomposed letters and collapses spaces', () => {
    const lines = signerLines({ head: '  Đỗ   Thị Ước ', headTitle: ' Phó  Giám   đốc '.normalize('NFD') });
    expect(lines.title).toBe('PHÓ GIÁM ĐỐC');
    expect(lines.title).toBe(lines.title.normalize('NFC'));
    expect(lines.name).toBe('Đỗ Thị Ước');
  });

  it('prints "KT." + the head position above the deputy position when a deputy signs', () => {
    const deputy = { ...head, signer: 'deputy' as const, deputyName: 'Lê Thị Bình', deputyTitle: 'Phó Giám đốc' };
    expect(signerLines(deputy)).toEqual({ authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Lê Thị Bình' });
    expect(signerLines({ head: 'x', headTitle: 'Chánh Văn phòng', signer: 'deputy', deputyName: 'Y', deputyTitle: 'Phó Chánh Văn phòng' })).toEqual({
      authority: 'KT. CHÁNH VĂN PHÒNG',
      title: 'PHÓ CHÁNH VĂN PHÒNG',
      name: 'Y',
    });
  });

  it('derives the deputy position from the head position when it is left empty', () => {
    for (const [title, authority, deputy] of [
      ['Giám đốc', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
      ['Chánh Văn phòng', 'KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'],
      ['Trưởng ban', 'KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'],
      ['Chánh Thanh tra', 'KT. CHÁNH THANH TRA', 'PHÓ CHÁNH THANH TRA'],
      // The deputy's title typed into the head's position still yields the head's office.
      ['Phó Giám đốc', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
    ] as const) {
      const lines = signerLines({ head: 'x', headTitle: title, signer: 'deputy', deputyName: 'Lê Thị Bình', deputyTitle: '  ' });
      expect([lines.authority, lines.title]).toEqual([authority, deputy]);
    }
  });

  it('falls back to the generic position when titles are empty', () => {
    expect(signerLines({ head: 'Nguyễn Văn An', headTitle: '  ' })).toEqual({ authority: '', title: 'THỦ TRƯỞNG ĐƠN VỊ', name: 'Nguyễn Văn An' });
    expect(signerLines({ head: '', headTitle: '', signer: 'deputy', deputyName: '', deputyTitle: '' })).toEqual({
      authority: 'KT. THỦ TRƯỞNG ĐƠN VỊ',
      title: 'PHÓ THỦ TRƯỞNG ĐƠN VỊ',
      name: '',
    });
  });

  it('names what is missing before the block can be printed', () => {
    expect(signerGaps(head)).toEqual([]);
    expect(signerGaps({ head: '', headTitle: '' })).toEqual(['chức vụ thủ trưởng', 'họ tên thủ trưởng']);
    expect(signerGaps({ ...head, signer: 'deputy', deputyName: ' ' })).toEqual(['họ tên cấp phó ký thay']);
  });

  it('reads units saved before the signer fields existed as signed by the head', () => {
    const old = UnitSchema.parse({
      id: 'u1', blocId: 'b', code: 'SYT', name: 'Sở Y tế', head: 'Nguyễn Văn An', headTitle: 'Giám đốc', order: 1,
      createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z',
    });
    expect(old).toMatchObject({ signer: 'head', deputyName: '', deputyTitle: '' });
    expect(signerLines(old).authority).toBe('');
    expect(() => UnitSchema.parse({ ...old, signer: 'chief' })).toThrow();
  });
});

describe("blocLeaderSignerLines: the bloc's documents, signed by the year's leader unit", () => {
  it("prints TM. KHỐI THI ĐUA / KHỐI TRƯỞNG and the name of the leader unit's head", () => {
    expect(blocLeaderSignerLines(head)).toEqual({ authority: 'TM. KHỐI THI ĐUA', title: 'KHỐI TRƯỞNG', name: 'Nguyễn Văn An' });
  });
  it('a deputy of the leader unit signs "KT. KHỐI TRƯỞNG" under the TM. line, with the deputy position and name', () => {
    const deputy = { ...head, signer: 'deputy' as const, deputyName: 'Lê Thị Bình', deputyTitle: '' };
    expect(blocLeaderSignerLines(deputy)).toEqual({ authority: 'TM. KHỐI THI ĐUA\nKT. KHỐI TRƯỞNG', title: 'PHÓ GIÁM ĐỐC', name: 'Lê Thị Bình' });
  });
});
