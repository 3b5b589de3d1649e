/**
 * Bảng chấm điểm thi đua: the bloc's header, the title and version, then one table of groups
 * (Roman numerals, bold, with the group's points) and criteria (code, content, maximum points,
 * how it is scored), bonus and deduction groups with their caps, and the total of the scale.
 */
import { groupMax, nominalMax } from '../../../shared/domain/scoring';
import { requireYearTable } from '../../../shared/domain/year-table';
import type { BlocData, CriteriaGroup, Criterion, ScoringTable } from '../../../shared/model/records';
import { deepNfc, formatDateVi, formatNumberVi } from '../../../shared/text/vietnamese';
import {
  createDocument,
  documentHeader,
  documentTitle,
  pageGeometry,
  type Content,
  type DocumentDefinition,
  type DocumentSetup,
  type TableCell,
  type TextNode,
} from './base/index';

/** The version to print: the given one, or the latest of the year. */
export function scoringTableForYear(data: BlocData, year: number, version?: number): ScoringTable {
  return requireYearTable(data, year, version === undefined ? 'latest' : { version }).table;
}

/** How a criterion is scored, in words. */
export function criterionMethod(c: Criterion): string {
  const max = formatNumberVi(c.max);
  switch (c.kind) {
    case 'qualitative':
      return `Định tính: đạt ${max} điểm; chưa đạt 0 điểm hoặc chấm một phần`;
    case 'target':
      return 'Định lượng: theo tỷ lệ thực hiện so với chỉ tiêu được giao';
    case 'count':
      return c.perItem
        ? `Theo số lượng: ${formatNumberVi(c.perItem)} điểm/lần, tối đa ${max} điểm`
        : `Theo số lượng, tối đa ${max} điểm`;
    case 'bonus':
      return `Điểm thưởng, tối đa ${max} điểm`;
    case 'deduction':
      return c.perItem ? `Điểm trừ: ${formatNumberVi(c.perItem)} điểm/lần, trừ tối đa ${max} điểm` : `Điểm trừ, trừ tối đa ${max} điểm`;
  }
}

/** Points a group contributes, after its cap (shared/domain/scoring.ts groupMax). */
export function groupPoints(group: CriteriaGroup): number {
  return groupMax(group);
}

function groupPointsLabel(group: CriteriaGroup): string {
  const points = formatNumberVi(groupPoints(group));
  if (group.kind === 'bonus') return `+${points}`;
  if (group.kind === 'deduction') return `-${points}`;
  return points;
}

function groupCapNote(group: CriteriaGroup): string {
  if (group.cap === undefined) return '';
  const cap = formatNumberVi(group.cap);
  return group.kind === 'deduction' ? `Cả nhóm trừ không quá ${cap} điểm` : `Cả nhóm cộng không quá ${cap} điểm`;
}

const cell = (text: string, style: Partial<TextNode> = {}): TableCell => ({ text, ...style });

export function scoringTableDocument(rawData: BlocData, rawTable: ScoringTable, setup: DocumentSetup): DocumentDefinition {
  const data = deepNfc(rawData);
  const table = deepNfc(rawTable);
  const geometry = pageGeometry(setup);
  const fontSize = 12;

  const body: TableCell[][] = [
    [
      cell('TT', { bold: true, alignment: 'center' }),
      cell('Nội dung tiêu chí', { bold: true, alignment: 'center' }),
      cell('Điểm tối đa', { bold: true, alignment: 'center' }),
      cell('Cách chấm điểm', { bold: true, alignment: 'center' }),
    ],
  ];
  for (const group of table.groups) {
    body.push([
      cell(group.code, { bold: true, alignment: 'center' }),
      cell(group.title, { bold: true }),
      cell(groupPointsLabel(group), { bold: true, alignment: 'center' }),
      cell(groupCapNote(group), { italics: true }),
    ]);
    for (const c of group.criteria) {
      const guidance = c.guidance.trim();
      body.push([
        cell(c.code, { alignment: 'center' }),
        cell(c.title, { alignment: 'justify' }),
        cell(formatNumberVi(c.max), { alignment: 'center' }),
        { stack: [cell(criterionMethod(c)), ...(guidance ? [cell(guidance, { italics: true, margin: [0, 2, 0, 0] })] : [])] },
      ]);
    }
  }
  const nominal = nominalMax(table);
  body.push([
    cell('', {}),
    cell('TỔNG ĐIỂM CHUẨN', { bold: true, alignment: 'center' }),
    cell(formatNumberVi(table.scale || nominal), { bold: true, alignment: 'center' }),
    cell(nominal !== table.scale && table.scale > 0 ? `Tổng các nhóm tiêu chí: ${formatNumberVi(nominal)} điểm` : '', {
      italics: true,
    }),
  ]);

  const status =
    table.status === 'locked'
      ? `Phiên bản ${table.version}, đã thông qua${table.lockedAt ? ` ngày ${formatDateVi(table.lockedAt)}` : ''}`
      : `Phiên bản ${table.version} (dự thảo)`;
  const w = geometry.contentWidth;
  const content: Content[] = [
    documentHeader(geometry, {
      issuer: { parent: data.bloc.issuingParent, body: data.bloc.issuingBody.trim() || data.bloc.name, partyFormat: data.bloc.partyFormat },
      place: data.bloc.province,
      date: null,
    }),
    documentTitle(table.title.trim() || `Bảng chấm điểm thi đua năm ${table.year}`),
    {
      stack: [
        { text: status, italics: true },
        ...(table.reason.trim() && table.version > 1 ? [{ text: `Lý do điều chỉnh: ${table.reason.trim()}`, italics: true }] : []),
      ],
      alignment: 'center',
      margin: [0, -6, 0, 10],
    },
    {
      fontSize,
      lineHeight: 1.05,
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [30, w - 30 - 52 - 140 - 8 * 4 - 2.5, 52, 140],
        body,
      },
      layout: {
        hLineWidth: () => 0.5,
        vLineWidth: () => 0.5,
        paddingLeft: () => 4,
        paddingRight: () => 4,
        paddingTop: () => 3,
        paddingBottom: () => 3,
      },
    },
  ];
  return createDocument(
    { ...setup },
    { title: table.title || `Bảng chấm điểm thi đua năm ${table.year}`, author: data.bloc.issuingBody || data.bloc.name },
    content,
  );
}
