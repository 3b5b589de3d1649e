/** The fields of the year's pledge: title, căn cứ, intro, commitments, place and date, number, witness, columns. */
import type { Pledge } from '../../../../shared/model/records';
import { placeDateLine } from '../../../../shared/text/vietnamese';
import { DateInput } from '../../ui/DateInput';
import { LineListEditor } from './LineListEditor';

interface Props {
  value: Pledge;
  onChange: (next: Pledge) => void;
  /** Căn cứ lines of the year's rules profile, to restore them. */
  rulesLegalBasis: string[];
}

const EMPTY_WITNESS = { label: 'CHỨNG KIẾN', organisation: '', title: '', name: '' };

function safeDateLine(place: string, date: string): string {
  try {
    return placeDateLine(place, date);
  } catch {
    return 'Ngày ký chưa hợp lệ';
  }
}

export function PledgeForm({ value, onChange, rulesLegalBasis }: Props) {
  const set = <K extends keyof Pledge>(key: K, v: Pledge[K]) => onChange({ ...value, [key]: v });
  const witness = value.witness;
  return (
    <div className="pledge-form">
      <label className="field">
        <span>Tiêu đề</span>
        <input value={value.title} aria-invalid={value.title.trim() ? undefined : true} onChange={(e) => set('title', e.target.value)} />
      </label>

      <LineListEditor
        label="Căn cứ"
        itemName="căn cứ"
        lines={value.legalBasis}
        onChange={(lines) => set('legalBasis', lines)}
        addLabel="Thêm dòng căn cứ"
        testId="pledge-legal-basis"
      />
      <button
        type="button"
        className="btn btn-link"
        disabled={JSON.stringify(rulesLegalBasis) === JSON.stringify(value.legalBasis)}
        title="Lấy lại các dòng căn cứ trong quy chế của năm"
        onClick={() => set('legalBasis', [...rulesLegalBasis])}
      >
        Lấy lại căn cứ theo quy chế của năm
      </button>

      <label className="field">
        <span>Lời mở đầu</span>
        <textarea rows={3} value={value.intro} onChange={(e) => set('intro', e.target.value)} />
      </label>

      <LineListEditor
        label="Nội dung giao ước"
        itemName="nội dung"
        numbered
        rows={3}
        lines={value.commitments}
        onChange={(lines) => set('commitments', lines)}
        addLabel="Thêm nội dung giao ước"
        testId="pledge-commitments"
      />

      <div className="field-row">
        <label className="field">
          <span>Địa danh</span>
          <input value={value.place} onChange={(e) => set('place', e.target.value)} />
        </label>
        <label className="field">
          <span>Ngày ký (ngày/tháng/năm)</span>
          <DateInput value={value.date} onChange={(iso) => set('date', iso ?? '')} />
        </label>
        <label className="field">
          <span>Số văn bản (không bắt buộc)</span>
          <input value={value.documentNumber} placeholder="ví dụ: 01/GƯ-KTĐ" onChange={(e) => set('documentNumber', e.target.value)} />
        </label>
      </div>
      <p className="muted" data-testid="pledge-date-line">
        In trên văn bản: <em>{safeDateLine(value.place, value.date)}</em>
      </p>

      <fieldset>
        <legend>Bố cục ô ký</legend>
        <label className="inline">
          <input type="radio" name="pledge-columns" checked={value.columns === 2} onChange={() => set('columns', 2)} /> 2 cột
        </label>
        <label className="inline">
          <input type="radio" name="pledge-columns" checked={value.columns === 3} onChange={() => set('columns', 3)} /> 3 cột
        </label>
      </fieldset>

      <fieldset>
        <legend>Chứng kiến</legend>
        <label className="inline">
          <input type="checkbox" checked={witness !== null} onChange={(e) => set('witness', e.target.checked ? { ...EMPTY_WITNESS } : null)} /> Có
          phần CHỨNG KIẾN (đại diện cơ quan cấp tỉnh)
        </label>
        {witness && (
          <div className="field-grid">
            <label className="field">
              <span>Dòng tiêu đề</span>
              <input value={witness.label} onChange={(e) => set('witness', { ...witness, label: e.target.value })} />
            </label>
            <label className="field">
              <span>Cơ quan chứng kiến</span>
              <input
                value={witness.organisation}
                placeholder="ví dụ: BAN THI ĐUA - KHEN THƯỞNG TỈNH"
                onChange={(e) => set('witness', { ...witness, organisation: e.target.value })}
              />
            </label>
            <label className="field">
              <span>Chức vụ người chứng kiến</span>
              <input value={witness.title} placeholder="ví dụ: Trưởng ban" onChange={(e) => set('witness', { ...witness, title: e.target.value })} />
            </label>
            <label className="field">
              <span>Họ và tên người chứng kiến</span>
              <input value={witness.name} onChange={(e) => set('witness', { ...witness, name: e.target.value })} />
            </label>
          </div>
        )}
      </fieldset>
    </div>
  );
}
