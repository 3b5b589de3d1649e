import { describe, expect, it } from 'vitest';
import { UnitFormSchema } from '../../../renderer/src/features/units/UnitForm';
import { validateForm } from '../../../renderer/src/ui/form';

const base = { code: 'SYT', name: 'Sở Y tế', shortName: '', head: 'Nguyễn Văn An', headTitle: 'Giám đốc', address: '', phone: '' };

describe('unit form: who signs for the unit', () => {
  it('accepts the head as signer, and a deputy with a name', () => {
    expect(validateForm(UnitFormSchema, { ...base, signer: 'head', deputyName: '', deputyTitle: '' })).toMatchObject({ ok: true, value: { signer: 'head' } });
    expect(validateForm(UnitFormSchema, { ...base, signer: 'deputy', deputyName: ' Lê Thị Bình ', deputyTitle: '' })).toMatchObject({
      ok: true,
      value: { signer: 'deputy', deputyName: 'Lê Thị Bình', deputyTitle: '' },
    });
  });

  it('asks for the deputy\'s name when a deputy signs, together with the other messages', () => {
    const r = validateForm(UnitFormSchema, { ...base, name: ' ', signer: 'deputy', deputyName: '  ', deputyTitle: 'Phó Giám đốc' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.deputyName).toBe('Nhập họ tên cấp phó ký thay, hoặc chọn «Thủ trưởng ký».');
    expect(r.errors.name).toBe('Nhập tên đầy đủ của đơn vị.');
  });

  it('refuses an unknown signer kind', () => {
    expect(validateForm(UnitFormSchema, { ...base, signer: 'chief' }).ok).toBe(false);
  });
});
