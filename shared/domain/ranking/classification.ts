/** Classification bands of the rules profile ("Xuất sắc" ≥ 95, "Tốt" ≥ 85): the highest band reached. */
import { formatNumberVi } from '../../text/vietnamese';
import type { ClassificationBand } from './types';

const EPS = 1e-9;

/** The label of the highest band whose minimum the total reaches (a total of exactly the minimum reaches it); null below every band. */
export function classify(total: number, bands: readonly ClassificationBand[]): string | null {
  let best: ClassificationBand | null = null;
  for (const band of bands) {
    if (!Number.isFinite(band.min) || total + EPS < band.min) continue;
    if (!best || band.min > best.min) best = band;
  }
  return best ? best.label.trim() : null;
}

/** Bands that cannot work as meant (Vietnamese warnings). */
export function bandWarnings(bands: readonly ClassificationBand[]): string[] {
  const out: string[] = [];
  const seen = new Map<number, string>();
  for (const band of bands) {
    const label = band.label.trim();
    if (!label) out.push(`Một mức xếp loại (từ ${formatNumberVi(band.min)} điểm) chưa có tên.`);
    if (!Number.isFinite(band.min)) out.push(`Mức xếp loại "${label}" chưa có điểm tối thiểu hợp lệ.`);
    const other = seen.get(band.min);
    if (other !== undefined) out.push(`Hai mức xếp loại "${other}" và "${label}" cùng điểm tối thiểu ${formatNumberVi(band.min)}.`);
    seen.set(band.min, label);
  }
  return out;
}
