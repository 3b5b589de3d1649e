/** Scanned signature and stamp images of the units, checked before they reach the PDF. */
import { UserError } from '../../../shared/errors';
import { latestUnitImages } from '../../../shared/domain/unit-images';
import type { Attachment, BlocData, Unit } from '../../../shared/model/records';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The attachment as a data URL, or a UserError naming the unit when its bytes are no PNG/JPEG. */
export function attachmentDataUrl(attachment: Attachment, unit: Unit | undefined): string {
  const head = Buffer.from(attachment.data.slice(0, 24), 'base64');
  const ok = attachment.mime === 'image/png' ? startsWith(head, PNG_MAGIC) : startsWith(head, JPEG_MAGIC);
  if (!ok) {
    const what = attachment.kind === 'stamp' ? 'Ảnh con dấu' : 'Ảnh chữ ký';
    const owner = unit ? ` của "${unit.name}"` : '';
    throw new UserError(
      'attachment-invalid-image',
      `${what}${owner} bị hỏng hoặc không phải ảnh ${attachment.mime === 'image/png' ? 'PNG' : 'JPEG'}. Hãy chọn lại ảnh cho đơn vị này.`,
    );
  }
  return `data:${attachment.mime};base64,${attachment.data}`;
}

/** The latest signature and stamp of each unit (shared/domain/unit-images.ts), as data URLs. */
export function unitImages(data: BlocData): Map<string, { signature: string | null; stamp: string | null }> {
  const units = new Map(data.units.map((u) => [u.id, u]));
  const out = new Map<string, { signature: string | null; stamp: string | null }>();
  for (const [unitId, { signature, stamp }] of latestUnitImages(data.attachments)) {
    const unit = units.get(unitId);
    out.set(unitId, { signature: signature ? attachmentDataUrl(signature, unit) : null, stamp: stamp ? attachmentDataUrl(stamp, unit) : null });
  }
  return out;
}
