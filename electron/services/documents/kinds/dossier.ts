/**
 * Hồ sơ đề nghị khen thưởng (dossier): the proposal letter, the conference minutes, the vote-count
 * minutes and the ranking table in that order, then each nominee's achievement report (báo cáo thành
 * tích, Mẫu 02) as the unit's own file. Saved as ONE PDF (a list of contents with the page where each
 * part starts, then the parts; attached PDFs merged) or as a zip of the separate PDF and Word files
 * (attached files as they are). Parts are printed by their own kinds, looked up in the registry at
 * run time; a part whose kind is not available stops the dossier with a message naming it.
 */
import { UserError } from '../../../../shared/errors';
import type { DocumentFormat, DocumentOptions, DossierAttachment } from '../../../../shared/api/channels/documents';
import { blocName, conferenceContextOf, type ConferenceContext } from '../../../../shared/domain/documents';
import { entryNumberText, issuedEntryFor, numberSymbol, registerTypeOfKind, type RegisterEntry } from '../../../../shared/domain/register';
import type { BlocData } from '../../../../shared/model/records';
import { asciiFileToken, windowsSafeFileName } from '../../../../shared/text/file-names';
import { deepNfc, formatDateVi } from '../../../../shared/text/vietnamese';
import { zipEntries } from '../../handover/zip-writer';
import { documentModel, header, title, type DocumentModel } from '../model/index';
import { dataTable, issuerOf } from './conference-parts';

// pdf-lib loads only when a dossier is printed.
const pdfMerge = () => import('../pdf-merge');
import type { BundleContext, DocumentModule } from './kind';
import { proposedAwards } from './proposal';

/** The dossier's documents, in order, with the option that holds each one's number when the register does not. */
export const DOSSIER_PARTS = [
  { kind: 'proposal', title: 'Tờ trình đề nghị khen thưởng', missing: 'tờ trình đề nghị khen thưởng' },
  { kind: 'minutes', title: 'Biên bản hội nghị tổng kết', missing: 'biên bản hội nghị' },
  { kind: 'vote-minutes', title: 'Biên bản kiểm phiếu', missing: 'biên bản kiểm phiếu' },
  { kind: 'ranking', title: 'Bảng tổng hợp kết quả chấm điểm, xếp hạng', missing: 'bảng xếp hạng' },
] as const;
type PartKind = (typeof DOSSIER_PARTS)[number]['kind'];

type Issued = Pick<RegisterEntry, 'number' | 'date'>;

/** The number a part was issued under: the register's, else the one given with the dossier. */
function issuedOf(ctx: ConferenceContext, kind: PartKind, options: DocumentOptions): Issued | null {
  const entry = issuedEntryFor(ctx.register, kind, ctx.year);
  if (entry) return entry;
  if (kind === 'proposal') return options.issued ?? null;
  if (kind === 'minutes') return options.references?.minutes ?? null;
  if (kind === 'vote-minutes') return options.references?.voteMinutes ?? null;
  return null;
}

/** "Số 05/TTr-KTĐVHXH, ngày 05/01/2026"; empty for a part without a number. */
function numberDateText(ctx: ConferenceContext, kind: PartKind, options: DocumentOptions): string {
  const type = registerTypeOfKind(kind);
  const issued = issuedOf(ctx, kind, options);
  if (!type || !issued) return '';
  const entry = issuedEntryFor(ctx.register, kind, ctx.year);
  const text = entry ? entryNumberText(entry, ctx.bloc.partyFormat) : numberSymbol(issued.number, type, ctx.symbol, ctx.bloc.partyFormat);
  return `Số ${text}, ngày ${formatDateVi(issued.date)}`;
}

/** The options a part's kind takes, out of what the dossier knows (vote, its number, the references). */
function partOptions(module: DocumentModule, ctx: ConferenceContext, kind: PartKind, options: DocumentOptions): DocumentOptions {
  const issued = issuedOf(ctx, kind, options);
  const known: DocumentOptions = {
    ...(options.vote ? { vote: options.vote } : {}),
    ...(issued ? { issued: { number: issued.number, date: issued.date } } : {}),
    ...(kind === 'proposal' && options.references ? { references: options.references } : {}),
  };
  return Object.fromEntries(Object.entries(known).filter(([k]) => (module.options as readonly string[]).includes(k))) as DocumentOptions;
}

export interface DossierRow {
  title: string;
  numberDate: string;
  /** "3" or "3 - 5" (PDF), or the file names (zip). */
  where: string;
}

/** The list of contents: header, title, one row per document. */
export function dossierCoverModel(ctx: ConferenceContext, rows: DossierRow[], whereHeading: string): DocumentModel {
  return documentModel({ title: `Hồ sơ đề nghị khen thưởng năm ${ctx.year}`, author: ctx.bloc.issuingBody || ctx.bloc.name }, [
    header(issuerOf(ctx), { place: ctx.bloc.province, date: null }),
    title('DANH MỤC HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG', { notes: [`Năm ${ctx.year} - ${blocName(ctx)}`] }),
    dataTable(
      ['STT', 'Tên tài liệu', 'Số, ngày văn bản', whereHeading],
      rows.map((r, i) => [String(i + 1), r.title, r.numberDate, r.where]),
      [28, '*', 120, whereHeading === 'Trang' ? 50 : 130],
      ['center', 'left', 'left', 'center'],
    ),
  ]);
}

interface Prepared {
  ctx: ConferenceContext;
  parts: { kind: PartKind; title: string; module: DocumentModule; options: DocumentOptions }[];
  /** Attached files in the nominees' order. */
  attachments: (DossierAttachment & { unitName: string })[];
}

/** Checks everything the dossier needs before anything is printed. */
function prepare(rawData: BlocData, year: number, options: DocumentOptions, moduleOf: (kind: string) => DocumentModule | undefined): Prepared {
  const data = deepNfc(rawData);
  const ctx = conferenceContextOf(data, year, options.vote ? { vote: deepNfc(options.vote) } : {});
  const missing = DOSSIER_PARTS.filter((p) => !moduleOf(p.kind));
  if (missing.length) {
    throw new UserError(
      'dossier-part-missing',
      `Chưa lập được hồ sơ đề nghị khen thưởng năm ${year}: phần mềm chưa có mẫu ${missing.map((p) => p.missing).join(', ')} để đưa vào hồ sơ.`,
    );
  }
  const nominees = new Map<string, string>();
  for (const s of proposedAwards(ctx)) for (const w of s.winners) if (!nominees.has(w.code)) nominees.set(w.code, w.name);
  const attachments = (options.attachments ?? []).map((a) => {
    const unitName = nominees.get(a.unitCode);
    if (unitName === undefined) {
      throw new UserError(
        'dossier-attachment-unit',
        `Tệp "${a.name}" gắn cho đơn vị mã "${a.unitCode}", nhưng đơn vị này không có trong danh sách đề nghị khen thưởng năm ${year}.`,
      );
    }
    return { ...a, unitName };
  });
  const order = [...nominees.keys()];
  attachments.sort((a, b) => order.indexOf(a.unitCode) - order.indexOf(b.unitCode));
  const parts = DOSSIER_PARTS.map((p) => {
    const module = moduleOf(p.kind)!;
    return { kind: p.kind, title: p.title, module, options: partOptions(module, ctx, p.kind, options) };
  });
  return { ctx, parts, attachments };
}

const reportTitle = (a: { unitName: string }) => `Báo cáo thành tích của ${a.unitName}`;

/** "3" or "3 - 5". */
const pageRange = (start: number, count: number) => (count > 1 ? `${start} - ${start + count - 1}` : String(start));

async function dossierPdf(p: Prepared, options: DocumentOptions, c: BundleContext): Promise<Uint8Array<ArrayBuffer>> {
  const { ctx } = p;
  const { looksLikePdf, mergePdfs, pdfPageCount } = await pdfMerge();
  const parts: { title: string; numberDate: string; bytes: Uint8Array; label: string }[] = [];
  for (const part of p.parts) {
    parts.push({ title: part.title, numberDate: numberDateText(ctx, part.kind, options), bytes: await c.renderPart(part.kind, 'pdf', part.options), label: part.title });
  }
  const separate: DossierRow[] = [];
  for (const a of p.attachments) {
    const label = `Tệp "${a.name}" (${reportTitle(a)})`;
    if (looksLikePdf(a.bytes)) parts.push({ title: reportTitle(a), numberDate: '', bytes: a.bytes, label });
    // Not a PDF: listed, and carried in the zip form of the dossier.
    else separate.push({ title: `${reportTitle(a)} (tệp ${a.name}, gửi kèm trong bộ hồ sơ .zip)`, numberDate: '', where: 'Tệp riêng' });
  }
  const counts: number[] = [];
  for (const part of parts) counts.push(await pdfPageCount(part.bytes, part.label));

  // The cover's own length shifts every start page: print it until its page count settles.
  let coverPages = 1;
  let cover: Uint8Array<ArrayBuffer> = new Uint8Array();
  for (let attempt = 0; attempt < 3; attempt++) {
    let next = coverPages + 1;
    const rows: DossierRow[] = parts.map((part, i) => {
      const row = { title: part.title, numberDate: part.numberDate, where: pageRange(next, counts[i]!) };
      next += counts[i]!;
      return row;
    });
    cover = await c.renderModel(dossierCoverModel(ctx, [...rows, ...separate], 'Trang'), 'pdf');
    const pages = await pdfPageCount(cover, 'Danh mục hồ sơ');
    if (pages === coverPages) break;
    coverPages = pages;
  }
  const merged = await mergePdfs([{ bytes: cover, label: 'Danh mục hồ sơ' }, ...parts], {
    title: `Hồ sơ đề nghị khen thưởng năm ${ctx.year}`,
    author: ctx.bloc.issuingBody || ctx.bloc.name,
  });
  return merged.bytes;
}

/** An attached file's extension, lower case and safe ("pdf", "docx"); "bin" when it has none. */
function extensionOf(name: string): string {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase();
  return ext ?? 'bin';
}

async function dossierZip(p: Prepared, options: DocumentOptions, c: BundleContext): Promise<Uint8Array<ArrayBuffer>> {
  const { ctx } = p;
  const { looksLikePdf } = await pdfMerge();
  const files: { name: string; data: Uint8Array }[] = [];
  const rows: DossierRow[] = [];
  let n = 1;
  const prefix = () => String(n++).padStart(2, '0');
  for (const part of p.parts) {
    const base = `${prefix()}-${asciiFileToken(part.title.replace(/,/g, ''))}`;
    const names: string[] = [];
    for (const format of ['pdf', 'docx'] as const) {
      if (!part.module.formats.includes(format)) continue;
      const name = windowsSafeFileName(base, format);
      files.push({ name, data: await c.renderPart(part.kind, format, part.options) });
      names.push(name);
    }
    rows.push({ title: part.title, numberDate: numberDateText(ctx, part.kind, options), where: names.join(', ') });
  }
  const perUnit = new Map<string, number>();
  for (const a of p.attachments) {
    const k = (perUnit.get(a.unitCode) ?? 0) + 1;
    perUnit.set(a.unitCode, k);
    const name = windowsSafeFileName(`${prefix()}-Bao_cao_thanh_tich-${asciiFileToken(a.unitCode) || 'DV'}${k > 1 ? `-${k}` : ''}`, extensionOf(a.name));
    files.push({ name, data: a.bytes });
    rows.push({ title: reportTitle(a), numberDate: '', where: name });
  }
  const cover = dossierCoverModel(ctx, rows, 'Tệp');
  const coverFiles = [
    { name: '00-Danh_muc_ho_so.pdf', data: await c.renderModel(cover, 'pdf') },
    { name: '00-Danh_muc_ho_so.docx', data: await c.renderModel(cover, 'docx') },
  ];
  const mtime = new Date(c.now);
  const bytes = zipEntries([...coverFiles, ...files].map((f) => ({ name: f.name, data: f.data, mtime, level: looksLikeCompressed(f.name) || looksLikePdf(f.data) ? 0 : 6 })));
  return new Uint8Array(bytes);
}

/** Word files and images are zips or compressed already: stored as they are. */
function looksLikeCompressed(name: string): boolean {
  return /\.(docx|xlsx|zip|jpe?g|png)$/i.test(name);
}

export async function dossierBundle(data: BlocData, year: number, format: DocumentFormat, options: DocumentOptions, c: BundleContext): Promise<Uint8Array<ArrayBuffer>> {
  const prepared = prepare(data, year, options, c.moduleOf);
  if (format === 'zip') return dossierZip(prepared, options, c);
  if (format === 'pdf') return dossierPdf(prepared, options, c);
  throw new UserError('document-format-unsupported', 'Hồ sơ đề nghị khen thưởng chỉ xuất ra PDF (một tệp) hoặc tệp nén .zip.');
}

export const dossierKind: DocumentModule = {
  kind: 'dossier',
  title: 'Hồ sơ đề nghị khen thưởng',
  formats: ['pdf', 'zip'],
  options: ['vote', 'issued', 'references', 'attachments'],
  fileName: (_data, year) => `Ho-so-de-nghi-khen-thuong-${year}`,
  // The list of contents without page numbers (what the bundle prints first).
  build: (data, year, options) => {
    const ctx = conferenceContextOf(deepNfc(data), year, options.vote ? { vote: deepNfc(options.vote) } : {});
    proposedAwards(ctx);
    return dossierCoverModel(ctx, DOSSIER_PARTS.map((p) => ({ title: p.title, numberDate: numberDateText(ctx, p.kind, options), where: '' })), 'Trang');
  },
  bundle: dossierBundle,
};
