/**
 * Biên bản kiểm phiếu: the header; time and place; the vote-count committee and its roles;
 * "Hình thức: bỏ phiếu kín"; units present out of members (and the quorum); per section and round
 * the ballots issued / returned / valid / invalid (with the reasons) and a table STT | Tên đơn vị |
 * Số phiếu | Tỷ lệ % naming the base, ties and the chair's decisions, verdicts changed by hand
 * beside the computed ones; the conclusion; when the minutes were read; the committee's
 * signatures. Every verdict and word of it comes from the vote engine (`tally`): nothing is
 * decided here.
 */
import { UserError } from '../../../../shared/errors';
import { entryNumberText, issuedEntryFor, registerOf } from '../../../../shared/domain/register';
import { BASE_COLUMN_NAMES, thresholdText } from '../../../../shared/domain/vote/threshold';
import { seatRuleText } from '../../../../shared/domain/vote/seats';
import { tally } from '../../../../shared/domain/vote/tally';
import type { ConferenceInfo } from '../../../../shared/domain/vote/context';
import type { InvalidReasonCount } from '../../../../shared/domain/vote/record';
import type { RoundVerdict, SectionVerdict, TallyResult, UnitStatus } from '../../../../shared/domain/vote/types';
import type { BlocData } from '../../../../shared/model/records';
import { deepNfc, placeDateLine, upperVi } from '../../../../shared/text/vietnamese';
import {
  borderedTable,
  bodyParagraph,
  documentModel,
  header,
  keepTogether,
  run,
  signatureGrid,
  textCell,
  title,
  type Block,
  type DocumentModel,
  type Run,
  type SignatureCell,
  type TableBlock,
  type TableCell,
} from '../model/index';
import type { DocumentModule } from './kind';
import { documentVote, issuerOf, roman, type DocumentVote } from './vote-data';

const DOTS = '……';
/** Rows of a round's table kept on the page of its headings. */
const ROWS_WITH_HEADING = 2;

/** "09 giờ 30" from "09:30"; dots for a time not recorded. */
function timeText(t: string | null): string {
  if (!t) return `${DOTS} giờ ${DOTS}`;
  const [h, m] = t.split(':');
  return `${h} giờ ${m}`;
}

/** "ngày 05 tháng 01 năm 2025"; dots for a day not recorded. */
function dayText(date: string | null): string {
  if (!date) return `ngày ${DOTS} tháng ${DOTS} năm ${DOTS}`;
  const line = placeDateLine('', date);
  return line.charAt(0).toLowerCase() + line.slice(1);
}

const STATUS_TEXT: Record<UnitStatus, (office: boolean) => string> = {
  winner: (office) => (office ? 'Trúng cử' : 'Được đề nghị'),
  passes: () => 'Đạt ngưỡng, hết chỉ tiêu',
  fails: () => 'Không đạt',
  tied: () => 'Bằng phiếu',
  alreadyAwarded: (office) => (office ? 'Đã trúng cử ở mục trước' : 'Đã được đề nghị ở mục trước'),
  ineligible: () => 'Không đủ điều kiện',
};

function heading(text: string, before = 8): Block {
  return { kind: 'paragraph', runs: [run(text, { bold: true })], align: 'justify', spaceBefore: before, spaceAfter: 4, lineHeight: 1.15 };
}

function line(runs: Run[] | string, opts: { italics?: boolean; before?: number } = {}): Block {
  const p = bodyParagraph(runs, opts.italics ? { italics: true } : {});
  return opts.before ? { ...p, spaceBefore: opts.before } : p;
}

function ballotLine(r: RoundVerdict, reasons: InvalidReasonCount[]): Block[] {
  const b = r.ballots;
  const why = reasons.length ? ` (${reasons.map((x) => `${x.count} phiếu ${x.reason}`).join('; ')})` : '';
  return [line(`Số phiếu phát ra: ${b.issued}; số phiếu thu vào: ${b.returned}; số phiếu hợp lệ: ${b.valid}; số phiếu không hợp lệ: ${b.invalid}${why}.`)];
}

function roundTable(s: SectionVerdict, r: RoundVerdict, name: (c: string) => string): TableBlock {
  const office = s.kind === 'office';
  const head = (text: string, more: TableCell['paras'] = []): TableCell => ({ paras: [{ runs: [run(text, { bold: true })], align: 'center' }, ...more] });
  const rows: (TableCell | null)[][] = [
    [
      head('STT'),
      head('Tên đơn vị'),
      head('Số phiếu'),
      head('Tỷ lệ %', [{ runs: [run(`(${BASE_COLUMN_NAMES[r.baseKind]})`, { italics: true })], align: 'center', size: 11 }]),
      head('Kết quả'),
    ],
  ];
  // Units on the ballot of the round; an ineligible unit never was, unless someone wrote it in.
  const units = r.units.filter((u) => u.status !== 'ineligible' || u.votes > 0);
  units.forEach((u, i) => {
    const override = r.round === s.rounds.length ? s.units.find((x) => x.code === u.code)?.override : null;
    const result = STATUS_TEXT[u.status](office) + (override ? ` (điều chỉnh: ${override.winner ? (office ? 'trúng cử' : 'đề nghị') : 'không chọn'})` : '');
    rows.push([
      textCell(String(i + 1), { align: 'center' }),
      textCell(name(u.code)),
      textCell(String(u.votes), { align: 'center' }),
      textCell(u.percent, { align: 'center' }),
      textCell(result, { align: 'center' }),
    ]);
  });
  return borderedTable([26, '*', 46, 92, 96], rows, { padding: { x: 3, y: 2 } });
}

/** What settled a tie at the cut line of a round (the higher score, the chair's decision, with its reason), in the engine's words. */
function roundNotes(r: RoundVerdict, name: (c: string) => string): Block[] {
  if (r.tieResolvedBy) {
    const cut = Math.min(...r.units.filter((u) => u.status === 'winner').map((u) => u.votes));
    return r.units.filter((u) => u.votes === cut && (u.status === 'winner' || u.status === 'passes')).map((u, i) => line(u.explanation, { before: i === 0 ? 6 : 0 }));
  }
  if (r.tie) return [line(`${r.tie.units.map(name).join(', ')} bằng phiếu ở vị trí cuối (còn ${r.tie.seatsLeft} chỉ tiêu).`, { before: 6 })];
  return [];
}

function sectionBlocks(s: SectionVerdict, index: number, reasons: InvalidReasonCount[], name: (c: string) => string): Block[] {
  const what = s.kind === 'office' ? `BẦU ${upperVi(s.title)}` : `ĐỀ NGHỊ TẶNG ${upperVi(s.title)}`;
  const blocks: Block[] = [];
  let heading: Block[] = [
    { kind: 'paragraph', runs: [run(`${roman(index)}. ${what}`, { bold: true })], align: 'justify', spaceBefore: 8, spaceAfter: 2, lineHeight: 1.15 },
    line(`Chỉ tiêu: ${seatRuleText(s.rules.seats, s.seats)}; ngưỡng: ${thresholdText(s.rules.threshold)}.`, { italics: true }),
  ];
  for (const r of s.rounds) {
    if (s.rounds.length > 1) heading.push({ kind: 'paragraph', runs: [run(`Lần bỏ phiếu thứ ${r.round}`, { bold: true, italics: true })], spaceBefore: 4, spaceAfter: 2 });
    // The headings and counts stay on the page of the table's first rows; the other rows may run on.
    const table = roundTable(s, r, name);
    const first = { ...table, rows: table.rows.slice(0, 1 + ROWS_WITH_HEADING) };
    const rest: TableBlock = { ...table, rows: table.rows.slice(1 + ROWS_WITH_HEADING), headerRows: 0, continues: true };
    blocks.push(keepTogether([...heading, ...ballotLine(r, reasons.filter((x) => x.section === s.id && x.round === r.round)), first]));
    if (rest.rows.length) blocks.push(rest);
    blocks.push(...roundNotes(r, name));
    heading = [];
  }
  // Verdicts changed by hand: the computed verdict, then the change and its reason.
  s.units
    .filter((x) => x.override)
    .forEach((u, i) => blocks.push(line([run('Điều chỉnh: ', { bold: true }), run(`Theo quy chế: ${u.explanation}`)], { before: i === 0 ? 6 : 0 })));
  return blocks;
}

function committeeBlocks(c: ConferenceInfo | null): Block[] {
  const members = c?.committee ?? [];
  if (members.length === 0) {
    return [
      line(`1. ${DOTS}${DOTS}${DOTS} – Trưởng ban;`),
      line(`2. ${DOTS}${DOTS}${DOTS} – Thành viên;`),
      line(`3. ${DOTS}${DOTS}${DOTS} – Thành viên.`),
    ];
  }
  return members.map((m, i) =>
    line(`${i + 1}. ${m.name}${m.position.trim() ? `, ${m.position.trim()}` : ''} – ${m.role === 'head' ? 'Trưởng ban' : 'Thành viên'}${i === members.length - 1 ? '.' : ';'}`),
  );
}

/** The members on the left, the head on the right (the higher authority signs on the right), row by row. */
function signatures(c: ConferenceInfo | null): Block {
  const members = c?.committee ?? [];
  const head = members.find((m) => m.role === 'head');
  const others = members.filter((m) => m !== head).map((m): SignatureCell => ({ title: 'THÀNH VIÊN', name: m.name }));
  if (members.length === 0) others.push({ title: 'THÀNH VIÊN', name: '' }, { title: 'THÀNH VIÊN', name: '' });
  const headCell: SignatureCell = { title: 'TRƯỞNG BAN KIỂM PHIẾU', name: head?.name ?? '' };
  return signatureGrid([others[0] ?? { title: '', name: '' }, headCell, ...others.slice(1)], 2);
}

function purpose(results: TallyResult[], year: number): string {
  const sections = results.flatMap((r) => r.sections);
  const parts: string[] = [];
  if (sections.some((s) => s.kind === 'award')) parts.push(`bình xét thi đua, khen thưởng năm ${year}`);
  if (sections.some((s) => s.kind === 'office')) parts.push(`bầu ${sections.filter((s) => s.kind === 'office').map((s) => s.title).join(', ')}`);
  return parts.join(' và ');
}

/** The minutes of a vote; UserError when the entry is not consistent enough to be signed. */
export function voteMinutesModel(rawData: BlocData, year: number, dv: DocumentVote): DocumentModel {
  const data = deepNfc(rawData);
  if (!dv.fromRecord && dv.inputs.every((i) => i.sections.every((s) => s.rounds.length === 0))) {
    throw new UserError(
      'vote-minutes-no-result',
      `Năm ${year} chưa có số liệu kiểm phiếu: nhập kết quả kiểm phiếu trước (hoặc dùng tệp số liệu bỏ phiếu, --vote <tệp.json>).`,
    );
  }
  const results = dv.inputs.map((i) => tally(i));
  const quorumMet = results.every((r) => r.quorumMet);
  if (quorumMet) {
    const errors = results.flatMap((r) => [...r.errors, ...r.sections.flatMap((s) => s.errors)]);
    if (errors.length) {
      throw new UserError(
        'vote-minutes-inconsistent',
        `Số liệu kiểm phiếu năm ${year} chưa nhất quán, chưa lập được biên bản:\n${errors.slice(0, 10).map((e) => e.message).join('\n')}`,
        errors.map((e) => e.message),
      );
    }
  }
  const c = dv.conference;
  // The number the register issued for the stored vote's minutes (a vote record brings its own).
  const issued = dv.fromRecord ? null : issuedEntryFor(registerOf(data), 'vote-minutes', year);
  const number = c?.documentNumber || (issued ? entryNumberText(issued, data.bloc.partyFormat) : '');
  const first = results[0]!;
  const what = purpose(results, year);
  const body: Block[] = [
    header(issuerOf(data), { ...(number ? { number } : {}), place: data.bloc.province, date: issued?.date ?? c?.date ?? null }),
    title('Biên bản kiểm phiếu', { subject: what.charAt(0).toUpperCase() + what.slice(1) }),
    line(
      `Hôm nay, vào lúc ${timeText(c?.startTime ?? null)}, ${dayText(c?.date ?? null)}, tại ${c?.place.trim() || DOTS + DOTS}, trong hội nghị tổng kết công tác thi đua, khen thưởng năm ${year} của ${data.bloc.name}, Ban kiểm phiếu đã tiến hành kiểm phiếu ${what}.`,
    ),
    heading('1. Ban kiểm phiếu gồm:'),
    ...committeeBlocks(c),
    heading('2. Hình thức: bỏ phiếu kín.'),
    heading('3. Số đơn vị tham dự'),
    line(first.quorumExplanation),
  ];
  if (!quorumMet) {
    body.push(line('Do không đủ số đơn vị có mặt theo quy chế, hội nghị không tiến hành bỏ phiếu; Ban kiểm phiếu không kiểm phiếu.'));
  } else {
    body.push(heading('4. Kết quả kiểm phiếu'));
    let index = 0;
    for (const r of results) for (const s of r.sections) body.push(...sectionBlocks(s, ++index, dv.invalidReasons, dv.name));
    body.push(heading('5. Kết luận'));
    for (const r of results) for (const s of r.sections) body.push(line(`– ${s.explanation}`));
  }
  body.push(line(`Biên bản lập xong vào hồi ${timeText(c?.readAt ?? null)} cùng ngày, được đọc trước hội nghị.`, { italics: true }));
  body.push(signatures(c));
  return documentModel({ title: `Biên bản kiểm phiếu năm ${year}`, author: issuerOf(data).body }, body);
}

export const voteMinutesKind: DocumentModule = {
  kind: 'vote-minutes',
  title: 'Biên bản kiểm phiếu',
  formats: ['pdf', 'docx'],
  options: ['vote'],
  fileName: (_data, year) => `Bien-ban-kiem-phieu-${year}`,
  build: (data, year, options) => voteMinutesModel(data, year, documentVote(deepNfc(data), year, options.vote)),
};
