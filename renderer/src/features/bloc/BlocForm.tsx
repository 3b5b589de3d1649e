/** The bloc's identity: name, short name, province, issuing body printed on documents, format. */
import { z } from 'zod';
import type { Bloc } from '../../../../shared/model/records';
import { upperVi } from '../../../../shared/text/vietnamese';
import type { BlocInput } from '../../db/repo-bloc';
import { Field, TextField } from '../../ui/Field';
import { useZodForm } from '../../ui/form';
import { ErrorBox } from '../../ui/ErrorBox';

const text = (max: number, what: string) => z.string().trim().max(max, `${what} dài quá ${max} ký tự.`);
export const BlocFormSchema = z.object({
  name: text(300, 'Tên khối').min(1, 'Nhập tên khối thi đua.'),
  shortName: text(120, 'Tên viết tắt'),
  province: text(120, 'Tên tỉnh'),
  issuingBody: text(300, 'Tên cơ quan ban hành'),
  issuingParent: text(300, 'Dòng cơ quan cấp trên'),
  partyFormat: z.boolean(),
});

const EMPTY: BlocInput = { name: '', shortName: '', province: '', issuingBody: '', issuingParent: '', partyFormat: false };

export function BlocForm({ initial, submitLabel, onSubmit }: { initial?: Bloc; submitLabel: string; onSubmit: (input: BlocInput) => Promise<void> }) {
  const form = useZodForm(BlocFormSchema, (): BlocInput => (initial ? pick(initial) : EMPTY), {
    label: initial ? 'thông tin khối thi đua' : 'khối thi đua mới',
    save: (v) => onSubmit({ ...v, issuingBody: v.issuingBody || upperVi(v.name) }),
  });
  const { values, set, errors, failure, busy } = form;

  return (
    <form
      ref={form.formRef}
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit();
      }}
    >
      <div className="form-grid">
        <TextField label="Tên khối thi đua" name="name" required value={values.name} onChange={set('name')} error={errors.name} placeholder="Khối thi đua Văn hóa - Xã hội" />
        <TextField label="Tên viết tắt" name="shortName" value={values.shortName} onChange={set('shortName')} error={errors.shortName} placeholder="Khối VHXH" />
        <TextField label="Tỉnh" name="province" value={values.province} onChange={set('province')} error={errors.province} placeholder="Hà Nam" />
        <TextField
          label="Cơ quan ban hành in trên văn bản"
          name="issuingBody"
          value={values.issuingBody}
          onChange={set('issuingBody')}
          error={errors.issuingBody}
          hint="Góc trái tiêu đề văn bản. Để trống: dùng tên khối viết hoa."
        />
        <TextField
          label="Dòng cơ quan cấp trên (không bắt buộc)"
          name="issuingParent"
          value={values.issuingParent}
          onChange={set('issuingParent')}
          error={errors.issuingParent}
          hint="In phía trên tên cơ quan ban hành, ví dụ: UBND TỈNH HÀ NAM."
        />
        <Field label="Thể thức văn bản">
          {(id) => (
            <label className="check" htmlFor={id}>
              <input id={id} type="checkbox" checked={values.partyFormat} onChange={(e) => set('partyFormat')(e.target.checked)} />
              Dùng thể thức văn bản của Đảng («ĐẢNG CỘNG SẢN VIỆT NAM»)
            </label>
          )}
        </Field>
      </div>
      <ErrorBox error={failure} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

function pick(b: Bloc): BlocInput {
  return { name: b.name, shortName: b.shortName, province: b.province, issuingBody: b.issuingBody, issuingParent: b.issuingParent, partyFormat: b.partyFormat };
}
