/**
 * Thông báo kết quả thẩm định (one unit): the bloc's header, "THÔNG BÁO" with its subject, the
 * unit addressed, the criteria whose verified score differs from the self score (old → new, with
 * the verifier's reason from the score's history), the unit's totals before and after, and the
 * deadline for explanations (giải trình); signed by the year's leader unit.
 */
import { UserError } from '../../../../shared/errors';
import { addDays, officeDate } from '../../../../shared/domain/office-time';
import { computeTotals, tableCriteria, type TableCriterion } from '../../../../shared/domain/scoring';
import type { BlocData, Score, Unit } from '../../../../shared/model/records';
import { asciiFileToken } from '../../../../shared/text/file-names';
import { deepNfc, formatDateVi, formatNumberVi } from '../../../../shared/text/vietnamese';
import { yearContext } from '../../assessment/year-context';
import {
  borderedTable,
  bodyParagraph,
  closing,
  documentModel,
  header,
  textCell,
  title,
  type Block,
  type DocumentModel,
  type TableBlock,
  type TableCell,
} from '../model/index';
import { blocSigner, leaderUnit } from './bloc-signer';
import type { DocumentModule } from './kind';

export const VERIFICATION_NOTICE_TITLE = 'Thông báo kết quả thẩm định';
/** Days the unit has to explain when no deadline is given. */
export const DEFAULT_EXPLANATION_DAYS = 7;

const EPS = 1e-9;
const pts = (n: number | null) => (n === null ? 'chưa chấm' : formatNumberVi(n));

export interface ChangedScore {
  criterion: TableCriterion['criterion'];
  self: number | null;
  verified: number;
  /** The verifier's reason for the value in force ('' when none was written). */
  reason: string;
}

/**
 * The reason of the verified score in force: the newest change of the verified score to this value
 * (a later change back and forth keeps the reason of the last one); else the newest verified change.
 */
export function verifiedReason(score: Pick<Score, 'verified' | 'history'>): string {
  const changes = score.history.filter((h) => h.field === 'verified');
  const same = (v: unknown) => typeof v === 'number' && score.verified !== null && Math.abs(v - score.verified) < EPS;
  const hit = [...changes].reverse().find((h) => same(h.new)) ?? changes[changes.length - 1];
  return hit?.reason.trim() ?? '';
}

/** The criteria of the table, in its order, whose verified score differs from the self score. */
export function changedScores(table: Parameters<typeof tableCriteria>[0], scores: readonly Score[]): ChangedScore[] {
  const byCode = new Map(scores.map((s) => [s.code, s]));
  const out: ChangedScore[] = [];
  for (const { criterion } of tableCriteria(table)) {
    const s = byCode.get(criterion.code);
    if (!s || s.verified === null) continue;
    if (s.self !== null && Math.abs(s.self - s.verified) < EPS) continue;
    out.push({ criterion, self: s.self, verified: s.verified, reason: verifiedReason(s) });
  }
  return out;
}

/** The unit of the year named by id (or, from the command line, by code). */
function noticeUnit(units: readonly Unit[], key: string | undefined, year: number): Unit {
  if (!key?.trim()) {
    throw new UserError('document-option-missing', `${VERIFICATION_NOTICE_TITLE} cần chọn đơn vị nhận thông báo (tùy chọn unitId, hoặc --unit ở dòng lệnh).`);
  }
  const unit = units.find((u) => u.id === key) ?? units.find((u) => u.code.toLocaleUpperCase('vi') === key.trim().toLocaleUpperCase('vi'));
  if (!unit) throw new UserError('unit-not-found', `Không có đơn vị "${key}" trong các đơn vị thành viên năm ${year}.`);
  return unit;
}

const head = (text: string): TableCell => ({ ...textCell(text, { bold: true, align: 'center' }), valign: 'middle' });
const mid = (text: string, bold = false): TableCell => ({ ...textCell(text, { align: 'center', bold }), valign: 'middle' });

function changesTable(changes: readonly ChangedScore[]): TableBlock {
  const rows: TableCell[][] = [[head('STT'), head('Tiêu chí'), head('Điểm tối đa'), head('Điểm tự chấm'), head('Điểm thẩm định'), head('Lý do điều chỉnh')]];
  changes.forEach((c, i) => {
    rows.push([
      mid(String(i + 1)),
      textCell(`${c.criterion.code}. ${c.criterion.title}`),
      mid(formatNumberVi(c.criterion.max)),
      mid(pts(c.self)),
      mid(formatNumberVi(c.verified), true),
      textCell(c.reason || '(không ghi lý do)', { italics: !c.reason }),
    ]);
  });
  return borderedTable([24, '*', 38, 40, 46, 130], rows);
}

/** A body paragraph, with room above it when it follows a table. */
function spaced(text: string, afterTable: boolean): Block {
  return afterTable ? { ...bodyParagraph(text), spaceBefore: 8 } : bodyParagraph(text);
}

export interface NoticeOptions {
  unitId?: string;
  deadline?: string;
}

export function verificationNoticeModel(rawData: BlocData, year: number, options: NoticeOptions, now: string): DocumentModel {
  const data = deepNfc(rawData);
  const ctx = yearContext(data, year);
  const unit = noticeUnit(ctx.units, options.unitId, year);
  const scores = data.scores.filter((s) => s.blocId === data.bloc.id && s.year === year && s.unitId === unit.id);
  const self = computeTotals(ctx.table, Object.fromEntries(scores.map((s) => [s.code, s.self])));
  if (self.filled === 0) {
    throw new UserError('notice-not-submitted', `${unit.name} chưa nộp phiếu tự chấm điểm năm ${year}, nên chưa có kết quả thẩm định để thông báo.`);
  }
  const leader = leaderUnit(data, year, `${VERIFICATION_NOTICE_TITLE.toLowerCase()} năm ${year}`);
  const today = officeDate(now);
  const deadline = options.deadline ?? addDays(today, DEFAULT_EXPLANATION_DAYS);
  if (deadline < today) {
    throw new UserError('notice-deadline-past', `Hạn gửi giải trình ${formatDateVi(deadline)} đã qua (hôm nay là ${formatDateVi(today)}). Hãy chọn một ngày từ hôm nay trở đi.`);
  }
  const effective = computeTotals(ctx.table, Object.fromEntries(scores.map((s) => [s.code, s.verified ?? s.self])));
  const unverified = tableCriteria(ctx.table).filter(({ criterion }) => (scores.find((s) => s.code === criterion.code)?.verified ?? null) === null).length;
  const changes = changedScores(ctx.table, scores);
  const tableName = ctx.table.title.trim() || `Bảng chấm điểm thi đua năm ${year}`;

  const body: Block[] = [
    header(
      { parent: data.bloc.issuingParent, body: data.bloc.issuingBody.trim() || data.bloc.name, partyFormat: data.bloc.partyFormat },
      { place: data.bloc.province, date: today },
    ),
    title('Thông báo', { subject: `Kết quả thẩm định điểm tự chấm thi đua năm ${year} của ${unit.name}` }),
    { kind: 'paragraph', runs: [{ text: `Kính gửi: ${unit.name}.` }], align: 'center', spaceAfter: 8 },
    bodyParagraph(
      `Căn cứ ${tableName} (phiên bản ${ctx.table.version}) và phiếu tự chấm điểm của ${unit.name}, Khối thi đua đã thẩm định kết quả tự chấm điểm thi đua năm ${year} của đơn vị. ` +
        (changes.length > 0
          ? `Kết quả thẩm định điều chỉnh điểm của ${changes.length} tiêu chí như sau:`
          : 'Kết quả thẩm định giữ nguyên điểm tự chấm của đơn vị ở các tiêu chí đã thẩm định.'),
    ),
  ];
  if (changes.length > 0) body.push(changesTable(changes));
  body.push(
    spaced(
      `Tổng điểm tự chấm: ${formatNumberVi(self.total)} điểm; tổng điểm sau thẩm định: ${formatNumberVi(effective.total)} điểm` +
        (unverified > 0 ? ` (còn ${unverified} tiêu chí chưa thẩm định, tạm tính theo điểm tự chấm).` : '.'),
      changes.length > 0,
    ),
  );
  if (changes.length > 0) {
    body.push(
      bodyParagraph(
        `Trường hợp có ý kiến khác, đề nghị ${unit.name} gửi văn bản giải trình (kèm tài liệu chứng minh) về ${leader.name} (đơn vị Khối trưởng) trước ngày ${formatDateVi(deadline)}. ` +
          'Quá thời hạn trên, kết quả thẩm định được dùng để tổng hợp, xếp hạng thi đua của Khối.',
      ),
    );
  }
  body.push(closing(['Như trên', 'Lưu: VT'], blocSigner(leader)));
  return documentModel({ title: `${VERIFICATION_NOTICE_TITLE} năm ${year} - ${unit.name}`, author: data.bloc.issuingBody || data.bloc.name }, body);
}

export const verificationNoticeKind: DocumentModule = {
  kind: 'verification-notice',
  title: VERIFICATION_NOTICE_TITLE,
  formats: ['pdf', 'docx'],
  options: ['unitId', 'deadline'],
  fileName: (data, year, options) => {
    const unit = data.units.find((u) => u.id === options.unitId) ?? data.units.find((u) => u.code === options.unitId);
    return `Thong-bao-tham-dinh-${year}${unit ? `-${asciiFileToken(unit.code)}` : ''}`;
  },
  build: (data, year, options, { now }) => verificationNoticeModel(data, year, options, now),
};
