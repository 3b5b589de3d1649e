/**
 * A document that uses every part of the document model once: both header variants, title with
 * notes, paragraphs with bold and italic runs, a numbered list, a table with a two-level merged
 * header that repeats on the next page, a witness block, a signature grid, "Nơi nhận" with the
 * signer, a landscape page, and a page of ballots (two copies side by side).
 */
import {
  bodyParagraph,
  closing,
  copies,
  documentModel,
  header,
  legalBasis,
  numberedList,
  pageBreak,
  run,
  signatureBlock,
  signatureGrid,
  textCell,
  title,
  type DocumentModel,
  type TableBlock,
  type TableCell,
} from '../../../electron/services/documents/model/index';

export const SPECIMEN = {
  title: 'Biên bản kiểm phiếu bầu Khối trưởng năm 2026',
  partyBody: 'Đảng ủy Khối các cơ quan tỉnh',
  ballotTitle: 'Phiếu bầu Khối trưởng',
  recipients: ['Ban Thi đua - Khen thưởng tỉnh', 'Các đơn vị thành viên Khối', 'Lưu: VT'],
  rowCount: 45,
  ballots: 3,
  landscapeHeading: 'Bảng tổng hợp kết quả (khổ ngang)',
} as const;

/** Unit names of the table and the grid. */
export const specimenUnit = (i: number) => `Đơn vị thành viên số ${i + 1} của Khối`;
export const specimenSigner = (i: number) => `Người Ký Số ${i + 1}`;

function resultsTable(rows: number): TableBlock {
  const head = (text: string, extra: Partial<TableCell> = {}): TableCell => ({ ...textCell(text, { bold: true, align: 'center' }), valign: 'middle', ...extra });
  const header: (TableCell | null)[][] = [
    [head('TT', { rowSpan: 2 }), head('Tên đơn vị', { rowSpan: 2 }), head('Số phiếu', { colSpan: 2 }), null, head('Tỷ lệ (%)', { rowSpan: 2 })],
    [null, null, head('Đồng ý'), head('Không đồng ý'), null],
  ];
  const body = Array.from({ length: rows }, (_, i) => [
    textCell(String(i + 1), { align: 'center' }),
    textCell(specimenUnit(i)),
    textCell(String(20 - (i % 5)), { align: 'center' }),
    textCell(String(i % 5), { align: 'center' }),
    textCell(`${((20 - (i % 5)) / 20) * 100}`, { align: 'right' }),
  ]);
  return {
    kind: 'table',
    columns: [{ width: 28 }, { width: '*' }, { width: 50 }, { width: 60 }, { width: 50 }],
    headerRows: 2,
    rows: [...header, ...body],
    fontSize: 12,
    borders: true,
    padding: { x: 4, y: 2 },
    keepRowsTogether: true,
  };
}

export function specimenModel(signature: string | null = null, stamp: string | null = null): DocumentModel {
  const ballot = [
    header({ parent: '', body: 'Khối thi đua Văn hóa - Xã hội', partyFormat: false }, { place: 'Hà Nam', date: null }),
    title(SPECIMEN.ballotTitle, { notes: ['Đánh dấu X vào ô đồng ý'] }),
    bodyParagraph([run('Bầu: ', { bold: true }), run('Sở Y tế', { italics: true })]),
  ];
  return documentModel({ title: SPECIMEN.title, author: 'Khối thi đua' }, [
    header({ parent: 'Đảng bộ tỉnh Hà Nam', body: SPECIMEN.partyBody, partyFormat: true }, { number: '12-BB/KTĐ', place: 'Hà Nam', date: '2026-03-09' }),
    title(SPECIMEN.title, { subject: 'Về việc bầu Khối trưởng', notes: ['Phiên họp tổng kết'] }),
    ...legalBasis(['Căn cứ Quy chế tổ chức và hoạt động của Khối thi đua;']),
    bodyParagraph([run('Hôm nay, '), run('ngày 09 tháng 3 năm 2026', { bold: true }), run(', tại hội trường '), run('Sở Y tế', { italics: true }), run('.')]),
    numberedList(['Ban kiểm phiếu gồm 3 người.', '2. Số phiếu phát ra: 20.']),
    resultsTable(SPECIMEN.rowCount),
    signatureBlock({ authority: 'Ban Thi đua - Khen thưởng tỉnh', title: 'Trưởng ban', name: 'Trịnh Thị Ngọc Diệp' }, { label: 'Chứng kiến', width: 0.6, position: 'center', fontSize: 13 }),
    signatureGrid(
      Array.from({ length: 5 }, (_, i) => ({ heading: specimenUnit(i), title: 'Giám đốc', name: specimenSigner(i), signature: i === 0 ? signature : null, stamp: i === 0 ? stamp : null })),
      3,
      'Các thành viên Ban kiểm phiếu',
    ),
    closing(SPECIMEN.recipients.slice(), { authority: 'TM. Khối thi đua', title: 'Khối trưởng', name: 'Nguyễn Văn An', signature, stamp }),
    pageBreak('landscape'),
    bodyParagraph(SPECIMEN.landscapeHeading, { bold: true }),
    resultsTable(3),
    bodyParagraph('Phiếu bầu: hai bản trên một trang A4 ngang.'),
    copies(ballot, SPECIMEN.ballots, 2, 1),
  ]);
}
