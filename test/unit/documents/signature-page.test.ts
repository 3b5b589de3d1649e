/**
 * The pledge's signature page read back from the PDF: the stamp lies over the signature, a deputy
 * signs under "KT." + the head's position, unit names break between phrases, and the positions of
 * a row sit on one line.
 */
import { describe, expect, it } from 'vitest';
import type { BlocData, Pledge, Unit } from '../../../shared/model/records';
import { buildSampleBlocData, buildSyntheticBlocData } from '../../../shared/sample/sample-bloc';
import { upperVi } from '../../../shared/text/vietnamese';
import { pledgeForYear, pledgeModel, pledgeUnits } from '../../../electron/services/documents/kinds/pledge';
import { renderPdf } from '../../../electron/services/documents/render/pdf';
import { documentSetup } from '../../../electron/services/documents/service';
import { blocFixture } from './fixtures';
import { findCentred, probePdf, segments, type PdfProbe, type Segment } from './pdf-probe';
import { pngBytes } from './png';

const ASSETS = new URL('../../../assets', import.meta.url).pathname;
const NOW = '2026-01-05T08:00:00.000Z';

async function pledgeProbe(data: BlocData, year: number, pledge: Partial<Pledge> = {}): Promise<PdfProbe> {
  const setup = documentSetup({ assetsDir: ASSETS });
  const bytes = await renderPdf(pledgeModel(data, { ...pledgeForYear(data, year, NOW), ...pledge }), setup);
  return probePdf(bytes);
}

interface Cell {
  unit: Unit;
  /** The unit's name as printed, line by line. */
  nameLines: Segment[];
  /** Lines between the name and the space to sign (authority line, position). */
  titleLines: Segment[];
  signerName: Segment | undefined;
}

/** Each unit's cell as read back: its name lines, then the lines below it in the same column. */
function cells(probe: PdfProbe, units: Unit[]): Cell[] {
  const segs = segments(probe.words);
  return units.map((unit) => {
    const chain = findCentred(segs, upperVi(unit.name));
    expect(chain, `tên đơn vị "${unit.name}"`).not.toBeNull();
    const last = chain![chain!.length - 1]!;
    const below = segs
      .filter((s) => s.page === last.page && s.yMin > last.yMax - 0.5 && Math.abs(s.centre - last.centre) < 2.5)
      .sort((a, b) => a.yMin - b.yMin);
    // Title lines follow one another closely; the signer's name comes after the space to sign.
    const titleLines: Segment[] = [];
    for (const s of below) {
      const prev = titleLines[titleLines.length - 1];
      if (prev && s.yMin - prev.yMax > 20) break;
      titleLines.push(s);
    }
    const signerName = below.find((s) => titleLines.length > 0 && s.yMin - titleLines[titleLines.length - 1]!.yMax > 40);
    return { unit, nameLines: chain!, titleLines, signerName };
  });
}

const png = (bytes: Buffer) => bytes.toString('base64');
const attachment = (data: BlocData, unitId: string, kind: 'signature' | 'stamp', base64: string, width: number, height: number) => ({
  id: `a-${unitId}-${kind}`,
  blocId: data.bloc.id,
  unitId,
  kind,
  mime: 'image/png' as const,
  width,
  height,
  data: base64,
  createdAt: NOW,
});

describe('signature page: stamp over signature', () => {
  it('paints the stamp after the signature, so the stamp lies over the ink', async () => {
    const data = blocFixture({ units: 4 });
    // Distinct pixel sizes tell the two images apart in the PDF: signature 6 × 2, stamp 4 × 4.
    const signature = png(pngBytes(6, 2, (x) => (x % 2 ? [20, 40, 160, 255] : [0, 0, 0, 0])));
    const stamp = png(pngBytes(4, 4, (x, y) => ((x + y) % 2 ? [200, 30, 30, 255] : [0, 0, 0, 0])));
    data.attachments = [attachment(data, 'u2', 'stamp', stamp, 4, 4), attachment(data, 'u2', 'signature', signature, 6, 2)];
    const probe = await pledgeProbe(data, 2026);
    const painted = probe.imageList.filter((i) => i.type === 'image').map((i) => `${i.width}x${i.height}`);
    expect(painted).toEqual(['6x2', '4x4']);
  });
});

describe('signature page: who signs', () => {
  it('prints "KT." + the head position above the deputy position for a deputy, and no KT. line for a head', async () => {
    const data = blocFixture({ units: 6 });
    const [u1, u2, u3] = data.units as [Unit, Unit, Unit];
    u1.headTitle = 'Giám đốc';
    Object.assign(u2, { headTitle: 'Giám đốc', signer: 'deputy', deputyName: 'Lê Thị Bình', deputyTitle: '' });
    Object.assign(u3, { headTitle: 'Chánh Văn phòng', signer: 'deputy', deputyName: 'Trịnh Văn Cường', deputyTitle: 'Phó Chánh Văn phòng' });
    const probe = await pledgeProbe(data, 2026, { columns: 3 });
    const [c1, c2, c3] = cells(probe, [u1, u2, u3]);

    expect(c1!.titleLines.map((s) => s.text)).toEqual(['GIÁM ĐỐC']);
    expect(c1!.signerName?.text).toBe(u1.head);
    expect(c2!.titleLines.map((s) => s.text)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(c2!.signerName?.text).toBe('Lê Thị Bình');
    expect(c3!.titleLines.map((s) => s.text)).toEqual(['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG']);
    expect(c3!.signerName?.text).toBe('Trịnh Văn Cường');
    // The head's name is not printed when a deputy signs.
    expect(probe.words.some((w) => w.text === u2.head.split(' ').at(-1) && Math.abs((w.xMin + w.xMax) / 2 - c2!.nameLines[0]!.centre) < 30)).toBe(false);
    expect(segments(probe.words).filter((s) => s.text.startsWith('KT.'))).toHaveLength(2);
  });
});

/** Words of two syllables and phrases seen in the names, written independently of the layout code. */
const WORDS = [
  'GIÁO DỤC', 'ĐÀO TẠO', 'LAO ĐỘNG', 'THƯƠNG BINH', 'XÃ HỘI', 'VĂN HÓA', 'THỂ THAO', 'DU LỊCH', 'Y TẾ', 'KHOA HỌC',
  'CÔNG NGHỆ', 'TÀI NGUYÊN', 'MÔI TRƯỜNG', 'NÔNG NGHIỆP', 'PHÁT TRIỂN', 'NÔNG THÔN', 'THÔNG TIN', 'TRUYỀN THÔNG', 'GIAO THÔNG',
  'VẬN TẢI', 'KẾ HOẠCH', 'ĐẦU TƯ', 'TÀI CHÍNH', 'XÂY DỰNG', 'TƯ PHÁP', 'NỘI VỤ', 'NGOẠI VỤ', 'CÔNG THƯƠNG', 'THANH TRA',
  'VĂN PHÒNG', 'DÂN TỘC', 'TÔN GIÁO', 'HỢP TÁC', 'LIÊN MINH', 'CHÍNH TRỊ', 'PHÁT THANH', 'TRUYỀN HÌNH', 'TRUNG TÂM',
  'HÀNH CHÍNH', 'QUẢN LÝ', 'AN TOÀN', 'THỰC PHẨM', 'DỰ ÁN', 'CÔNG TRÌNH', 'CÔNG NGHIỆP', 'XÚC TIẾN', 'BẢO HIỂM', 'CƠ SỞ',
  'HÀNH CHÍNH CÔNG', 'HỢP TÁC XÃ', 'KHU CÔNG NGHIỆP', 'BẢO HIỂM XÃ HỘI',
];
/** The phrases, with "|" where a letterhead may break them when they do not fit a line. */
const PHRASES = ['GIÁO DỤC | VÀ ĐÀO TẠO', 'LAO ĐỘNG - | THƯƠNG BINH | VÀ XÃ HỘI', 'VĂN HÓA, | THỂ THAO | VÀ DU LỊCH'];

/** The breaks of a name that fall inside a word or phrase, as "before / after". */
function badBreaks(lines: string[]): string[] {
  const words = lines.join(' ').split(' ');
  const breaks = new Set<number>();
  let at = 0;
  for (const line of lines.slice(0, -1)) breaks.add((at += line.split(' ').length));
  const bad = new Set<string>();
  const check = (pattern: string) => {
    const tokens = pattern.split(' ');
    const plain = tokens.filter((t) => t !== '|');
    const allowed = new Set<number>();
    tokens.forEach((t, i) => t === '|' && allowed.add(i - allowed.size));
    for (let start = 0; start + plain.length <= words.length; start++) {
      if (!plain.every((w, k) => words[start + k] === w)) continue;
      for (let inner = 1; inner < plain.length; inner++) {
        if (breaks.has(start + inner) && !allowed.has(inner)) bad.add(`${words.slice(0, start + inner).join(' ')} / ${words.slice(start + inner).join(' ')}`);
      }
    }
  };
  WORDS.forEach(check);
  PHRASES.forEach(check);
  return [...bad];
}

describe('signature page: unit names', () => {
  it('the checker itself finds a break inside a word and inside a phrase', () => {
    expect(badBreaks(['SỞ GIÁO DỤC VÀ ĐÀO', 'TẠO'])).toEqual(['SỞ GIÁO DỤC VÀ ĐÀO / TẠO']);
    expect(badBreaks(['SỞ GIÁO DỤC VÀ', 'ĐÀO TẠO'])).toEqual(['SỞ GIÁO DỤC VÀ / ĐÀO TẠO']);
    expect(badBreaks(['SỞ GIÁO DỤC', 'VÀ ĐÀO TẠO'])).toEqual([]);
  });

  const blocs: [string, () => BlocData, number][] = [
    ['the sample bloc', () => buildSampleBlocData(NOW), 2024],
    ['a 40-unit demo bloc', () => buildSyntheticBlocData({ units: 40, criteria: 0, years: 1, now: NOW }), 2024],
    ['40 units of the test fixture', () => blocFixture({ units: 40 }), 2026],
  ];
  for (const [label, build, year] of blocs) {
    for (const columns of [2, 3] as const) {
      it(`${label}, ${columns} columns: no name breaks inside a word or phrase; positions of a row on one line`, async () => {
        const data = build();
        const units = pledgeUnits(data, pledgeForYear(data, year, NOW));
        const probe = await pledgeProbe(data, year, { columns });
        const read = cells(probe, units);
        const problems = read.flatMap((c) => badBreaks(c.nameLines.map((s) => s.text)));
        expect(problems).toEqual([]);
        for (let start = 0; start < read.length; start += columns) {
          const row = read.slice(start, start + columns);
          const tops = row.map((c) => c.titleLines[0]!.yMin);
          expect(Math.max(...tops) - Math.min(...tops), `hàng ${start / columns + 1}: ${row.map((c) => c.unit.code).join(', ')}`).toBeLessThan(0.5);
          // The signers' names share a line too.
          const names = row.map((c) => c.signerName!.yMin);
          expect(Math.max(...names) - Math.min(...names)).toBeLessThan(0.5);
        }
      });
    }
  }

  it('breaks the sample names where a letterhead would', async () => {
    const data = buildSampleBlocData(NOW);
    const read = cells(await pledgeProbe(data, 2024, { columns: 3 }), data.units);
    const lines = Object.fromEntries(read.map((c) => [c.unit.code, c.nameLines.map((s) => s.text)]));
    expect(lines).toEqual({
      SYT: ['SỞ Y TẾ'],
      SGDDT: ['SỞ GIÁO DỤC', 'VÀ ĐÀO TẠO'],
      SLDTBXH: ['SỞ LAO ĐỘNG -', 'THƯƠNG BINH', 'VÀ XÃ HỘI'],
      SVHTTDL: ['SỞ VĂN HÓA,', 'THỂ THAO VÀ DU LỊCH'],
      BHXH: ['BẢO HIỂM XÃ HỘI TỈNH'],
      BQLATTP: ['BAN QUẢN LÝ AN TOÀN', 'THỰC PHẨM TỈNH'],
      DPTTH: ['ĐÀI PHÁT THANH', 'VÀ TRUYỀN HÌNH TỈNH'],
      TTHCC: ['TRUNG TÂM', 'HÀNH CHÍNH CÔNG', 'TỈNH'],
    });
  });
});
