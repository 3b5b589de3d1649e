/**
 * The checks every printed document passes (Nghị định 30/2020/NĐ-CP, Phụ lục I), read back from
 * the PDF as a viewer sees it: A4 and margins, fonts embedded, every string NFC, the national motto
 * (or the Party's name), the number and date line in their form, page numbers centred in the top
 * margin from page 2, no signature block parted from its signer's name, "Nơi nhận" where the kind
 * has one. `nd30Problems` lists what fails, in words, so a test shows every problem at once.
 */
import { NATIONAL_MOTTO, NATIONAL_NAME, PARTY_NAME } from '../../../electron/services/documents/base/header';
import type { Block, DocumentModel, Signer } from '../../../electron/services/documents/model/types';
import { upperVi } from '../../../shared/text/vietnamese';
import { segments, type PdfProbe, type Segment } from './pdf-probe';

const MM = 72 / 25.4;
/** Nghị định 30/2020: margins top 20–25, bottom 20–25, left 30–35, right 15–20 mm. */
export const ND30_MARGINS = { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 20] } as const;
const A4 = { width: 595.28, height: 841.89 };
/** Slack for glyph boxes (pdftotext reports the font's box, a little beyond the line). */
const SLACK = 2;

export interface Nd30Expectations {
  partyFormat: boolean;
  /** The header carries a number ("Số: 05/BB-KTĐVHXH"). */
  numbered: boolean;
  /** The header carries a place and date line. */
  dated: boolean;
  pageNumbers: boolean;
  /** The document ends with "Nơi nhận:". */
  recipients: boolean;
  /** Signers whose name must stay on the page of their block's position line. */
  signers: Pick<Signer, 'title' | 'name'>[];
}

function walk(blocks: Block[], visit: (b: Block) => void): void {
  for (const b of blocks) {
    visit(b);
    if (b.kind === 'copies') walk(b.blocks, visit);
  }
}

/** What the model says the PDF must show. */
export function expectationsOf(model: DocumentModel): Nd30Expectations {
  const out: Nd30Expectations = { partyFormat: false, numbered: false, dated: false, pageNumbers: model.pageNumbers, recipients: false, signers: [] };
  let header = false;
  walk(model.body, (b) => {
    if (b.kind === 'header' && !header) {
      header = true;
      out.partyFormat = b.issuer.partyFormat;
      out.numbered = /\d/.test(b.number ?? '');
      out.dated = b.date !== null;
    }
    if (b.kind === 'closing') {
      if (b.recipients.length) out.recipients = true;
      if (b.signer) out.signers.push(b.signer);
    }
    if (b.kind === 'signature') out.signers.push(b.signer);
    if (b.kind === 'signature-grid') out.signers.push(...b.cells);
  });
  out.signers = out.signers.filter((s) => s.name.trim() && s.title.trim());
  return out;
}

/** "ngày 05 tháng 01 năm 2026": the day with two digits, months 1–2 with a leading zero, 3–12 without. */
export function dateLineProblem(text: string): string | null {
  const m = /ngày (\S+) tháng (\S+) năm (\d{4})/.exec(text);
  if (!m) return 'không có dòng "ngày … tháng … năm …"';
  const [, day, month] = m as unknown as [string, string, string];
  if (!/^\d{2}$/.test(day) || Number(day) < 1 || Number(day) > 31) return `ngày "${day}" phải có 2 chữ số`;
  const mo = Number(month);
  if (!/^\d{1,2}$/.test(month) || mo < 1 || mo > 12) return `tháng "${month}" không hợp lệ`;
  if (mo <= 2 && month.length !== 2) return `tháng ${mo} phải viết "0${mo}"`;
  if (mo >= 3 && mo <= 9 && month.length !== 1) return `tháng ${mo} không có số 0 đứng trước ("${month}")`;
  return null;
}

/** The number line of the State ("Số: 05/BB-KTĐVHXH") or Party ("Số 05-BB/ĐUK") format. */
export function numberLineProblem(text: string, partyFormat: boolean): string | null {
  const state = /Số: (\d+)\/[\p{L}]+-[\p{L}\p{N}-]+/u.exec(text);
  const party = /Số (\d+)-[\p{L}]+\/[\p{L}\p{N}-]+/u.exec(text);
  const m = partyFormat ? party : state;
  if (!m) return `không có dòng số, ký hiệu dạng ${partyFormat ? '"Số 05-BB/…"' : '"Số: 05/BB-…"'}`;
  const n = m[1]!;
  if (Number(n) < 10 && n.length !== 2) return `số ${n} dưới 10 phải có số 0 đứng trước`;
  return null;
}

function lines(segs: Segment[], page: number): Segment[] {
  return segs.filter((s) => s.page === page);
}

/** Every rule the PDF breaks, in Vietnamese; empty when it passes. */
export function nd30Problems(probe: PdfProbe, expect: Nd30Expectations): string[] {
  const problems: string[] = [];
  // A4
  probe.sizes.forEach((s, i) => {
    const portrait = Math.abs(s.width - A4.width) < 0.5 && Math.abs(s.height - A4.height) < 0.5;
    const landscape = Math.abs(s.width - A4.height) < 0.5 && Math.abs(s.height - A4.width) < 0.5;
    if (!portrait && !landscape) problems.push(`trang ${i + 1} không phải khổ A4 (${s.width} × ${s.height})`);
  });
  // Fonts and text
  for (const f of probe.fonts) if (!f.embedded || !f.unicode) problems.push(`phông ${f.name} chưa được nhúng đủ (embedded=${f.embedded}, unicode=${f.unicode})`);
  if (probe.fonts.length === 0) problems.push('không có phông chữ nào');
  if (probe.layoutText !== probe.layoutText.normalize('NFC')) problems.push('có chuỗi không ở dạng dựng sẵn (NFC)');
  if (probe.layoutText.includes('\uFFFD')) problems.push('có ký tự không hiển thị được (U+FFFD)');

  // Margins: page numbers sit in the top margin on purpose.
  const top = ND30_MARGINS.top[0] * MM;
  const body = probe.words.filter((w) => !(w.page >= 2 && w.yMax <= top && /^\d+$/.test(w.text)));
  for (let page = 1; page <= probe.pages; page++) {
    const size = probe.sizes[page - 1]!;
    const on = body.filter((w) => w.page === page);
    if (!on.length) continue;
    const left = Math.min(...on.map((w) => w.xMin));
    const right = Math.max(...on.map((w) => w.xMax));
    const upper = Math.min(...on.map((w) => w.yMin));
    const lower = Math.max(...on.map((w) => w.yMax));
    if (left < ND30_MARGINS.left[0] * MM - SLACK) problems.push(`trang ${page}: chữ lấn lề trái (${(left / MM).toFixed(1)} mm < 30 mm)`);
    if (right > size.width - ND30_MARGINS.right[0] * MM + SLACK) problems.push(`trang ${page}: chữ lấn lề phải (${((size.width - right) / MM).toFixed(1)} mm < 15 mm)`);
    if (upper < top - SLACK) problems.push(`trang ${page}: chữ lấn lề trên (${(upper / MM).toFixed(1)} mm < 20 mm)`);
    if (lower > size.height - ND30_MARGINS.bottom[0] * MM + SLACK) problems.push(`trang ${page}: chữ lấn lề dưới (${((size.height - lower) / MM).toFixed(1)} mm < 20 mm)`);
    if (page === 1 && upper > ND30_MARGINS.top[1] * MM + 6) problems.push(`trang 1: lề trên rộng quá 25 mm (${(upper / MM).toFixed(1)} mm)`);
  }
  // The widest lines reach the margins' inner bounds somewhere in the document (margins no wider than allowed).
  if (body.length) {
    const left = Math.min(...body.map((w) => w.xMin));
    if (left > ND30_MARGINS.left[1] * MM + 8) problems.push(`lề trái rộng quá 35 mm (${(left / MM).toFixed(1)} mm)`);
  }

  // Header: national motto or Party name on page 1.
  const segs = segments(probe.words);
  const page1 = lines(segs, 1).map((s) => s.text).join('\n');
  if (expect.partyFormat) {
    if (!page1.includes(PARTY_NAME)) problems.push(`thiếu "${PARTY_NAME}" ở đầu văn bản`);
    if (page1.includes(NATIONAL_NAME)) problems.push('văn bản của Đảng không dùng quốc hiệu');
  } else {
    if (!page1.includes(NATIONAL_NAME)) problems.push(`thiếu quốc hiệu "${NATIONAL_NAME}"`);
    if (!page1.includes(NATIONAL_MOTTO)) problems.push(`thiếu tiêu ngữ "${NATIONAL_MOTTO}"`);
  }
  if (expect.numbered) {
    const p = numberLineProblem(page1, expect.partyFormat);
    if (p) problems.push(p);
  }
  if (expect.dated) {
    const p = dateLineProblem(page1);
    if (p) problems.push(p);
  }

  // Page numbers: none on page 1; from page 2 the page's number alone, centred in the top margin.
  for (let page = 1; page <= probe.pages; page++) {
    const size = probe.sizes[page - 1]!;
    const inMargin = probe.words.filter((w) => w.page === page && w.yMax <= top);
    const centre = (ND30_MARGINS.left[0] * MM + size.width - ND30_MARGINS.right[0] * MM) / 2;
    if (!expect.pageNumbers || page === 1) {
      if (inMargin.length) problems.push(`trang ${page} có chữ trong lề trên: "${inMargin.map((w) => w.text).join(' ')}"`);
      continue;
    }
    if (inMargin.length !== 1 || inMargin[0]!.text !== String(page)) {
      problems.push(`trang ${page}: lề trên phải chỉ có số trang ${page}, có "${inMargin.map((w) => w.text).join(' ')}"`);
    } else if (Math.abs((inMargin[0]!.xMin + inMargin[0]!.xMax) / 2 - centre) > 3) {
      problems.push(`trang ${page}: số trang không ở giữa`);
    }
  }

  // Signature blocks: the position line and the signer's name on one page, the name below, centred alike.
  for (const s of expect.signers) {
    const title = upperVi(s.title.trim());
    const name = s.name.trim();
    const titles = segs.filter((x) => x.text === title);
    const names = segs.filter((x) => x.text === name);
    if (!titles.length) problems.push(`không thấy dòng chức vụ "${title}"`);
    else if (!names.length) problems.push(`không thấy tên người ký "${name}"`);
    else if (!titles.some((t) => names.some((n) => n.page === t.page && n.yMin > t.yMax && Math.abs(n.centre - t.centre) < 3))) {
      problems.push(`khối chữ ký "${title}" bị tách khỏi tên "${name}" (trang ${titles.map((t) => t.page).join(', ')} / ${names.map((n) => n.page).join(', ')})`);
    }
  }

  // "Nơi nhận:" where the kind has one, with "Lưu" as its last line.
  const all = segs.map((s) => s.text).join('\n');
  if (expect.recipients) {
    if (!all.includes('Nơi nhận:')) problems.push('thiếu "Nơi nhận:"');
    else if (!/- Lưu: VT[^\n]*\./.test(all)) problems.push('"Nơi nhận" không kết thúc bằng "- Lưu: VT…."');
  } else if (all.includes('Nơi nhận:')) {
    problems.push('có "Nơi nhận:" ở văn bản không có nơi nhận');
  }
  return problems;
}
