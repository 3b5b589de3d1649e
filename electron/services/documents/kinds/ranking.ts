/**
 * Bảng tổng hợp kết quả chấm điểm thi đua năm …: A4 landscape; the bloc's header; one row per unit
 * in rank order (STT, unit, self total, the verified result: criteria points, bonus, deduction,
 * total; rank with "đồng hạng", classification, remarks: eligibility, unverified criteria); units
 * that sent nothing last as "chưa nộp", never with 0; notes under the table (what the columns add
 * up to, why units of equal total are placed as they are, the chair's decisions); signed by the
 * year's leader unit (TM. KHỐI THI ĐUA / KHỐI TRƯỞNG).
 *
 * Eligibility, decisions and bands come from yearRankingExtras (services/ranking/year-ranking.ts).
 */
import { UserError } from '../../../../shared/errors';
import { officeDate } from '../../../../shared/domain/office-time';
import { eligibilityNote, type RankedUnit } from '../../../../shared/domain/ranking';
import { NOT_SUBMITTED_TEXT } from '../../../../shared/domain/scoring';
import type { BlocData } from '../../../../shared/model/records';
import { deepNfc, formatNumberVi } from '../../../../shared/text/vietnamese';
import { yearRanking, type YearRanking } from '../../ranking/year-ranking';
import {
  borderedTable,
  bodyParagraph,
  documentModel,
  header,
  signatureBlock,
  textCell,
  title,
  type Block,
  type DocumentModel,
  type ParagraphBlock,
  type TableBlock,
  type TableCell,
} from '../model/index';
import { blocSigner, leaderUnit } from './bloc-signer';
import type { DocumentModule } from './kind';

export const RANKING_TITLE = 'Bảng tổng hợp kết quả chấm điểm thi đua';

const pts = (n: number | null | undefined) => (n === null || n === undefined ? '' : formatNumberVi(n));

/** "2 (đồng hạng)" for a shared rank. */
export function rankText(e: RankedUnit): string {
  if (e.rank === null) return '';
  return e.tiedWith.length > 0 ? `${e.rank} (đồng hạng)` : String(e.rank);
}

/**
 * What a unit's row says beside its rank, short enough for the column: not eligible (with the
 * reason and the document it rests on), what remains to decide a shared rank, criteria not yet
 * verified or counted within their range. The long forms are the ranking's own notes.
 */
export function rankingRemarks(e: RankedUnit): string[] {
  const out: string[] = [];
  if (!e.eligible && e.eligibility) out.push(eligibilityNote(e.eligibility));
  if (e.pending === 'revote') out.push('Chờ bỏ phiếu lại giữa các đơn vị đồng hạng.');
  if (e.pending === 'chairDecides') out.push('Chờ chủ trì hội nghị quyết định.');
  if (e.submitted && e.unverified.length > 0) out.push(`Còn ${e.unverified.length} tiêu chí chưa thẩm định.`);
  if (e.totals && e.totals.clamped.length > 0) out.push(`${e.totals.clamped.length} tiêu chí ngoài khung điểm, tính trong giới hạn.`);
  return out;
}

/** What a unit that is not ranked shows across its score columns. */
function notRankedText(e: RankedUnit): string {
  return e.status === 'missing' ? NOT_SUBMITTED_TEXT : `${NOT_SUBMITTED_TEXT} đủ (còn ${e.missing.length} tiêu chí chưa chấm)`;
}

const head = (text: string, span: Pick<TableCell, 'rowSpan' | 'colSpan'> = {}): TableCell => ({
  ...textCell(text, { bold: true, align: 'center' }),
  ...span,
  valign: 'middle',
});
const num = (text: string, bold = false): TableCell => ({ ...textCell(text, { align: 'center', bold }), valign: 'middle' });

function rankingTable(entries: readonly RankedUnit[]): TableBlock {
  const rows: (TableCell | null)[][] = [
    [
      head('STT', { rowSpan: 2 }),
      head('Đơn vị', { rowSpan: 2 }),
      head('Điểm tự chấm', { rowSpan: 2 }),
      head('Kết quả thẩm định', { colSpan: 4 }),
      null,
      null,
      null,
      head('Xếp hạng', { rowSpan: 2 }),
      head('Xếp loại', { rowSpan: 2 }),
      head('Ghi chú', { rowSpan: 2 }),
    ],
    [null, null, null, head('Điểm các tiêu chí'), head('Điểm thưởng'), head('Điểm trừ'), head('Tổng điểm'), null, null, null],
  ];
  entries.forEach((e, i) => {
    const remarks = rankingRemarks(e).join(' ');
    const name = { ...textCell(e.name), valign: 'middle' as const };
    const note = { ...textCell(remarks, { italics: true }), valign: 'middle' as const };
    if (!e.submitted) {
      rows.push([num(String(i + 1)), name, { ...textCell(notRankedText(e), { italics: true, align: 'center' }), colSpan: 7, valign: 'middle' }, null, null, null, null, null, null, note]);
      return;
    }
    const t = e.totals!;
    rows.push([
      num(String(i + 1)),
      name,
      num(pts(e.selfTotal)),
      num(pts(t.base)),
      num(pts(t.bonus)),
      num(pts(t.deduction)),
      num(pts(t.total), true),
      num(rankText(e), true),
      num(e.classification ?? ''),
      note,
    ]);
  });
  // Landscape A4 with the ND 30/2020 margins leaves about 714 pt; 8 pt of padding per column.
  return borderedTable([26, '*', 44, 50, 42, 36, 42, 56, 52, 140], rows, { headerRows: 2 });
}

const note = (text: string): ParagraphBlock => ({ ...bodyParagraph(text), spaceAfter: 3, size: 12 });

/** Notes under the table: how the columns add up, and why units of equal total are where they are. */
function rankingNotes(entries: readonly RankedUnit[]): Block[] {
  const out: Block[] = [
    {
      ...note(''),
      runs: [
        { text: 'Ghi chú: ', bold: true, italics: true },
        {
          text:
            'Điểm các tiêu chí là điểm sau thẩm định của các nhóm tiêu chí (tiêu chí chưa thẩm định tính theo điểm tự chấm); Tổng điểm = Điểm các tiêu chí + Điểm thưởng − Điểm trừ. ' +
            `Đơn vị ${NOT_SUBMITTED_TEXT} phiếu tự chấm (hoặc chưa chấm đủ các tiêu chí) chưa được xếp hạng.`,
        },
      ],
      spaceBefore: 8,
    },
  ];
  // One sentence per shared rank (its first unit speaks for the group), then every tie rule or decision that separated equal totals.
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.sharedRankNote) {
      const key = [e.code, ...e.tiedWith].sort().join('|');
      if (!seen.has(key)) out.push(note(e.sharedRankNote));
      seen.add(key);
    }
    if (e.separatedNote) out.push(note(e.separatedNote));
  }
  return out;
}

/** The ranking of the year as a document. */
export function rankingModel(rawData: BlocData, ranking: YearRanking, now: string): DocumentModel {
  const data = deepNfc(rawData);
  const year = ranking.ctx.year.year;
  const entries = ranking.result.entries.map((e) => deepNfc(e));
  if (entries.length === 0) {
    throw new UserError('ranking-no-units', `Năm ${year} chưa có đơn vị thành viên nào để lập ${RANKING_TITLE.toLowerCase()}.`);
  }
  const leader = leaderUnit(data, year, `${RANKING_TITLE.toLowerCase()} năm ${year}`);
  const table = ranking.ctx.table;
  const body: Block[] = [
    header(
      { parent: data.bloc.issuingParent, body: data.bloc.issuingBody.trim() || data.bloc.name, partyFormat: data.bloc.partyFormat },
      { place: data.bloc.province, date: officeDate(now) },
    ),
    title(`${RANKING_TITLE} năm ${year}`, {
      notes: [`(Theo ${table.title.trim() || `bảng chấm điểm thi đua năm ${year}`}, phiên bản ${table.version})`],
    }),
    rankingTable(entries),
    ...rankingNotes(entries),
    signatureBlock(blocSigner(leader), { position: 'right', width: 0.42 }),
  ];
  return documentModel({ title: `${RANKING_TITLE} năm ${year}`, author: data.bloc.issuingBody || data.bloc.name }, body, { orientation: 'landscape' });
}

export const rankingKind: DocumentModule = {
  kind: 'ranking',
  title: RANKING_TITLE,
  formats: ['pdf', 'docx'],
  options: [],
  fileName: (_data, year) => `Bang-tong-hop-ket-qua-cham-diem-${year}`,
  build: (data, year, _options, { now }) => rankingModel(data, yearRanking(data, year), now),
};
