/**
 * Who signs documents for the unit: its head, or a deputy "KT." the head (Nghị định 30/2020), with
 * the deputy's name and position, and a preview of the lines the signature block will print.
 */
import { signerLines } from '../../../../shared/domain/signer-lines';
import type { UnitInput } from '../../db/repo-units';
import { Field, TextField } from '../../ui/Field';
import type { FieldErrors } from '../../ui/form';
import './units.css';

interface Props {
  values: UnitInput;
  set: <K extends keyof UnitInput>(key: K) => (value: UnitInput[K]) => void;
  errors: FieldErrors;
}

export function SignerFields({ values, set, errors }: Props) {
  const deputy = values.signer === 'deputy';
  const lines = signerLines(values);
  const office = values.headTitle.trim() || 'Giám đốc';
  return (
    <fieldset className="signer-fields">
      <legend>Người ký văn bản của đơn vị (giao ước, biên bản)</legend>
      <div className="form-grid">
        <Field label="Người ký" hint={deputy ? 'Cấp phó ký thay thủ trưởng: in dòng «KT.» theo Nghị định 30/2020.' : undefined}>
          {(id, describedBy) => (
            <select
              id={id}
              name="signer"
              value={values.signer ?? 'head'}
              aria-describedby={describedBy}
              onChange={(e) => set('signer')(e.target.value === 'deputy' ? 'deputy' : 'head')}
            >
              <option value="head">Thủ trưởng ký</option>
              <option value="deputy">Cấp phó ký thay (KT.)</option>
            </select>
          )}
        </Field>
        {deputy && (
          <>
            <TextField
              label="Họ tên cấp phó ký thay"
              name="deputyName"
              required
              value={values.deputyName ?? ''}
              onChange={set('deputyName')}
              error={errors.deputyName}
              placeholder="Lê Thị Bình"
            />
            <TextField
              label="Chức vụ cấp phó"
              name="deputyTitle"
              value={values.deputyTitle ?? ''}
              onChange={set('deputyTitle')}
              error={errors.deputyTitle}
              placeholder={`Phó ${office}`}
              hint="Để trống: «Phó» + chức vụ thủ trưởng."
            />
          </>
        )}
      </div>
      <div className="signer-preview" aria-label="Khối chữ ký in trên văn bản" data-testid="signer-preview">
        <span className="muted">Khối chữ ký in trên văn bản:</span>
        {lines.authority && <strong>{lines.authority}</strong>}
        <strong>{lines.title}</strong>
        <span className="signer-preview-space">(ký, đóng dấu)</span>
        <strong>{lines.name || <span className="warning-text">chưa có họ tên</span>}</strong>
      </div>
    </fieldset>
  );
}
