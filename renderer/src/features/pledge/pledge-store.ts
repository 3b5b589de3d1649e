/** Writes of the pledge screen: the pledge of a year and the units' signature and stamp images. */
import type { UnitImageKind } from '../../../../shared/domain/unit-images';
import { AttachmentSchema, PledgeSchema, type Attachment, type Pledge } from '../../../../shared/model/records';
import { db } from '../../db/database';
import { newId, nowIso } from '../../db/ids';
import { checked } from '../../db/repo-common';
import type { PreparedImage } from './image-resize';

/** The kinds of a unit's images (shared/domain/unit-images.ts). */
export type SignatureKind = UnitImageKind;

/** Stores the year's pledge (one per bloc and year): replaces an existing one of the same year. */
export async function savePledge(pledge: Pledge): Promise<Pledge> {
  const record = checked(PledgeSchema, { ...pledge, updatedAt: nowIso() }, 'Bản giao ước thi đua');
  return db.transaction('rw', db.pledges, async () => {
    const others = await db.pledges.where('[blocId+year]').equals([record.blocId, record.year]).toArray();
    const stale = others.filter((p) => p.id !== record.id).map((p) => p.id);
    if (stale.length) await db.pledges.bulkDelete(stale);
    await db.pledges.put(record);
    return record;
  });
}

/** Sets a unit's scanned signature or stamp, replacing the previous one of that kind. */
export async function setUnitImage(blocId: string, unitId: string, kind: SignatureKind, image: PreparedImage): Promise<Attachment> {
  const record = checked(
    AttachmentSchema,
    { id: newId(), blocId, unitId, kind, mime: image.mime, width: image.width, height: image.height, data: image.data, createdAt: nowIso() },
    kind === 'signature' ? 'Ảnh chữ ký' : 'Ảnh con dấu',
  );
  return db.transaction('rw', db.attachments, async () => {
    const old = await db.attachments.where('unitId').equals(unitId).filter((a) => a.blocId === blocId && a.kind === kind).primaryKeys();
    if (old.length) await db.attachments.bulkDelete(old);
    await db.attachments.add(record);
    return record;
  });
}

export async function removeAttachment(id: string): Promise<void> {
  await db.attachments.delete(id);
}
