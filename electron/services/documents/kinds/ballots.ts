/**
 * Phiếu bầu: one ballot per unit present plus spares, one A4 each or two A5 side by side on a
 * landscape A4. Each carries the bloc's header, an empty box for the organiser's stamp (upper
 * left), "PHIẾU BẦU" with the year, "Lần bỏ phiếu thứ …" from round 2, one section per award
 * (and next year's Khối trưởng / Khối phó when elected) with "chọn không quá N đơn vị" and the
 * eligible units in the bloc's order, and the marking instructions. Nothing on a ballot tells one
 * copy from another: no serial number, no page number.
 *
 * The sections come from the vote engine's ballot plans (shared/domain/vote/plan.ts): round 1 from
 * the rules, a later round from the tally's offer (a tie, no unit passing).
 */
import { UserError } from '../../../../shared/errors';
import type { DocumentOptions } from '../../../../shared/api/channels/documents';
import { firstBallotPlan, nextBallotPlan, type BallotSectionPlan } from '../../../../shared/domain/vote/plan';
import { tally } from '../../../../shared/domain/vote/tally';
import type { InvalidScope } from '../../../../shared/domain/vote/types';
import type { BlocData } from '../../../../shared/model/records';
import { deepNfc, upperVi } from '../../../../shared/text/vietnamese';
import { headerLayout } from '../base/header';
import { mm, pageGeometry, type PageGeometry } from '../base/page';
import { wrapLines } from '../base/text';
import { borderedTable, copies, documentModel, header, keepTogether, pageBreak, run, textCell, type Block, type DocumentModel, type Issuer, type TableBlock, type TableCell } from '../model/index';
import type { DocumentModule } from './kind';
import { documentVote, issuerOf, roman, type DocumentVote } from './vote-data';

export interface BallotPaper {
  issuer: Issuer;
  year: number;
  round: number;
  sections: BallotSectionPlan[];
  name: (code: string) => string;
  invalidScope: InvalidScope;
}

/** The sections due in a round, filtered to `sectionIds`; UserError when none is. */
export function ballotSections(dv: DocumentVote, round: number, sectionIds?: readonly string[]): BallotSectionPlan[] {
  let plans: BallotSectionPlan[];
  if (round === 1) {
    plans = dv.inputs.flatMap((input) => firstBallotPlan(input));
  } else {
    const results = dv.inputs.map((input) => tally(input));
    plans = results.flatMap((r) => nextBallotPlan(r)).filter((p) => p.round === round);
    if (plans.length === 0) {
      const why = results.flatMap((r) =>
        r.sections.map((s) =>
          s.nextRound && s.nextRound.reason !== 'notEntered'
            ? `${s.title}: lần bỏ phiếu tiếp theo là lần thứ ${s.nextRound.round}`
            : s.blocked
              ? `${s.title}: số liệu kiểm phiếu còn lỗi hoặc chưa nhập`
              : `${s.title}: đã có kết quả, không cần bỏ phiếu lại`,
        ),
      );
      throw new UserError('ballots-round-not-due', `Không có mục nào cần bỏ phiếu lần thứ ${round} năm ${dv.ctx.year}:\n${why.join('\n')}`, why);
    }
  }
  if (sectionIds?.length) {
    const known = new Map(plans.map((p) => [p.id, p]));
    const unknown = sectionIds.filter((id) => !known.has(id));
    if (unknown.length) {
      throw new UserError(
        'ballots-section-unknown',
        `Phiếu bầu lần thứ ${round} không có mục ${unknown.map((id) => `"${id}"`).join(', ')} (các mục: ${plans.map((p) => `"${p.id}" – ${p.title}`).join('; ')}).`,
      );
    }
    plans = sectionIds.map((id) => known.get(id)!);
  }
  // A quota of 0 ("50% of the units left" when none is left) or no candidate: nothing to vote on.
  const votable = plans.filter((p) => p.seats > 0 && p.candidates.length > 0);
  if (votable.length === 0) {
    throw new UserError('ballots-empty', `Năm ${dv.ctx.year} không có mục nào để bỏ phiếu (chỉ tiêu bằng 0 hoặc không có đơn vị đủ điều kiện).`);
  }
  return votable;
}

interface Sizes {
  body: number;
  title: number;
  table: number;
  note: number;
  padding: { x: number; y: number };
  stampBox: number;
}
const A4_SIZES: Sizes = { body: 13, title: 16, table: 12, note: 12, padding: { x: 4, y: 2 }, stampBox: 96 };
const A5_SIZES: Sizes = { body: 11, title: 14, table: 11, note: 10, padding: { x: 3, y: 2 }, stampBox: 78 };

const STT_WIDTH = 26;
/** Sections of up to this many units are kept on one page. */
const KEEP_WHOLE_ROWS = 25;
const AGREE_WIDTH = 52;
const DISAGREE_WIDTH = 66;

/** "Bình xét thi đua, khen thưởng năm 2024 và bầu Khối trưởng, Khối phó năm 2025". */
function purpose(paper: BallotPaper): string {
  const parts: string[] = [];
  if (paper.sections.some((s) => s.kind === 'award')) parts.push(`bình xét thi đua, khen thưởng năm ${paper.year}`);
  const offices = paper.sections.filter((s) => s.kind === 'office').map((s) => s.title);
  if (offices.length) {
    const suffix = / năm \d{4}$/.exec(offices[0]!)?.[0] ?? '';
    const shared = suffix && offices.every((t) => t.endsWith(suffix));
    parts.push(`bầu ${shared ? `${offices.map((t) => t.slice(0, -suffix.length)).join(', ')}${suffix}` : offices.join(', ')}`);
  }
  const text = parts.join(' và ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function headingText(section: BallotSectionPlan, index: number): string {
  const what = section.kind === 'office' ? `BẦU ${upperVi(section.title)}` : `ĐỀ NGHỊ TẶNG ${upperVi(section.title)}`;
  return `${roman(index + 1)}. ${what}`;
}

/** The marking instructions, for the marking modes on the paper and where an over-marked ballot is invalid. */
export function ballotGuidance(sections: readonly BallotSectionPlan[], scope: InvalidScope): string {
  const tick = sections.some((s) => s.marking === 'tick');
  const approve = sections.some((s) => s.marking === 'approve');
  const how =
    tick && approve
      ? 'Ở mục có một cột «Đồng ý», đánh dấu X vào ô của đơn vị được chọn; ở mục có hai cột «Đồng ý» và «Không đồng ý», đánh dấu X vào một trong hai ô của mỗi đơn vị.'
      : approve
        ? 'Ở mỗi đơn vị, đánh dấu X vào một trong hai ô «Đồng ý» hoặc «Không đồng ý».'
        : 'Đánh dấu X vào ô «Đồng ý» của đơn vị được chọn.';
  const over = scope === 'ballot' ? 'là phiếu không hợp lệ' : 'không hợp lệ ở mục đó';
  return `${how} Mỗi mục chọn không quá số đơn vị ghi ở mục đó; phiếu chọn quá số đơn vị ${over}. Phiếu không có dấu của Ban tổ chức, phiếu ghi thêm nội dung hoặc ký tên là phiếu không hợp lệ.`;
}

function sectionTable(section: BallotSectionPlan, paper: BallotPaper, sizes: Sizes): TableBlock {
  const approve = section.marking === 'approve';
  const head = (text: string): TableCell => textCell(text, { bold: true, align: 'center' });
  const rows: (TableCell | null)[][] = [[head('STT'), head('Tên đơn vị'), head('Đồng ý'), ...(approve ? [head('Không đồng ý')] : [])]];
  section.candidates.forEach((code, i) => {
    rows.push([textCell(String(i + 1), { align: 'center' }), textCell(paper.name(code)), textCell(''), ...(approve ? [textCell('')] : [])]);
  });
  return borderedTable([STT_WIDTH, '*', AGREE_WIDTH, ...(approve ? [DISAGREE_WIDTH] : [])], rows, { fontSize: sizes.table, padding: sizes.padding });
}

/** One ballot's content. */
export function ballotBlocks(paper: BallotPaper, sizes: Sizes): Block[] {
  const lines = (n: number) => Array.from({ length: n }, () => ({ runs: [run(' ')], size: sizes.body }));
  // The stamp box takes its height from blank lines, so both renderers make it about square.
  const boxLines = Math.round(sizes.stampBox / (sizes.body * 1.15));
  const titleParas = [
    { runs: [run('PHIẾU BẦU', { bold: true })], align: 'center' as const, size: sizes.title, spaceBefore: sizes.body },
    { runs: [run(purpose(paper), { bold: true })], align: 'center' as const, size: sizes.body, spaceBefore: 2 },
    ...(paper.round > 1 ? [{ runs: [run(`Lần bỏ phiếu thứ ${paper.round}`, { italics: true })], align: 'center' as const, size: sizes.body, spaceBefore: 2 }] : []),
  ];
  // On A4 a blank column as wide as the box keeps the title in the middle of the page; on A5 the title needs that room.
  const centred = sizes === A4_SIZES;
  const titleRow: TableBlock = {
    kind: 'table',
    columns: [{ width: sizes.stampBox }, { width: '*' }, ...(centred ? [{ width: sizes.stampBox }] : [])],
    headerRows: 0,
    rows: [[{ paras: lines(boxLines), box: true }, { paras: titleParas }, ...(centred ? [{ paras: [{ runs: [run('')] }] }] : [])]],
    borders: false,
    padding: { x: 4, y: 0 },
  };
  const blocks: Block[] = [header(paper.issuer, { place: '', date: null }), { kind: 'paragraph', runs: [run('')], size: 4 }, titleRow];
  const guidance: Block = {
    kind: 'paragraph',
    runs: [run('Hướng dẫn: ', { bold: true, italics: true }), run(ballotGuidance(paper.sections, paper.invalidScope), { italics: true })],
    align: 'justify',
    size: sizes.note,
    spaceBefore: sizes.body * 0.7,
    lineHeight: 1.05,
  };
  paper.sections.forEach((s, i) => {
    const heading: Block = {
      kind: 'paragraph',
      runs: [run(headingText(s, i), { bold: true }), run(` (${s.instruction})`, { italics: true })],
      size: sizes.body,
      spaceBefore: sizes.body * 0.7,
      spaceAfter: 3,
      lineHeight: 1.05,
    };
    // A section that fits on a page stays whole (the last one with the instructions); a longer list runs on, its header row repeated.
    const table = sectionTable(s, paper, sizes);
    const part: Block[] = [heading, table, ...(i === paper.sections.length - 1 ? [guidance] : [])];
    blocks.push(...(s.candidates.length <= KEEP_WHOLE_ROWS ? [keepTogether(part)] : part));
  });
  return blocks;
}

/**
 * Two A5 ballots on a landscape A4: the same margin on every edge of each half once cut along the
 * dashed line in the middle of the sheet (the page margin outside, the copy's padding inside).
 */
const A5_MARGIN_MM = 8;
const A5_PADDING = { x: mm(A5_MARGIN_MM), y: 2 };

/** The width and height one A5 copy has. */
function halfPage(): PageGeometry {
  const g = pageGeometry({ margins: { top: A5_MARGIN_MM, bottom: A5_MARGIN_MM, left: A5_MARGIN_MM, right: A5_MARGIN_MM } }, 'landscape');
  return { ...g, contentWidth: g.contentWidth / 2 - 2 * A5_PADDING.x - 0.5, contentHeight: g.contentHeight - 6 - 2 * A5_PADDING.y };
}

/**
 * The height a ballot takes on an A5 half page, estimated with the font's metrics (a little over,
 * never under, so a ballot said to fit does fit).
 */
export function ballotHeight(paper: BallotPaper, sizes: Sizes, geometry: PageGeometry): number {
  const line = (size: number, lineHeight = 1.05) => size * 1.15 * lineHeight;
  const width = geometry.contentWidth;
  const layout = headerLayout(geometry, { issuer: paper.issuer, place: '', date: null });
  const column = (ls: { text: string; size: number }[]) => ls.reduce((h, l) => h + l.text.split('\n').length * line(l.size, 1.1), 0);
  let h = Math.max(column(layout.left) + 6, column(layout.right) + 4) + 4;
  h += Math.max(sizes.stampBox, 3 * line(sizes.title)) + 4;
  const nameWidth = (approve: boolean) => width - STT_WIDTH - AGREE_WIDTH - (approve ? DISAGREE_WIDTH : 0) - 2 * sizes.padding.x * (approve ? 4 : 3);
  paper.sections.forEach((s, i) => {
    const heading = `${headingText(s, i)} (${s.instruction})`;
    h += sizes.body * 0.7 + 3 + wrapLines(heading, width, sizes.body, true).length * line(sizes.body);
    const row = (n: number) => n * line(sizes.table) + 2 * sizes.padding.y + 0.5;
    h += row(1);
    const nw = nameWidth(s.marking === 'approve');
    for (const code of s.candidates) h += row(wrapLines(paper.name(code), nw, sizes.table, false).length);
  });
  const guide = `Hướng dẫn: ${ballotGuidance(paper.sections, paper.invalidScope)}`;
  h += sizes.body * 0.7 + wrapLines(guide, width, sizes.note, false).length * line(sizes.note);
  return h * 1.04;
}

export interface BallotsOptions {
  round?: number;
  sectionIds?: string[];
  copies?: number;
  spares?: number;
  perPage?: 1 | 2;
}

/** The ballots of a year as a document. */
export function ballotsModel(rawData: BlocData, year: number, options: BallotsOptions & { vote?: unknown }): DocumentModel {
  const data = deepNfc(rawData);
  const round = options.round ?? 1;
  const dv = documentVote(data, year, options.vote);
  if (round > 1 && !dv.fromRecord && dv.inputs.every((i) => i.sections.every((s) => s.rounds.length === 0))) {
    throw new UserError(
      'ballots-no-result',
      `Chưa có kết quả kiểm phiếu năm ${year} nên chưa lập được phiếu bầu lần thứ ${round}: danh sách bỏ phiếu lại lấy từ kết quả các lần trước.`,
    );
  }
  const sections = ballotSections(dv, round, options.sectionIds);
  const present = dv.inputs[0]?.present.length ?? dv.ctx.present.length;
  const count = options.copies ?? present + (options.spares ?? 0);
  if (count < 1) throw new UserError('ballots-no-copies', `Năm ${year} chưa có đơn vị nào có mặt: ghi số phiếu cần in.`);
  const paper: BallotPaper = {
    issuer: issuerOf(data),
    year,
    round,
    sections,
    name: dv.name,
    invalidScope: dv.inputs[0]?.invalidScope ?? dv.ctx.rules.invalidScope,
  };
  const meta = { title: `Phiếu bầu năm ${year}${round > 1 ? `, lần bỏ phiếu thứ ${round}` : ''}`, author: paper.issuer.body };
  if ((options.perPage ?? 1) === 2) {
    const geometry = halfPage();
    const needed = ballotHeight(paper, A5_SIZES, geometry);
    if (needed > geometry.contentHeight) {
      throw new UserError(
        'ballots-too-long-for-a5',
        `Phiếu bầu có ${sections.length} mục, ${sections.reduce((n, s) => n + s.candidates.length, 0)} dòng đơn vị: không vừa khổ A5 (2 phiếu trên một trang A4). Hãy in mỗi phiếu một trang A4, hoặc in riêng từng mục.`,
      );
    }
    const margins = { top: A5_MARGIN_MM, bottom: A5_MARGIN_MM, left: A5_MARGIN_MM, right: A5_MARGIN_MM };
    return documentModel(meta, [copies(ballotBlocks(paper, A5_SIZES), count, 2, 1, true, A5_PADDING)], { orientation: 'landscape', pageNumbers: false, margins });
  }
  // One A4 per ballot (a long ballot runs on): the copies one after another, each from a new page.
  const one = ballotBlocks(paper, A4_SIZES);
  const body: Block[] = [];
  for (let i = 0; i < count; i++) body.push(...(i > 0 ? [pageBreak()] : []), ...one);
  return documentModel(meta, body, { pageNumbers: false });
}

export const ballotsKind: DocumentModule = {
  kind: 'ballots',
  title: 'Phiếu bầu',
  formats: ['pdf', 'docx'],
  options: ['round', 'sectionIds', 'copies', 'spares', 'perPage', 'vote'],
  fileName: (_data, year, options: DocumentOptions) => `Phieu-bau-${year}${(options.round ?? 1) > 1 ? `-lan-${options.round}` : ''}`,
  build: (data, year, options) => ballotsModel(data, year, options),
};

