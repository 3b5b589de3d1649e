/**
 * Building blocks the conference papers share: the context and draft of a job, the header with the
 * register's number and date line, headings and prose from the draft, the bloc's signer, simple
 * tables. Every kind of the year-end conference builds its model from these.
 */
import { UserError } from '../../../../shared/errors';
import type { DocumentOptions } from '../../../../shared/api/channels/documents';
import type { RankingResult } from '../../../../shared/domain/ranking';
import { conferenceContextOf, fieldOf, paragraphsOf, resolveDraft, type ConferenceContext, type DocumentDraft } from '../../../../shared/domain/documents';
import { documentNumberDate, issuedEntryFor, registerTypeOfKind } from '../../../../shared/domain/register';
import type { BlocData } from '../../../../shared/model/records';
import { deepNfc, formatNumberVi, upperVi } from '../../../../shared/text/vietnamese';
import { yearRanking } from '../../ranking/year-ranking';
import { borderedTable, bodyParagraph, header, run, textCell, type Block, type HeaderBlock, type Issuer, type ParagraphBlock, type Run, type Signer, type TableBlock, type TableCell } from '../model/index';

export interface ConferenceJob {
  /** The bloc's data, every string NFC. */
  data: BlocData;
  ctx: ConferenceContext;
  draft: DocumentDraft;
  options: DocumentOptions;
}

/**
 * The context and the draft to print for a kind: the draft given with the job, else the one the user
 * saved, else the kind's default (each laid over the default, so a new default field is never missing).
 */
export function conferenceJob(
  rawData: BlocData,
  year: number,
  kind: string,
  options: DocumentOptions,
  defaultDraft: (ctx: ConferenceContext) => DocumentDraft,
): ConferenceJob {
  const data = deepNfc(rawData);
  const ctx = conferenceContextOf(data, year, options.vote ? { vote: deepNfc(options.vote) } : {});
  const given = options.draft ? deepNfc(options.draft) : (ctx.drafts.get(kind) ?? null);
  return { data, ctx, draft: resolveDraft(defaultDraft(ctx), given), options };
}

export function issuerOf(ctx: ConferenceContext): Issuer {
  const b = ctx.bloc;
  return { parent: b.issuingParent, body: b.issuingBody.trim() || b.name, partyFormat: b.partyFormat };
}

/**
 * The header with the number and date line of the register: the number issued for this document
 * (in the register, or given with the job), else a blank number and the draft's date (a preview).
 */
export function conferenceHeader(job: ConferenceJob, kind: string): HeaderBlock {
  const { ctx, draft, options } = job;
  const issued = issuedEntryFor(ctx.register, kind, ctx.year) ?? options.issued ?? null;
  const line = documentNumberDate({
    type: registerTypeOfKind(kind),
    symbol: ctx.symbol,
    partyFormat: ctx.bloc.partyFormat,
    issued,
    draftDate: fieldOf(draft, 'date') || null,
  });
  return header(issuerOf(ctx), { number: line.number, place: fieldOf(draft, 'place') || ctx.bloc.province, date: line.date });
}

/** A bold heading of a part ("I. KẾT QUẢ ĐẠT ĐƯỢC"), left-aligned with the body's indent. */
export function heading(text: string, level: 1 | 2 = 1): ParagraphBlock {
  return {
    kind: 'paragraph',
    runs: [run(level === 1 ? upperVi(text) : text, { bold: true })],
    align: 'left',
    indent: 28.35,
    spaceBefore: level === 1 ? 6 : 2,
    spaceAfter: 4,
    lineHeight: 1.15,
    keepWithNext: true,
  };
}

/** Body paragraphs of a typed text (one per line). */
export function prose(text: string): ParagraphBlock[] {
  return paragraphsOf(text).map((p) => bodyParagraph(p));
}

/** "Label: text" with the label bold. */
export function labelled(label: string, text: string | Run[]): ParagraphBlock {
  return bodyParagraph([run(`${label}: `, { bold: true }), ...(typeof text === 'string' ? [run(text)] : text)]);
}

/** "- item" lines, indented, not justified (names read better ragged). */
export function dashList(items: string[], indent = 28.35): ParagraphBlock[] {
  return items.map((item, i) => ({
    kind: 'paragraph',
    runs: [run(`- ${item.replace(/[;.]$/, '')}${i === items.length - 1 ? '.' : ';'}`)],
    align: 'left',
    indent,
    spaceAfter: 2,
    lineHeight: 1.15,
  }));
}

/** "Kính gửi: X" on one centred line, or "Kính gửi:" above a list of recipients. */
export function addressee(recipients: string[]): Block[] {
  const clean = recipients.map((r) => r.trim()).filter(Boolean);
  if (clean.length <= 1) {
    return [{ kind: 'paragraph', runs: [run('Kính gửi: '), run(clean[0] ?? '……')], align: 'center', spaceBefore: 4, spaceAfter: 8 }];
  }
  return [
    { kind: 'paragraph', runs: [run('Kính gửi:')], align: 'left', indent: 85, spaceBefore: 4, spaceAfter: 2 },
    ...dashList(clean, 130),
    { kind: 'paragraph', runs: [run('')], spaceAfter: 4 },
  ];
}

/** The bloc's signer of a draft ("TM. KHỐI THI ĐUA / KHỐI TRƯỞNG / name"). */
export function blocSigner(draft: DocumentDraft): Signer {
  return { authority: fieldOf(draft, 'signerAuthority'), title: fieldOf(draft, 'signerTitle') || 'KHỐI TRƯỞNG', name: fieldOf(draft, 'signerName') };
}

/** A bordered table with a bold header row repeated on each page; `align` per column. */
export function dataTable(
  head: string[],
  body: string[][],
  widths: (number | '*')[],
  align: ('left' | 'center' | 'right')[] = [],
  options: { fontSize?: number; boldRows?: number[] } = {},
): TableBlock {
  const bold = new Set(options.boldRows ?? []);
  const rows: TableCell[][] = [
    head.map((h) => textCell(h, { bold: true, align: 'center' })),
    ...body.map((r, i) => r.map((c, j) => textCell(c, { align: align[j] ?? 'left', ...(bold.has(i) ? { bold: true } : {}) }))),
  ];
  return borderedTable(widths, rows, { fontSize: options.fontSize ?? 12 });
}

/** A number with two decimals at most, decimal comma ("92,5"); empty for none. */
export function points(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : formatNumberVi(n);
}

/** "01", "02" … for counts below 10 as official papers write them. */
export function count2(n: number): string {
  return n < 10 ? String(n).padStart(2, '0') : String(n);
}

/** The year's ranking by the ranking engine; null when the year has no scoring table yet. */
export function rankingOrNull(data: BlocData, year: number): RankingResult | null {
  try {
    return yearRanking(data, year).result;
  } catch (err) {
    if (err instanceof UserError) return null;
    throw err;
  }
}

/** "I", "II", … for the parts of a report. */
export function roman(n: number): string {
  return ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][n - 1] ?? String(n);
}

/** Names in a sentence: "A, B và C". */
export function nameList(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} và ${names[names.length - 1]}`;
}
