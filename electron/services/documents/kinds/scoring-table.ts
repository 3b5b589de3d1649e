/**
 * Bảng chấm điểm thi đua: the bloc's header, the title and version, then one table of groups
 * (Roman numerals, bold, with the group's points) and criteria (code, content, maximum points,
 * how it is scored), bonus and deduction groups with their caps, and the total of the scale.
 */
import { groupMax, nominalMax } from '../../../../shared/domain/scoring';
import { requireYearTable } from '../../../../shared/domain/year-table';
import type { BlocData, CriteriaGroup, Criterion, ScoringTable } from '../../../../shared/model/records';
import { deepNfc, formatDateVi, formatNumberVi } from '../../../../shared/text/vietnamese';
import { borderedTable, documentModel, header, textCell, title, type DocumentModel, type TableCell } from '../model/index';
import type { DocumentModule } from './kind';

/** The version to print: the given one, or the latest of the year (one lookup rule: shared/domain/year-table.ts). */
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

/** The scoring table as a document: header, title with its version, one table of groups and criteria, the total. */
export function scoringTableModel(rawData: BlocData, rawTable: ScoringTable): DocumentModel {
  const data = deepNfc(rawData);
  const table = deepNfc(rawTable);

  const rows: TableCell[][] = [
    [
      textCell('TT', { bold: true, align: 'center' }),
      textCell('Nội dung tiêu chí', { bold: true, align: 'center' }),
      textCell('Điểm tối đa', { bold: true, align: 'center' }),
      textCell('Cách chấm điểm', { bold: true, align: 'center' }),
    ],
  ];
  for (const group of table.groups) {
    rows.push([
      textCell(group.code, { bold: true, align: 'center' }),
      textCell(group.title, { bold: true }),
      textCell(groupPointsLabel(group), { bold: true, align: 'center' }),
      textCell(groupCapNote(group), { italics: true }),
    ]);
    for (const c of group.criteria) {
      const guidance = c.guidance.trim();
      rows.push([
        textCell(c.code, { align: 'center' }),
        textCell(c.title, { align: 'justify' }),
        textCell(formatNumberVi(c.max), { align: 'center' }),
        textCell(criterionMethod(c), {}, guidance ? [{ runs: [{ text: guidance, italics: true }], spaceBefore: 2 }] : []),
      ]);
    }
  }
  const nominal = nominalMax(table);
  rows.push([
    textCell(''),
    textCell('TỔNG ĐIỂM CHUẨN', { bold: true, align: 'center' }),
    textCell(formatNumberVi(table.scale || nominal), { bold: true, align: 'center' }),
    textCell(nominal !== table.scale && table.scale > 0 ? `Tổng các nhóm tiêu chí: ${formatNumberVi(nominal)} điểm` : '', { italics: true }),
  ]);

  const status =
    table.status === 'locked'
      ? `Phiên bản ${table.version}, đã thông qua${table.lockedAt ? ` ngày ${formatDateVi(table.lockedAt)}` : ''}`
      : `Phiên bản ${table.version} (dự thảo)`;
  const criteriaTable = borderedTable([30, '*', 52, 140], rows);
  return documentModel(
    { title: table.title || `Bảng chấm điểm thi đua năm ${table.year}`, author: data.bloc.issuingBody || data.bloc.name },
    [
      header(
        { parent: data.bloc.issuingParent, body: data.bloc.issuingBody.trim() || data.bloc.name, partyFormat: data.bloc.partyFormat },
        { place: data.bloc.province, date: null },
      ),
      title(table.title.trim() || `Bảng chấm điểm thi đua năm ${table.year}`, {
        notes: [status, ...(table.reason.trim() && table.version > 1 ? [`Lý do điều chỉnh: ${table.reason.trim()}`] : [])],
      }),
      criteriaTable,
    ],
  );
}

export const scoringTableKind: DocumentModule = {
  kind: 'scoring-table',
  title: 'Bảng chấm điểm thi đua',
  formats: ['pdf', 'docx'],
  options: ['version'],
  fileName: (data, year, options) => `Bang-cham-diem-${year}-phien-ban-${scoringTableForYear(data, year, options.version).version}`,
  build: (data, year, options) => scoringTableModel(data, scoringTableForYear(data, year, options.version)),
};
