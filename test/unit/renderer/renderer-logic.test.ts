import { describe, expect, it } from 'vitest';
import { groupedSections, GROUP_BLOC, GROUP_SYSTEM, GROUP_YEAR, type Section } from '../../../renderer/src/app/section-groups';
import { rulesProblems } from '../../../renderer/src/features/years/rules/rulesProblems';
import { moved } from '../../../renderer/src/features/years/rules/ListButtons';
import { initialMembers, yearToCopy } from '../../../renderer/src/db/repo-years';
import { validateForm } from '../../../renderer/src/ui/form';
import { UnitFormSchema } from '../../../renderer/src/features/units/UnitForm';
import { defaultRulesProfile, newAward } from '../../../shared/domain/rules-defaults';
import type { Unit, Year } from '../../../shared/model/records';

const section = (id: string, group?: string): Section => ({ id, label: id, ...(group ? { group } : {}), render: () => null as never });

describe('navigation groups', () => {
  it('orders the known headings first, keeps other groups after them and drops empty ones', () => {
    const groups = groupedSections([section('settings', GROUP_SYSTEM), section('extra', 'Khác'), section('bloc'), section('scoring', GROUP_YEAR), section('units', GROUP_BLOC)]);
    expect(groups.map((g) => [g.group, g.items.map((s) => s.id)])).toEqual([
      [GROUP_BLOC, ['bloc', 'units']],
      [GROUP_YEAR, ['scoring']],
      [GROUP_SYSTEM, ['settings']],
      ['Khác', ['extra']],
    ]);
    expect(groupedSections([section('bloc')]).map((g) => g.group)).toEqual([GROUP_BLOC]);
  });
});

describe('rules profile checks', () => {
  it('accepts the defaults', () => {
    expect(rulesProblems(defaultRulesProfile())).toEqual([]);
  });
  it('names every problem in Vietnamese', () => {
    const r = defaultRulesProfile();
    r.awards[1] = { ...r.awards[1]!, name: ' ' };
    r.awards[2] = { ...r.awards[2]!, seats: 2.5, maxMarks: 0 };
    r.awards[0] = { ...r.awards[0]!, seats: { num: 3, den: 2, of: 'remaining' }, threshold: { num: Number.NaN, den: Number.NaN, comparison: 'gt', base: 'valid' } };
    r.threshold = { ...r.threshold, num: 3, den: 2 };
    r.quorum = { num: Number.NaN, den: Number.NaN, comparison: 'gte' };
    r.maxRounds = 0;
    r.tieRules = [{ kind: 'higherGroupScore', groupCode: '' }];
    r.classificationBands = [
      { label: 'Xuất sắc', min: 95 },
      { label: '', min: 95 },
    ];
    r.leaderRotation = { kind: 'fixedOrder', order: [] };
    r.legalBasis.push('');
    expect(rulesProblems(r)).toEqual([
      { path: 'awards.0.seats', message: '«Cờ thi đua của Chính phủ»: tỷ lệ số đơn vị còn lại chưa hợp lệ, nhập tỷ lệ dạng 1/2, 2/3 hoặc 70% (không quá 1).' },
      { path: 'awards.0.threshold', message: '«Cờ thi đua của Chính phủ»: ngưỡng riêng chưa hợp lệ, nhập tỷ lệ dạng 1/2, 2/3 hoặc 70% (không quá 1).' },
      { path: 'awards.1.name', message: 'Hình thức khen thưởng thứ 2: chưa nhập tên.' },
      { path: 'awards.2.seats', message: '«Bằng khen của Chủ tịch UBND tỉnh»: số đơn vị được đề nghị phải là số nguyên từ 0 đến 50.' },
      {
        path: 'awards.2.maxMarks',
        message: '«Bằng khen của Chủ tịch UBND tỉnh»: số đơn vị được chọn tối đa trên phiếu phải là số nguyên từ 1 đến 200, hoặc để trống (bằng chỉ tiêu).',
      },
      { path: 'threshold', message: 'Ngưỡng đạt chưa hợp lệ: nhập tỷ lệ dạng 1/2, 2/3 hoặc 70% (không quá 1).' },
      { path: 'quorum', message: 'Số đơn vị có mặt tối thiểu chưa hợp lệ: nhập tỷ lệ dạng 1/2, 2/3 hoặc 70% (không quá 1), hoặc để trống nếu quy chế không quy định.' },
      { path: 'maxRounds', message: 'Số vòng bỏ phiếu tối đa phải là số nguyên từ 1 đến 10.' },
      { path: 'tieRules.0.groupCode', message: 'Quy tắc xếp hạng thứ 1: nhập mã nhóm tiêu chí (ví dụ I).' },
      { path: 'classificationBands.1.label', message: 'Mức xếp loại thứ 2: chưa nhập tên (ví dụ Xuất sắc).' },
      { path: 'classificationBands.1.min', message: 'Hai mức xếp loại thứ 1 và thứ 2 cùng điểm tối thiểu.' },
      { path: 'leaderRotation', message: 'Thứ tự luân phiên Khối trưởng chưa có đơn vị nào.' },
      { path: 'legalBasis.3', message: 'Căn cứ thứ 4 đang để trống; hãy nhập nội dung hoặc bỏ dòng đó.' },
    ]);
  });
  it('accepts no quorum and a share of the units left', () => {
    const r = defaultRulesProfile();
    r.quorum = null;
    r.awards[2] = { ...r.awards[2]!, seats: { num: 50, den: 100, of: 'remaining' } };
    expect(rulesProblems(r)).toEqual([]);
  });
  it('refuses two awards with the same name', () => {
    const r = defaultRulesProfile();
    r.awards.push(newAward('x', 'cờ thi đua của chính phủ', 1));
    expect(rulesProblems(r)).toEqual([{ path: `awards.${r.awards.length - 1}.name`, message: 'Có hai hình thức khen thưởng trùng tên.' }]);
  });
});

describe('ordered lists', () => {
  it('moves an item and ignores moves past the ends', () => {
    expect(moved(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 3)).toEqual(['a', 'b', 'c']);
  });
});

describe('a new year', () => {
  const year = (y: number, members: string[]) => ({ year: y, memberUnitIds: members }) as Year;
  const unit = (id: string, order: number, active = true) => ({ id, order, active }) as Unit;
  it('copies from the closest earlier year, else the closest later one', () => {
    const ys = [year(2021, ['a']), year(2023, ['b']), year(2026, ['c'])];
    expect(yearToCopy(ys, 2025)!.year).toBe(2023);
    expect(yearToCopy(ys, 2020)!.year).toBe(2021);
    expect(yearToCopy([], 2025)).toBeUndefined();
  });
  it('keeps the copied order and drops inactive units; without a source takes active units in bloc order', () => {
    const units = [unit('a', 2), unit('b', 1), unit('c', 3, false)];
    expect(initialMembers(year(2024, ['c', 'a', 'b']), units)).toEqual(['a', 'b']);
    expect(initialMembers(undefined, units)).toEqual(['b', 'a']);
  });
});

describe('unit form', () => {
  it('reports each invalid field with a Vietnamese message', () => {
    const r = validateForm(UnitFormSchema, { code: 'mã sai', name: '  ', shortName: '', head: '', headTitle: '', address: '', phone: 'abc' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      code: 'Mã đơn vị chỉ gồm chữ cái (có thể có dấu, như Đ), chữ số và các dấu . _ - (ví dụ SYT, SGDĐT); không có dấu cách hay dấu /.',
      name: 'Nhập tên đầy đủ của đơn vị.',
      phone: 'Số điện thoại chỉ gồm chữ số và các dấu + ( ) . - /',
    });
  });
  it('trims the values it accepts', () => {
    const r = validateForm(UnitFormSchema, { code: ' SYT ', name: ' Sở Y tế ', shortName: '', head: '', headTitle: '', address: '', phone: '0226 3851 234' });
    expect(r).toEqual({ ok: true, value: { code: 'SYT', name: 'Sở Y tế', shortName: '', head: '', headTitle: '', address: '', phone: '0226 3851 234' } });
  });
});
