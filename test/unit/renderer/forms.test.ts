/**
 * The pure parts of the forms (issue 7, screens): the unsaved-edits registry and its three
 * answers, number fields that never show NaN, dd/mm/yyyy dates checked against the calendar, the
 * same-name warning for units, and the refusal of one unit as both Khối trưởng and Khối phó.
 */
import { describe, expect, it } from 'vitest';
import { settleUnsaved, UnsavedRegistry, type LeaveChoice, type UnsavedEntry } from '../../../renderer/src/ui/unsaved';
import { isNotANumber, numberFieldText, syncNumberText } from '../../../renderer/src/ui/number-text';
import { roleConflict } from '../../../renderer/src/features/years/RolesEditor';
import { dateFieldText, isRealIsoDate, parseDateVi } from '../../../shared/text/date-vi';
import { sameUnitName, unitWithSameName } from '../../../shared/domain/unit-names';

function entry(label: string, dirty: boolean, saves = true) {
  const log: string[] = [];
  const e: UnsavedEntry = {
    label,
    dirty,
    save: async () => {
      log.push('save');
      return saves;
    },
    discard: () => void log.push('discard'),
  };
  return { e, log };
}
const answering = (choice: LeaveChoice) => {
  const asked: string[][] = [];
  const ask = async (entries: UnsavedEntry[]) => {
    asked.push(entries.map((x) => x.label));
    return choice;
  };
  return { ask, asked };
};

describe('unsaved edits', () => {
  it('asks nothing and lets the user leave when nothing is dirty', async () => {
    const { ask, asked } = answering(null);
    expect(await settleUnsaved([entry('a', false).e], ask)).toBe(true);
    expect(asked).toEqual([]);
  });

  it('stays on "Ở lại", drops on "Bỏ thay đổi", saves on "Lưu" and stays when the save is refused', async () => {
    const a = entry('quy chế', true);
    const clean = entry('thành viên', false);
    const stay = answering(null);
    expect(await settleUnsaved([a.e, clean.e], stay.ask)).toBe(false);
    expect(stay.asked).toEqual([['quy chế']]);
    expect(a.log).toEqual([]);

    expect(await settleUnsaved([a.e, clean.e], answering('discard').ask)).toBe(true);
    expect(a.log).toEqual(['discard']);
    expect(clean.log).toEqual([]);

    const saved = entry('giao ước', true);
    expect(await settleUnsaved([saved.e], answering('save').ask)).toBe(true);
    expect(saved.log).toEqual(['save']);

    const refused = entry('quy chế', true, false);
    expect(await settleUnsaved([refused.e], answering('save').ask)).toBe(false);
  });

  it('a dialog scope asks only about its own form; the app-wide registry sees every form', async () => {
    const { ask, asked } = answering(null);
    const root = new UnsavedRegistry(ask);
    const dialog = root.scope();
    const page = entry('thông tin khối', true);
    const unit = entry('đơn vị đang thêm', true);
    root.register('page', () => page.e);
    const undo = dialog.register('unit', () => unit.e);
    expect(await dialog.confirmLeave()).toBe(false);
    expect(await root.confirmLeave()).toBe(false);
    expect(asked).toEqual([['đơn vị đang thêm'], ['thông tin khối', 'đơn vị đang thêm']]);
    undo();
    expect(root.hasUnsaved()).toBe(true);
    expect(dialog.hasUnsaved()).toBe(false);
  });

  it('reads the entry when asked, and asks one question at a time', async () => {
    let release: (c: LeaveChoice) => void = () => undefined;
    let questions = 0;
    const root = new UnsavedRegistry(() => {
      questions++;
      return new Promise<LeaveChoice>((r) => (release = r));
    });
    let dirty = false;
    root.register('x', () => ({ label: 'x', dirty, save: async () => true, discard: () => undefined }));
    expect(root.hasUnsaved()).toBe(false);
    dirty = true;
    const first = root.confirmLeave();
    const second = root.confirmLeave();
    release('discard');
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(questions).toBe(1);
  });
});

describe('number fields', () => {
  it('never show NaN', () => {
    expect(numberFieldText(Number.NaN)).toBe('');
    expect(numberFieldText(null)).toBe('');
    expect(numberFieldText(66.67)).toBe('66,67');
    expect(numberFieldText(1000)).toBe('1000');
  });
  it('keep what is typed while it is not a number yet, instead of "NaNabc"', () => {
    // The user typed letters: the draft holds NaN, the field keeps "abc".
    expect(syncNumberText('abc', Number.NaN)).toBe('abc');
    expect(syncNumberText('1abc', null)).toBe('1abc');
    expect(syncNumberText('', Number.NaN)).toBe('');
    expect(isNotANumber('abc')).toBe(true);
    expect(isNotANumber('')).toBe(false);
    expect(isNotANumber('2,5')).toBe(false);
  });
  it('keep "0,50" while it means the value, and show a value set from outside', () => {
    expect(syncNumberText('0,50', 0.5)).toBe('0,50');
    expect(syncNumberText('abc', 3)).toBe('3');
    expect(syncNumberText('7', null)).toBe('');
  });
});

describe('dd/mm/yyyy dates', () => {
  it('read the day first, as written in Vietnam', () => {
    expect(parseDateVi('01/03/2024')).toEqual({ ok: true, iso: '2024-03-01' });
    expect(parseDateVi(' 1/3/2024 ')).toEqual({ ok: true, iso: '2024-03-01' });
    expect(parseDateVi('29-02-2024')).toEqual({ ok: true, iso: '2024-02-29' });
    expect(dateFieldText('2024-03-01')).toBe('01/03/2024');
  });
  it('refuse days that are not on the calendar, saying why', () => {
    expect(parseDateVi('31/02/2024')).toMatchObject({ ok: false, message: 'Ngày 31/02/2024 không có trên lịch.' });
    expect(parseDateVi('29/02/2023')).toMatchObject({ ok: false });
    expect(parseDateVi('29/02/1900')).toMatchObject({ ok: false });
    expect(parseDateVi('29/02/2000')).toEqual({ ok: true, iso: '2000-02-29' });
    expect(parseDateVi('01/13/2024')).toMatchObject({ ok: false, message: 'Tháng 13 không có: tháng từ 1 đến 12 (ngày/tháng/năm).' });
    expect(parseDateVi('2024-03-01')).toMatchObject({ ok: false, empty: false });
    expect(parseDateVi('')).toMatchObject({ ok: false, empty: true });
    expect(isRealIsoDate('2024-13-45')).toBe(false);
    expect(isRealIsoDate('0000-00-00')).toBe(false);
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    expect(dateFieldText('2024-13-45')).toBe('');
  });
});

describe('units with the same name', () => {
  const units = [
    { id: '1', name: 'Sở Y tế' },
    { id: '2', name: 'Sở Tài chính' },
  ];
  it('compare without case, spacing or diacritics', () => {
    expect(sameUnitName('Sở Y tế', '  SỞ  Y TẾ ')).toBe(true);
    expect(sameUnitName('Sở Y tế', 'So Y te')).toBe(true);
    expect(sameUnitName('Sở Y tế', 'Sở Y tế tỉnh')).toBe(false);
    expect(sameUnitName('', ' ')).toBe(false);
  });
  it('find the other unit, never the one being edited', () => {
    expect(unitWithSameName(units, 'sở y tế')?.id).toBe('1');
    expect(unitWithSameName(units, 'Sở Y tế', '1')).toBeUndefined();
    expect(unitWithSameName(units, 'Sở Xây dựng')).toBeUndefined();
  });
});

describe('Khối trưởng and Khối phó', () => {
  const year = { year: 2025, leaderUnitId: 'syt', deputyUnitId: 'stc' };
  it("refuse the leader's unit as deputy (and the deputy's as leader) with a message", () => {
    expect(roleConflict(year, 'deputy', 'syt', 'Sở Y tế')).toBe(
      'Sở Y tế đang là Khối trưởng năm 2025. Khối trưởng và Khối phó phải là hai đơn vị khác nhau: hãy chọn đơn vị khác, hoặc đổi Khối trưởng trước.',
    );
    expect(roleConflict(year, 'leader', 'stc', 'Sở Tài chính')).toMatch(/^Sở Tài chính đang là Khối phó năm 2025\./);
  });
  it('accept any other unit or none', () => {
    expect(roleConflict(year, 'deputy', 'sct', 'Sở Công Thương')).toBeNull();
    expect(roleConflict(year, 'deputy', null, '')).toBeNull();
    expect(roleConflict(year, 'leader', 'syt', 'Sở Y tế')).toBeNull();
  });
});
