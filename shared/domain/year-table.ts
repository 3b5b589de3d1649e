/**
 * Looking up a year of a bloc's data and its scoring table: the one place that says, with one code
 * each, that the year, its table or a named version is missing. Services, documents and the CLI
 * call it; their messages are the same everywhere.
 */
import { UserError } from '../errors';
import type { BlocData, ScoringTable, Year } from '../model/records';
import { findTable, tableInForce, tableVersions } from './scoring-table';

/** Which version of the year's table: the one in force (what scores use), the highest (what the table's screen edits and prints by default), or a named one. */
export type TableChoice = 'in-force' | 'latest' | { version: number };

/** The year's record; UserError 'year-missing' naming the years the bloc has. */
export function requireYear(data: Pick<BlocData, 'bloc' | 'years'>, year: number): Year {
  const found = data.years.find((y) => y.year === year);
  if (found) return found;
  const known = data.years.map((y) => y.year).sort((a, b) => a - b);
  throw new UserError(
    'year-missing',
    `Khối "${data.bloc.name}" chưa có năm thi đua ${year}` + (known.length ? ` (các năm hiện có: ${known.join(', ')}).` : '.'),
  );
}

/**
 * The year and the chosen version of its scoring table. UserError 'year-missing',
 * 'scoring-table-missing' (the year has no table) or 'scoring-table-version-missing' (naming the
 * versions there are).
 */
export function requireYearTable(
  data: Pick<BlocData, 'bloc' | 'years' | 'scoringTables'>,
  year: number,
  choice: TableChoice = 'in-force',
): { year: Year; table: ScoringTable } {
  const yearRecord = requireYear(data, year);
  const table =
    choice === 'in-force'
      ? tableInForce(data.scoringTables, year)
      : findTable(data.scoringTables, year, choice === 'latest' ? undefined : choice.version);
  if (table) return { year: yearRecord, table };
  const versions = tableVersions(data.scoringTables, year).map((t) => t.version);
  if (versions.length > 0 && typeof choice === 'object') {
    throw new UserError(
      'scoring-table-version-missing',
      `Bảng chấm điểm năm ${year} không có phiên bản ${choice.version} (các phiên bản hiện có: ${versions.join(', ')}).`,
    );
  }
  throw new UserError('scoring-table-missing', `Năm ${year} chưa có bảng chấm điểm. Hãy lập hoặc nhập bảng chấm điểm trước.`);
}
