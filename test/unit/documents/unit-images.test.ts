/**
 * Each unit's latest signature and stamp is one rule (shared/domain/unit-images.ts): the pledge
 * screen shows and the documents print the same images.
 */
import { describe, expect, it } from 'vitest';
import { unitImages } from '../../../electron/services/documents/images';
import { latestUnitImages } from '../../../shared/domain/unit-images';
import type { Attachment } from '../../../shared/model/records';
import { blocFixture } from './fixtures';
import { pngBytes } from './png';

const png = (shade: number) => pngBytes(2, 2, () => [shade, shade, shade, 255]).toString('base64');

function image(id: string, unitId: string | null, kind: Attachment['kind'], createdAt: string, shade: number): Attachment {
  return { id, blocId: 'b', unitId, kind, mime: 'image/png', width: 2, height: 2, data: png(shade), createdAt } as Attachment;
}

describe("a unit's latest signature and stamp", () => {
  const attachments = [
    image('sig-new', 'u1', 'signature', '2025-03-02T00:00:00.000Z', 10),
    image('sig-old', 'u1', 'signature', '2025-03-01T00:00:00.000Z', 20),
    image('stamp', 'u1', 'stamp', '2025-01-01T00:00:00.000Z', 30),
    image('sig-u2', 'u2', 'signature', '2025-01-01T00:00:00.000Z', 40),
    image('bloc-logo', null, 'stamp', '2025-05-01T00:00:00.000Z', 50),
  ];

  it('the newest of each kind per unit wins, whatever the order', () => {
    for (const list of [attachments, [...attachments].reverse()]) {
      const latest = latestUnitImages(list);
      expect([...latest.keys()].sort()).toEqual(['u1', 'u2']);
      expect(latest.get('u1')).toEqual({ signature: attachments[0], stamp: attachments[2] });
      expect(latest.get('u2')).toEqual({ signature: attachments[3] });
    }
  });

  it('the documents print exactly the images the screen shows', () => {
    const data = blocFixture({ units: 4 });
    data.attachments = attachments.map((a) => ({ ...a, blocId: data.bloc.id }));
    const screen = latestUnitImages(data.attachments);
    const printed = unitImages(data);
    const dataUrl = (a: Attachment | undefined) => (a ? `data:${a.mime};base64,${a.data}` : null);
    expect([...printed.keys()].sort()).toEqual([...screen.keys()].sort());
    for (const [unitId, shown] of screen) {
      expect(printed.get(unitId)).toEqual({ signature: dataUrl(shown.signature), stamp: dataUrl(shown.stamp) });
    }
  });
});
