import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import type { BlocData, Pledge } from '../../../shared/model/records';
import { upperVi } from '../../../shared/text/vietnamese';
import { pledgeForYear, pledgeModel, PLEDGE_SIGNERS_HEADING } from '../../../electron/services/documents/kinds/pledge';
import { renderPdf } from '../../../electron/services/documents/render/pdf';
import { documentSetup, pledgePdf } from '../../../electron/services/documents/service';
import { blocFixture } from './fixtures';
import { findCentred, probePdf, segments, type PdfProbe } from './pdf-probe';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;
const NOW = '2026-01-05T08:00:00.000Z';
const A4 = { width: 595.28, height: 841.89 };
const LEFT_MARGIN_30MM = (30 * 72) / 25.4;

async function pledgeProbe(data: BlocData, pledge?: Partial<Pledge>, margins?: { left?: number }): Promise<PdfProbe> {
  const setup = documentSetup({ assetsDir: ASSETS, ...(margins ? { margins } : {}) });
  const base = pledgeForYear(data, 2026, NOW);
  const bytes = await renderPdf(pledgeModel(data, { ...base, ...pledge }), setup);
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  return probePdf(bytes);
}

/** Whitespace-collapsed text of the whole document (reading order of pdftotext -layout). */
const flat = (p: PdfProbe) => p.layoutText.replace(/\s+/g, ' ');

describe('pledge PDF: every bloc size lays out cleanly', () => {
  for (const units of [4, 8, 15, 40]) {
    it(`${units} units: motto, title, every unit and head read back; A4; fonts embedded; margins; no split cell`, async () => {
      const data = blocFixture({ units });
      const probe = await pledgeProbe(data);
      const text = flat(probe);

      expect(probe.sizes).toHaveLength(probe.pages);
      for (const size of probe.sizes) {
        expect(size.width).toBeCloseTo(A4.width, 1);
        expect(size.height).toBeCloseTo(A4.height, 1);
      }
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toContain('BẢN GIAO ƯỚC THI ĐUA NĂM 2026');
      expect(text).toContain('Hà Nam, ngày 05 tháng 01 năm 2026');
      expect(text).toContain(PLEDGE_SIGNERS_HEADING);

      expect(probe.fonts.length).toBeGreaterThan(0);
      for (const font of probe.fonts) {
        expect(font.name).toMatch(/LiberationSerif/);
        expect(font.embedded).toBe(true);
        expect(font.unicode).toBe(true);
      }

      const leftmost = Math.min(...probe.words.map((w) => w.xMin));
      expect(leftmost).toBeGreaterThanOrEqual(LEFT_MARGIN_30MM - 0.5);
      expect(Math.max(...probe.words.map((w) => w.xMax))).toBeLessThanOrEqual(A4.width - (15 * 72) / 25.4 + 0.5);

      const segs = segments(probe.words);
      for (const unit of data.units) {
        const heading = findCentred(segs, upperVi(unit.name));
        expect(heading, `tên đơn vị "${unit.name}"`).not.toBeNull();
        const top = heading![0]!;
        // The head's name: same cell (same centre), same page, below the unit's name.
        const name = segs.find(
          (s) => s.text === unit.head && s.page === top.page && Math.abs(s.centre - top.centre) < 2.5 && s.yMin > top.yMin,
        );
        expect(name, `người ký "${unit.head}" của "${unit.name}" cùng trang với tên đơn vị`).toBeDefined();
        const title = segs.find(
          (s) => s.text === upperVi(unit.headTitle) && s.page === top.page && Math.abs(s.centre - top.centre) < 2.5,
        );
        expect(title, `chức vụ của "${unit.name}"`).toBeDefined();
        // The space to sign and stamp lies between the title and the name.
        expect(name!.yMin - title!.yMax).toBeGreaterThan(60);
      }
    });
  }

  it('keeps the bloc order row by row, in the chosen number of columns', async () => {
    const data = blocFixture({ units: 6 });
    for (const columns of [2, 3] as const) {
      const probe = await pledgeProbe(data, { columns });
      const segs = segments(probe.words);
      const tops = data.units.map((u) => findCentred(segs, upperVi(u.name))![0]!);
      const centres = new Set(tops.map((t) => Math.round(t.centre / 10)));
      expect(centres.size).toBe(columns);
      for (let i = 1; i < tops.length; i++) {
        const prev = tops[i - 1]!;
        const cur = tops[i]!;
        if (i % columns === 0) expect(cur.page > prev.page || cur.yMin > prev.yMin + 40).toBe(true);
        else expect(cur.centre).toBeGreaterThan(prev.centre);
      }
    }
  });
});

describe('pledge PDF: text and format rules', () => {
  it('prints decomposed (NFD) input as precomposed (NFC) text', async () => {
    const nfd = (s: string) => s.normalize('NFD');
    const data = blocFixture({ units: 8, transform: nfd });
    expect(data.units[0]!.name).not.toBe(data.units[0]!.name.normalize('NFC'));
    const probe = await pledgeProbe(data, {
      title: nfd('BẢN GIAO ƯỚC THI ĐUA NĂM 2026'),
      commitments: [nfd('Thi đua hoàn thành xuất sắc nhiệm vụ được giao; giữ vững đoàn kết nội bộ.')],
    });
    expect(probe.layoutText).not.toMatch(/[\u0300-\u036f]/);
    const text = flat(probe);
    expect(text).toContain('BẢN GIAO ƯỚC THI ĐUA NĂM 2026');
    expect(text).toContain('Thi đua hoàn thành xuất sắc nhiệm vụ được giao; giữ vững đoàn kết nội bộ.');
    const segs = segments(probe.words);
    for (const unit of data.units) {
      expect(findCentred(segs, upperVi(unit.name.normalize('NFC')))).not.toBeNull();
      expect(segs.some((s) => s.text === unit.head.normalize('NFC'))).toBe(true);
    }
  });

  it('writes the place-date line with leading zeros for days below 10 and months 1–2 only', async () => {
    const data = blocFixture({ units: 4 });
    const cases: [string, string][] = [
      ['2026-01-05', 'Hà Nam, ngày 05 tháng 01 năm 2026'],
      ['2026-02-28', 'Hà Nam, ngày 28 tháng 02 năm 2026'],
      ['2026-03-09', 'Hà Nam, ngày 09 tháng 3 năm 2026'],
      ['2026-11-20', 'Hà Nam, ngày 20 tháng 11 năm 2026'],
    ];
    for (const [date, line] of cases) {
      const probe = await pledgeProbe(data, { date });
      expect(flat(probe)).toContain(line);
      const italic = probe.fonts.some((f) => /Italic/.test(f.name));
      expect(italic).toBe(true);
    }
  });

  it('prints the State number line and the Party-format header', async () => {
    const state = flat(await pledgeProbe(blocFixture({ units: 4 }), { documentNumber: '01/GƯ-KTĐ' }));
    expect(state).toContain('Số: 01/GƯ-KTĐ');
    expect(state).toContain('UBND TỈNH HÀ NAM');
    expect(state).toContain('KHỐI THI ĐUA');

    const party = flat(await pledgeProbe(blocFixture({ units: 4, partyFormat: true }), { documentNumber: '127-QĐ/TW' }));
    expect(party).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(party).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(party).not.toContain('Độc lập - Tự do - Hạnh phúc');
    expect(party).toContain('Số 127-QĐ/TW');
    expect(party).toContain('ĐẢNG BỘ TỈNH HÀ NAM');
  });

  it('numbers pages from page 2 on, centred in the top margin', async () => {
    const probe = await pledgeProbe(blocFixture({ units: 40 }));
    expect(probe.pages).toBeGreaterThanOrEqual(3);
    const topMargin = (20 * 72) / 25.4;
    const contentCentre = (LEFT_MARGIN_30MM + A4.width - (15 * 72) / 25.4) / 2;
    for (let page = 1; page <= probe.pages; page++) {
      const inMargin = probe.words.filter((w) => w.page === page && w.yMax <= topMargin);
      if (page === 1) {
        expect(inMargin).toHaveLength(0);
      } else {
        expect(inMargin.map((w) => w.text)).toEqual([String(page)]);
        expect(Math.abs((inMargin[0]!.xMin + inMargin[0]!.xMax) / 2 - contentCentre)).toBeLessThan(2);
      }
    }
  });

  it('honours adjusted margins', async () => {
    const probe = await pledgeProbe(blocFixture({ units: 8 }), {}, { left: 35 });
    const leftmost = Math.min(...probe.words.map((w) => w.xMin));
    expect(leftmost).toBeGreaterThanOrEqual((35 * 72) / 25.4 - 0.5);
    expect(leftmost).toBeLessThan((35 * 72) / 25.4 + 2);
  });

  it('prints the witness block and the căn cứ lines', async () => {
    const data = blocFixture({ units: 4 });
    const probe = await pledgeProbe(data, {
      witness: { label: 'Chứng kiến', organisation: 'Ban Thi đua - Khen thưởng tỉnh', title: 'Trưởng ban', name: 'Trịnh Thị Ngọc Diệp' },
    });
    const text = flat(probe);
    expect(text).toContain('CHỨNG KIẾN');
    expect(text).toContain('BAN THI ĐUA - KHEN THƯỞNG TỈNH');
    expect(text).toContain('Trịnh Thị Ngọc Diệp');
    for (const line of data.years[0]!.rules.legalBasis) expect(text).toContain(line);
  });

  it('embeds the scanned signature and stamp of a unit', async () => {
    const data = blocFixture({ units: 4 });
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const attachment = (kind: 'signature' | 'stamp') => ({
      id: `a-${kind}`,
      blocId: data.bloc.id,
      unitId: 'u2',
      kind,
      mime: 'image/png' as const,
      width: 1,
      height: 1,
      data: png,
      createdAt: NOW,
    });
    data.attachments = [attachment('signature'), attachment('stamp')];
    const probe = await pledgeProbe(data);
    expect(probe.images).toBeGreaterThanOrEqual(2);

    data.attachments = [{ ...attachment('stamp'), data: Buffer.from('not an image at all').toString('base64') }];
    await expect(pledgeProbe(data)).rejects.toThrow(/Ảnh con dấu của "Sở Giáo dục và Đào tạo" bị hỏng/);
  });
});

describe('pledge PDF: service errors', () => {
  it('refuses a year the bloc does not have, in Vietnamese', async () => {
    const data = blocFixture({ units: 4 });
    const err = await pledgePdf(data, 2031, { assetsDir: ASSETS }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('year-missing');
    expect((err as UserError).message).toContain('chưa có năm thi đua 2031');
  });

  it('refuses a pledge without signing units', async () => {
    const data = blocFixture({ units: 4 });
    data.years[0]!.memberUnitIds = [];
    const err = await pledgePdf(data, 2026, { assetsDir: ASSETS }).catch((e: unknown) => e);
    expect((err as UserError).code).toBe('pledge-no-units');
  });

  it('uses the saved pledge of the year over the default content', async () => {
    const data = blocFixture({ units: 4 });
    const saved = { ...pledgeForYear(data, 2026, NOW), title: 'Giao ước thi đua đặc biệt năm 2026', unitIds: ['u3', 'u1'] };
    data.pledges = [saved];
    const probe = probePdf(await pledgePdf(data, 2026, { assetsDir: ASSETS }));
    const text = flat(probe);
    expect(text).toContain('GIAO ƯỚC THI ĐUA ĐẶC BIỆT NĂM 2026');
    const segs = segments(probe.words);
    expect(findCentred(segs, upperVi(data.units[2]!.name))).not.toBeNull();
    expect(findCentred(segs, upperVi(data.units[1]!.name))).toBeNull();
    const [first, second] = [findCentred(segs, upperVi(data.units[2]!.name))![0]!, findCentred(segs, upperVi(data.units[0]!.name))![0]!];
    expect(first.centre).toBeLessThan(second.centre);
  });
});
