/** Move up / move down / remove buttons of one item in an ordered list. */
export function ListButtons({ index, count, label, onMove, onRemove }: { index: number; count: number; label: string; onMove: (from: number, to: number) => void; onRemove: () => void }) {
  return (
    <span className="row-actions">
      <button type="button" className="btn-icon" title="Chuyển lên" aria-label={`Chuyển ${label} lên`} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
        ↑
      </button>
      <button type="button" className="btn-icon" title="Chuyển xuống" aria-label={`Chuyển ${label} xuống`} disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
        ↓
      </button>
      <button type="button" className="btn-icon btn-icon-danger" title="Bỏ" aria-label={`Bỏ ${label}`} onClick={onRemove}>
        ×
      </button>
    </span>
  );
}

/** Copy of `xs` with the item at `from` moved to `to`. */
export function moved<T>(xs: T[], from: number, to: number): T[] {
  if (to < 0 || to >= xs.length) return xs;
  const next = [...xs];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
