/** An ordered list of text lines with add, remove and reorder (căn cứ lines, numbered commitments). */
import { moveItem, removeAt, replaceAt } from './list-edit';

interface Props {
  label: string;
  /** Name of one item for buttons and screen readers, e.g. "căn cứ", "nội dung giao ước". */
  itemName: string;
  lines: string[];
  onChange: (lines: string[]) => void;
  numbered?: boolean;
  rows?: number;
  addLabel: string;
  testId: string;
}

export function LineListEditor({ label, itemName, lines, onChange, numbered, rows = 2, addLabel, testId }: Props) {
  return (
    <fieldset className="line-list" data-testid={testId}>
      <legend>{label}</legend>
      {lines.length === 0 && <p className="muted">Chưa có {itemName} nào.</p>}
      <ol className={numbered ? 'numbered' : 'plain'}>
        {lines.map((line, i) => (
          <li key={i} className="line-list-item">
            {numbered && <span className="line-number">{i + 1}.</span>}
            <textarea
              aria-label={`${itemName} ${i + 1}`}
              value={line}
              rows={Math.min(8, Math.max(rows, Math.ceil(line.length / 48)))}
              onChange={(e) => onChange(replaceAt(lines, i, e.target.value))}
            />
            <span className="row-actions">
              <button type="button" className="btn-icon" title="Chuyển lên" aria-label={`Chuyển ${itemName} ${i + 1} lên`} disabled={i === 0} onClick={() => onChange(moveItem(lines, i, -1))}>
                ↑
              </button>
              <button type="button" className="btn-icon" title="Chuyển xuống" aria-label={`Chuyển ${itemName} ${i + 1} xuống`} disabled={i === lines.length - 1} onClick={() => onChange(moveItem(lines, i, 1))}>
                ↓
              </button>
              <button type="button" className="btn-icon btn-danger" title="Xoá" aria-label={`Xoá ${itemName} ${i + 1}`} onClick={() => onChange(removeAt(lines, i))}>
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      <button type="button" className="btn" onClick={() => onChange([...lines, ''])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
