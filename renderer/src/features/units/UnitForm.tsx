/** Add or edit a member unit. */
import { z } from 'zod';
import { unitCodeProblem } from '../../../../shared/model/unit-code';
import type { Unit } from '../../../../shared/model/records';
import { unitWithSameName } from '../../../../shared/domain/unit-names';
import type { UnitInput } from '../../db/repo-units';
import { useConfirm } from '../../ui/Confirm';
import { ErrorBox } from '../../ui/ErrorBox';
import { TextField } from '../../ui/Field';
import { useZodForm } from '../../ui/form';
import { SignerFields } from './SignerFields';

const text = (max: number, what: string) => z.string().trim().max(max, `${what} dài quá ${max} ký tự.`);
export const UnitFormSchema = z.object({
  // The same rule as the stored record (shared/domain/unit-code.ts): "SGDĐT" is a valid code.
  code: z
    .string()
    .trim()
    .superRefine((code, ctx) => {
      const problem = unitCodeProblem(code.normalize('NFC'));
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  name: text(300, 'Tên đơn vị').min(1, 'Nhập tên đầy đủ của đơn vị.'),
  shortName: text(120, 'Tên viết tắt'),
  head: text(120, 'Họ tên thủ trưởng'),
  headTitle: text(120, 'Chức vụ'),
  address: text(300, 'Địa chỉ'),
  phone: text(60, 'Số điện thoại').regex(/^[0-9+().\s/-]*$/, 'Số điện thoại chỉ gồm chữ số và các dấu + ( ) . - /'),
  signer: z.enum(['head', 'deputy']).optional(),
  deputyName: text(120, 'Họ tên cấp phó').optional(),
  deputyTitle: text(120, 'Chức vụ cấp phó').optional(),
}).refine((u) => u.signer !== 'deputy' || !!u.deputyName, {
  path: ['deputyName'],
  message: 'Nhập họ tên cấp phó ký thay, hoặc chọn «Thủ trưởng ký».',
  // Checked together with the other fields, so every message shows at once.
  when: (payload) => {
    const v = payload.value as { signer?: unknown; deputyName?: unknown };
    return v.signer === 'deputy' && typeof v.deputyName === 'string';
  },
});

const EMPTY: UnitInput = { code: '', name: '', shortName: '', head: '', headTitle: '', address: '', phone: '', signer: 'head', deputyName: '', deputyTitle: '' };

/** `units`: the bloc's units, to warn about a second unit with the same name. */
export function UnitForm({
  initial,
  units,
  onSubmit,
  onCancel,
}: {
  initial?: Unit;
  units: Unit[];
  onSubmit: (input: UnitInput) => Promise<void>;
  onCancel: () => void;
}) {
  const confirm = useConfirm();
  const form = useZodForm(
    UnitFormSchema,
    (): UnitInput =>
      initial
        ? {
            code: initial.code,
            name: initial.name,
            shortName: initial.shortName,
            head: initial.head,
            headTitle: initial.headTitle,
            address: initial.address,
            phone: initial.phone,
            // Units stored before these fields existed: the head signs.
            signer: initial.signer ?? 'head',
            deputyName: initial.deputyName ?? '',
            deputyTitle: initial.deputyTitle ?? '',
          }
        : EMPTY,
    {
      label: initial ? `đơn vị ${initial.name}` : 'đơn vị đang thêm',
      save: async (input) => {
        const twin = unitWithSameName(units, input.name, initial?.id);
        if (twin && !(await confirm('Tên đơn vị bị trùng', sameNameText(twin), initial ? 'Vẫn lưu' : 'Vẫn thêm'))) return false;
        await onSubmit(input);
      },
    },
  );
  const { values, set, errors, failure, busy } = form;
  const twin = values.name.trim() ? unitWithSameName(units, values.name, initial?.id) : undefined;

  return (
    <form
      ref={form.formRef}
      className="form"
      noValidate
      aria-label={initial ? 'Sửa đơn vị' : 'Thêm đơn vị'}
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit();
      }}
    >
      <div className="form-grid">
        <TextField label="Mã đơn vị" name="code" required value={values.code} onChange={set('code')} error={errors.code} placeholder="SYT" />
        <TextField
          label="Tên đầy đủ"
          name="name"
          required
          value={values.name}
          onChange={set('name')}
          error={errors.name}
          warning={twin && sameNameText(twin)}
          placeholder="Sở Y tế"
        />
        <TextField label="Tên viết tắt" name="shortName" value={values.shortName} onChange={set('shortName')} error={errors.shortName} />
        <TextField label="Họ tên thủ trưởng" name="head" value={values.head} onChange={set('head')} error={errors.head} placeholder="Nguyễn Văn An" />
        <TextField label="Chức vụ thủ trưởng" name="headTitle" value={values.headTitle} onChange={set('headTitle')} error={errors.headTitle} placeholder="Giám đốc" />
        <TextField label="Điện thoại" name="phone" value={values.phone} onChange={set('phone')} error={errors.phone} />
        <TextField label="Địa chỉ" name="address" value={values.address} onChange={set('address')} error={errors.address} />
      </div>
      <SignerFields values={values} set={set} errors={errors} />
      <ErrorBox error={failure} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Huỷ
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {initial ? 'Lưu thay đổi' : 'Thêm đơn vị'}
        </button>
      </div>
    </form>
  );
}

function sameNameText(twin: Unit): string {
  return `Khối đã có đơn vị «${twin.name}» (mã ${twin.code})${twin.active ? '' : ', đang ngừng hoạt động'}. Kiểm tra lại để không thêm một đơn vị hai lần.`;
}
