/**
 * The units of the signature grid in their order (add, remove, reorder, reset to the year's
 * members), each with its optional scanned signature and stamp (thumbnail, replace, remove).
 */
import { useRef, useState } from 'react';
import { signerGaps, signerLines } from '../../../../shared/domain/signer-lines';
import type { Attachment, Unit } from '../../../../shared/model/records';
import { moveItem, removeAt } from './list-edit';
import { base64ToBytes } from './image-check';
import { prepareImage } from './image-resize';
import { removeAttachment, setUnitImage, type SignatureKind } from './pledge-store';

interface Props {
  blocId: string;
  unitIds: string[];
  onChange: (unitIds: string[]) => void;
  units: Unit[];
  memberIds: string[];
  images: Map<string, Partial<Record<SignatureKind, Attachment>>>;
  onError: (message: string) => void;
  onNotice: (message: string) => void;
}

const KIND_LABEL: Record<SignatureKind, string> = { signature: 'chữ ký', stamp: 'con dấu' };

function ImageSlot(props: {
  blocId: string;
  unit: Unit;
  kind: SignatureKind;
  image: Attachment | undefined;
  onError: (m: string) => void;
  onNotice: (m: string) => void;
}) {
  const { blocId, unit, kind, image, onError, onNotice } = props;
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const label = KIND_LABEL[kind];

  /** Stores the image from these bytes: a newly chosen file, or the stored image made transparent again. */
  async function store(name: string, bytes: () => Promise<Uint8Array>) {
    setBusy(true);
    try {
      const prepared = await prepareImage(name, await bytes());
      await setUnitImage(blocId, unit.id, kind, prepared);
      const paper = prepared.paperCleared ? ', nền giấy đã được làm trong suốt' : '';
      onNotice(`Đã lưu ảnh ${label} của ${unit.name} (${prepared.width} × ${prepared.height} điểm ảnh${paper}).`);
    } catch (err) {
      const message =
        err && typeof err === 'object' && 'userMessage' in err ? String((err as { userMessage: string }).userMessage) : err instanceof Error ? err.message : String(err);
      onError(message);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <div className="image-slot" data-testid={`image-${kind}-${unit.code}`}>
      {image ? (
        <img className="thumb" src={`data:${image.mime};base64,${image.data}`} alt={`Ảnh ${label} của ${unit.name}`} />
      ) : (
        <span className="thumb empty">Chưa có ảnh {label}</span>
      )}
      {image?.mime === 'image/jpeg' && (
        <>
          {/* Stored before images were made transparent: its white paper would hide what lies under it. */}
          <span className="warning-text">Ảnh JPEG có nền giấy trắng, sẽ che phần ảnh bên dưới.</span>
          <button type="button" className="btn" disabled={busy} onClick={() => void store(`${label}.jpg`, async () => base64ToBytes(image.data))}>
            Làm trong nền giấy
          </button>
        </>
      )}
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg"
        hidden
        aria-label={`Chọn ảnh ${label} của ${unit.name}`}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void store(f.name, async () => new Uint8Array(await f.arrayBuffer()));
        }}
      />
      <button type="button" className="btn" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? 'Đang xử lý…' : image ? `Thay ảnh ${label}` : `Chọn ảnh ${label}`}
      </button>
      {image && (
        <button
          type="button"
          className="btn btn-danger"
          onClick={() =>
            void removeAttachment(image.id).then(
              () => onNotice(`Đã xoá ảnh ${label} của ${unit.name}.`),
              (e: unknown) => onError(e instanceof Error ? e.message : String(e)),
            )
          }
        >
          Xoá ảnh {label}
        </button>
      )}
    </div>
  );
}

/** The lines the unit's block will print (shared rule), and what is missing for it. */
function SignerCell({ unit }: { unit: Unit }) {
  const lines = signerLines(unit);
  const gaps = signerGaps(unit);
  return (
    <div className="signer-cell" data-testid={`signer-${unit.code}`}>
      {lines.authority && <div>{lines.authority}</div>}
      <div>{lines.title}</div>
      <strong>{lines.name || '…'}</strong>
      {gaps.length > 0 && <div className="warning-text">Thiếu {gaps.join(', ')} (sửa ở mục Đơn vị).</div>}
    </div>
  );
}

export function SignatureGridEditor({ blocId, unitIds, onChange, units, memberIds, images, onError, onNotice }: Props) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const notInGrid = units.filter((u) => !unitIds.includes(u.id) && u.active);
  const [toAdd, setToAdd] = useState('');
  const sameAsMembers = JSON.stringify(unitIds) === JSON.stringify(memberIds);

  return (
    <fieldset className="signature-grid-editor" data-testid="pledge-units">
      <legend>Ô ký của các đơn vị ({unitIds.length})</legend>
      <p className="muted">
        Theo thứ tự của Khối. Ảnh chữ ký và con dấu quét (PNG hoặc JPEG) là không bắt buộc; ảnh được thu nhỏ còn tối đa 600 điểm ảnh, nền giấy được
        làm trong suốt (con dấu in đè lên chữ ký như trên giấy) và lưu cùng dữ liệu của Khối. Người ký (thủ trưởng hay cấp phó ký thay) chọn ở mục Đơn
        vị.
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th>TT</th>
            <th>Đơn vị</th>
            <th>Người ký</th>
            <th>Chữ ký</th>
            <th>Con dấu</th>
            <th>Thứ tự</th>
          </tr>
        </thead>
        <tbody>
          {unitIds.map((id, i) => {
            const unit = byId.get(id);
            if (!unit) {
              return (
                <tr key={id}>
                  <td>{i + 1}</td>
                  <td colSpan={4} className="error-text">
                    Đơn vị không còn trong danh sách của Khối.
                  </td>
                  <td>
                    <button type="button" className="btn btn-danger" onClick={() => onChange(removeAt(unitIds, i))}>
                      Bỏ khỏi ô ký
                    </button>
                  </td>
                </tr>
              );
            }
            const img = images.get(id) ?? {};
            return (
              <tr key={id} data-testid={`pledge-unit-${unit.code}`}>
                <td>{i + 1}</td>
                <td>{unit.name}</td>
                <td>
                  <SignerCell unit={unit} />
                </td>
                <td>
                  <ImageSlot blocId={blocId} unit={unit} kind="signature" image={img.signature} onError={onError} onNotice={onNotice} />
                </td>
                <td>
                  <ImageSlot blocId={blocId} unit={unit} kind="stamp" image={img.stamp} onError={onError} onNotice={onNotice} />
                </td>
                <td className="row-actions">
                  <button type="button" className="btn-icon" aria-label={`Chuyển ${unit.name} lên`} disabled={i === 0} onClick={() => onChange(moveItem(unitIds, i, -1))}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn-icon"
                    aria-label={`Chuyển ${unit.name} xuống`}
                    disabled={i === unitIds.length - 1}
                    onClick={() => onChange(moveItem(unitIds, i, 1))}
                  >
                    ↓
                  </button>
                  <button type="button" className="btn-icon btn-danger" aria-label={`Bỏ ${unit.name} khỏi ô ký`} onClick={() => onChange(removeAt(unitIds, i))}>
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="toolbar">
        {notInGrid.length > 0 && (
          <>
            <select aria-label="Đơn vị cần thêm vào ô ký" value={toAdd} onChange={(e) => setToAdd(e.target.value)}>
              <option value="">— Chọn đơn vị —</option>
              {notInGrid.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn"
              disabled={!toAdd}
              onClick={() => {
                onChange([...unitIds, toAdd]);
                setToAdd('');
              }}
            >
              Thêm vào ô ký
            </button>
          </>
        )}
        <button type="button" className="btn" disabled={sameAsMembers} title="Các thành viên của năm theo thứ tự của Khối" onClick={() => onChange([...memberIds])}>
          Đặt lại theo thành viên của năm
        </button>
      </div>
    </fieldset>
  );
}
