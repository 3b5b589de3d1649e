/**
 * Every document kind of the registry makes the same document from the slice the renderer sends
 * (shared/api/document-kinds.ts says what each kind needs) as from the whole bloc.
 */
import { describe, expect, it } from 'vitest';
import { documentRegistry } from '../../../electron/services/documents/registry';
import { buildDocument, documentFileName, renderModel } from '../../../electron/services/documents/service';
import { documentNeeds, type DocumentKind } from '../../../shared/api/document-kinds';
import { defaultPledge } from '../../../shared/domain/pledge-defaults';
import { yearSlice } from '../../../shared/domain/year-slice';
import type { Attachment, BlocData } from '../../../shared/model/records';
import { blocFixture, scoringTableFixture } from './fixtures';
import { pngBytes } from './png';
import { probePdf } from './pdf-probe';
import { docxMedia, docxPart } from './docx-probe';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;
const NOW = '2026-01-05T08:00:00.000Z';

/** Two years, each with its tables (2026: locked v1 and draft v2), a saved 2025 pledge, old and new signatures and stamps. */
function twoYears(): BlocData {
  const d = blocFixture({ units: 6, year: 2026 });
  const y2026 = d.years[0]!;
  const image = (unitId: string, kind: 'signature' | 'stamp', i: number, createdAt: string): Attachment => ({
    id: `${unitId}-${kind}-${i}`,
    blocId: d.bloc.id,
    unitId,
    kind,
    mime: 'image/png',
    width: 8,
    height: 8,
    data: pngBytes(8, 8, (x, y) => [(x * 30 + i) & 255, (y * 30) & 255, kind === 'stamp' ? 200 : 0, 255]).toString('base64'),
    createdAt,
  });
  return {
    ...d,
    years: [{ ...y2026, id: 'y2025', year: 2025, memberUnitIds: y2026.memberUnitIds.slice(0, 4) }, y2026],
    scoringTables: [scoringTableFixture(d.bloc.id, 2025), scoringTableFixture(d.bloc.id, 2026, 1), scoringTableFixture(d.bloc.id, 2026, 2)],
    pledges: [{ ...defaultPledge(d, 2025, NOW), id: 'gu-2025', year: 2025, title: 'Giao ước thi đua năm 2025' }],
    attachments: d.units.flatMap((u, i) => [
      image(u.id, 'signature', i, '2025-01-01T00:00:00.000Z'),
      image(u.id, 'signature', i + 100, '2025-06-01T00:00:00.000Z'),
      image(u.id, 'stamp', i, '2025-06-01T00:00:00.000Z'),
    ]),
  };
}

const cases: { kind: DocumentKind; options: { version?: number } }[] = (Object.keys(documentRegistry) as DocumentKind[]).flatMap((kind) =>
  documentRegistry[kind].options.includes('version') ? [{ kind, options: {} }, { kind, options: { version: 1 } }, { kind, options: { version: 2 } }] : [{ kind, options: {} }],
);

describe('documents from a year slice', () => {
  for (const { kind, options } of cases) {
    for (const year of [2025, 2026]) {
      it(`${kind} ${JSON.stringify(options)} ${year}: same document model and file name in each format as from the whole bloc`, async () => {
        const whole = twoYears();
        if (options.version === 2 && year === 2025) return expect(() => buildDocument({ kind, data: yearSlice(whole, year, documentNeeds(kind, options)), year, format: 'pdf', options })).toThrow('không có phiên bản 2 (các phiên bản hiện có: 1)');
        const slice = yearSlice(whole, year, documentNeeds(kind, options));
        for (const format of documentRegistry[kind].formats) {
          const job = { kind, year, format, options };
          const model = buildDocument({ ...job, data: whole }, NOW);
          expect(buildDocument({ ...job, data: slice }, NOW)).toEqual(model);
          expect(documentFileName({ ...job, data: slice })).toBe(documentFileName({ ...job, data: whole }));
        }
      });
    }
  }

  it('a kind that declares no needs gets the whole year (every table version, every record of the year) without images', () => {
    const needs = documentNeeds('new-kind' as DocumentKind);
    expect(needs).toEqual({ table: 'all' });
    const slice = yearSlice(twoYears(), 2026, needs);
    expect(slice.scoringTables.map((t) => t.version)).toEqual([1, 2]);
    expect(slice.attachments).toEqual([]);
  });

  it('the pledge prints the latest images, so its slice must carry them', async () => {
    const whole = twoYears();
    const withImages = buildDocument({ kind: 'pledge', data: yearSlice(whole, 2026, documentNeeds('pledge')), year: 2026, format: 'pdf' }, NOW);
    const without = buildDocument({ kind: 'pledge', data: yearSlice(whole, 2026), year: 2026, format: 'pdf' }, NOW);
    expect(JSON.stringify(withImages)).toContain(whole.attachments[1]!.data);
    expect(JSON.stringify(withImages)).not.toContain(whole.attachments[0]!.data);
    expect(without).not.toEqual(withImages);
  });

  it('the sliced pledge prints the same PDF text and images and the same Word document as the whole bloc', async () => {
    const whole = twoYears();
    const slice = yearSlice(whole, 2026, documentNeeds('pledge'));
    const render = (data: BlocData, format: 'pdf' | 'docx') => renderModel(buildDocument({ kind: 'pledge', data, year: 2026, format }, NOW), format, { assetsDir: ASSETS });
    const [pa, pb] = [probePdf(await render(whole, 'pdf')), probePdf(await render(slice, 'pdf'))];
    expect(pb.layoutText).toBe(pa.layoutText);
    expect(pb.imageList).toEqual(pa.imageList);
    expect(pa.images).toBeGreaterThan(0);
    const [da, db] = [await render(whole, 'docx'), await render(slice, 'docx')];
    // The docx library numbers drawings and names media with a counter of the process: compare without them.
    const body = (b: Uint8Array) => docxPart(b).replace(/docPr id="\d+"/g, 'docPr id=""');
    expect(body(db)).toBe(body(da));
    expect(docxMedia(db).length).toBe(docxMedia(da).length);
    expect(docxMedia(da).length).toBeGreaterThan(0);
  });
});
