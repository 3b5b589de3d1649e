/**
 * Cài đặt: the secretariat, default signer, folders (typed or chosen with "Chọn…"), UI font size
 * (applied live), page margins. Saving sends only the fields that changed.
 */
import { useRef, useState, type Ref } from 'react';
import { z } from 'zod';
import type { SettingsFolderPurpose } from '../../../../shared/api/channels/foundation';
import { SettingsSchema, type Settings, type SettingsPatch } from '../../../../shared/model/settings';
import { api, ApiCallError, errorText } from '../../api';
import { useSettings } from '../../app/settings';
import { ErrorBox } from '../../ui/ErrorBox';
import { Field, TextField } from '../../ui/Field';
import { useZodForm } from '../../ui/form';
import { useNotice } from '../../ui/Notice';
import { NumberInput } from '../../ui/NumberInput';

const text = (max: number, what: string) => z.string().trim().max(max, `${what} dài quá ${max} ký tự.`);
const mm = (lo: number, hi: number, what: string) =>
  z.number({ error: `Nhập lề ${what} bằng số mi-li-mét.` }).min(lo, `Lề ${what} từ ${lo} đến ${hi} mm (Nghị định 30/2020).`).max(hi, `Lề ${what} từ ${lo} đến ${hi} mm (Nghị định 30/2020).`);
const SettingsFormSchema = z.object({
  agency: text(300, 'Tên cơ quan'),
  signerName: text(120, 'Họ tên người ký'),
  signerTitle: text(120, 'Chức vụ người ký'),
  secretaryName: text(120, 'Họ tên thư ký'),
  folders: z.object({ export: text(1000, 'Thư mục'), import: text(1000, 'Thư mục'), documents: text(1000, 'Thư mục') }),
  backupFolder: text(1000, 'Thư mục sao lưu'),
  fontSize: z.number({ error: 'Chọn cỡ chữ.' }).int().min(12).max(24),
  timesFontDir: text(1000, 'Thư mục phông chữ'),
  margins: z.object({ top: mm(20, 25, 'trên'), bottom: mm(20, 25, 'dưới'), left: mm(30, 35, 'trái'), right: mm(15, 20, 'phải') }),
});

const FONT_SIZES = [12, 13, 14, 15, 16, 17, 18, 20, 22, 24];

/** The fields of `next` that differ from `saved`; nested groups as a whole (a partial update). */
export function changedSettings(saved: Settings, next: Settings): SettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof Settings)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(saved[key])) patch[key] = next[key];
  }
  return patch as SettingsPatch;
}

/** A folder typed in, or chosen with the PC's folder dialog ("Chọn…", in main). */
function FolderField(props: {
  label: string;
  purpose: SettingsFolderPurpose;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const [pickError, setPickError] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const pick = async () => {
    setPicking(true);
    try {
      const r = await api.invoke('settings.pickFolder', { purpose: props.purpose, current: props.value });
      if (!r.ok) return setPickError(errorText(r.error));
      setPickError(null);
      if (r.value) props.onChange(r.value.path);
    } finally {
      setPicking(false);
    }
  };
  return (
    <Field label={props.label} error={pickError ?? props.error} hint={props.hint}>
      {(id, describedBy) => (
        <div className="folder-input">
          <input
            ref={props.inputRef}
            id={id}
            type="text"
            value={props.value}
            aria-invalid={pickError || props.error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              setPickError(null);
              props.onChange(e.target.value);
            }}
          />
          <button type="button" className="btn" disabled={picking} aria-label={`Chọn ${props.label.charAt(0).toLowerCase()}${props.label.slice(1)}`} onClick={() => void pick()}>
            Chọn…
          </button>
        </div>
      )}
    </Field>
  );
}

export function SettingsScreen() {
  const { settings, loaded, save, previewFontSize } = useSettings();
  if (!loaded) return <p className="muted">Đang đọc cài đặt…</p>;
  return <SettingsForm key={JSON.stringify(settings)} initial={settings} save={save} previewFontSize={previewFontSize} />;
}

function SettingsForm({ initial, save, previewFontSize }: { initial: Settings; save: (s: SettingsPatch) => Promise<Settings>; previewFontSize: (px: number) => void }) {
  const notice = useNotice();
  // Main refuses a Times New Roman folder without its four fonts; the message goes under the field.
  const [fontError, setFontError] = useState<string | null>(null);
  const fontInput = useRef<HTMLInputElement>(null);
  const form = useZodForm(SettingsFormSchema, initial, {
    label: 'cài đặt',
    save: async (valid) => {
      setFontError(null);
      try {
        await save(changedSettings(initial, SettingsSchema.parse(valid)));
      } catch (err) {
        if (!(err instanceof ApiCallError && err.error.code === 'times-font-incomplete')) throw err;
        setFontError(err.error.message);
        fontInput.current?.focus();
        fontInput.current?.scrollIntoView({ block: 'center' });
        return false;
      }
      notice.notify('success', 'Đã lưu cài đặt.');
    },
    onDiscard: () => previewFontSize(initial.fontSize),
  });
  const { values, setValues, set, errors, failure, dirty } = form;
  const setFolder = (k: keyof Settings['folders']) => (v: string) => setValues((s) => ({ ...s, folders: { ...s.folders, [k]: v } }));
  const setMargin = (k: keyof Settings['margins']) => (v: number | null) => setValues((s) => ({ ...s, margins: { ...s.margins, [k]: v ?? Number.NaN } }));

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>Cài đặt</h1>
      </header>
      <form
        ref={form.formRef}
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit();
        }}
      >
        <div className="card">
          <h2>Bộ phận thư ký</h2>
          <div className="form-grid">
            <TextField label="Cơ quan của bộ phận thư ký" name="agency" value={values.agency} onChange={set('agency')} error={errors.agency} hint="Ghi vào gói bàn giao là đơn vị lập." placeholder="Sở Văn hóa, Thể thao và Du lịch" />
            <TextField label="Thư ký" name="secretaryName" value={values.secretaryName} onChange={set('secretaryName')} error={errors.secretaryName} />
            <TextField label="Người ký mặc định" name="signerName" value={values.signerName} onChange={set('signerName')} error={errors.signerName} />
            <TextField label="Chức vụ người ký" name="signerTitle" value={values.signerTitle} onChange={set('signerTitle')} error={errors.signerTitle} placeholder="Giám đốc" />
          </div>
        </div>
        <div className="card">
          <h2>Giao diện</h2>
          <Field label="Cỡ chữ giao diện" hint="Áp dụng ngay khi chọn; bấm «Lưu cài đặt» để giữ cho lần sau.">
            {(id, describedBy) => (
              <select
                id={id}
                aria-describedby={describedBy}
                value={values.fontSize}
                onChange={(e) => {
                  const px = Number(e.target.value);
                  set('fontSize')(px);
                  previewFontSize(px);
                }}
              >
                {FONT_SIZES.map((px) => (
                  <option key={px} value={px}>
                    {px} px{px === 15 ? ' (mặc định)' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="card">
          <h2>Thư mục mặc định</h2>
          <div className="form-grid">
            <FolderField label="Thư mục lưu gói bàn giao" purpose="export" value={values.folders.export} onChange={setFolder('export')} error={errors['folders.export']} hint="Để trống: ứng dụng nhớ thư mục dùng lần trước." />
            <FolderField label="Thư mục nhận tệp" purpose="import" value={values.folders.import} onChange={setFolder('import')} error={errors['folders.import']} />
            <FolderField label="Thư mục lưu văn bản" purpose="documents" value={values.folders.documents} onChange={setFolder('documents')} error={errors['folders.documents']} />
            <FolderField label="Thư mục sao lưu tự động" purpose="backups" value={values.backupFolder} onChange={set('backupFolder')} error={errors.backupFolder} hint="Để trống: thư mục sao lưu trong dữ liệu của ứng dụng. Có thể chọn ổ USB hoặc ổ mạng." />
          </div>
        </div>
        <div className="card">
          <h2>Văn bản in</h2>
          <div className="form-grid margins">
            {(
              [
                ['top', 'Lề trên (mm)'],
                ['bottom', 'Lề dưới (mm)'],
                ['left', 'Lề trái (mm)'],
                ['right', 'Lề phải (mm)'],
              ] as const
            ).map(([k, label]) => (
              <Field key={k} label={label} error={errors[`margins.${k}`]}>
                {(id, describedBy) => <NumberInput id={id} describedBy={describedBy} value={Number.isNaN(values.margins[k]) ? null : values.margins[k]} onChange={setMargin(k)} />}
              </Field>
            ))}
          </div>
          <FolderField
            label="Thư mục chứa phông Times New Roman của máy (không bắt buộc)"
            purpose="timesFont"
            value={values.timesFontDir}
            onChange={(v) => {
              setFontError(null);
              set('timesFontDir')(v);
            }}
            error={fontError ?? errors.timesFontDir}
            inputRef={fontInput}
            hint={'Cần đủ bốn tệp times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf (trên Windows: C:\\Windows\\Fonts). Để trống: dùng phông Liberation Serif đi kèm (cùng kích thước chữ với Times New Roman, đủ dấu tiếng Việt).'}
          />
        </div>
        <ErrorBox error={failure} />
        <div className="form-actions sticky-actions">
          {dirty && <span className="muted">Có thay đổi chưa lưu.</span>}
          <button
            type="button"
            className="btn"
            disabled={!dirty}
            onClick={() => {
              setFontError(null);
              form.discard();
            }}
          >
            Bỏ thay đổi
          </button>
          <button type="submit" className="btn btn-primary" disabled={!dirty || form.busy}>
            Lưu cài đặt
          </button>
        </div>
      </form>
    </section>
  );
}
