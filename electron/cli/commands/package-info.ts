/** `package-info`: prints what a handover package holds, as JSON. */
import { resolve } from 'node:path';
import { criteriaInOrder, tableInForce } from '../../../shared/domain/scoring-table';
import type { BlocData } from '../../../shared/model/records';
import { parseCommandArgs, UsageError, type Command } from '../command';
import { readPackageFile } from '../../services/handover/package-file';

export const packageInfoCommand: Command = {
  async run(argv, io) {
    const { positionals } = parseCommandArgs(argv, {}, true);
    if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp .blocdesk.');
    const { manifest, data } = await readPackageFile(resolve(positionals[0]!));
    const codeOf = new Map(data.units.map((u) => [u.id, u.code]));
    const code = (id: string | null) => (id === null ? null : (codeOf.get(id) ?? null));
    const info = {
      format: manifest.format,
      formatVersion: manifest.formatVersion,
      schemaVersion: manifest.schemaVersion,
      app: manifest.app,
      createdAt: manifest.createdAt,
      createdBy: manifest.createdBy,
      bloc: {
        id: data.bloc.id,
        name: data.bloc.name,
        shortName: data.bloc.shortName,
        province: data.bloc.province,
        issuingBody: data.bloc.issuingBody,
      },
      units: [...data.units]
        .sort((a, b) => a.order - b.order)
        .map((u) => ({ code: u.code, name: u.name, head: u.head, headTitle: u.headTitle, active: u.active })),
      years: [...data.years]
        .sort((a, b) => a.year - b.year)
        .map((y) => ({
          year: y.year,
          leader: code(y.leaderUnitId),
          deputy: code(y.deputyUnitId),
          members: y.memberUnitIds.map((id) => code(id)),
          scoringTableVersions: data.scoringTables.filter((t) => t.year === y.year).map((t) => t.version),
          criteria: criteriaInForce(data, y.year),
          hasPledge: data.pledges.some((p) => p.year === y.year),
        })),
      counts: manifest.counts,
    };
    io.stdout(JSON.stringify(info, null, 2) + '\n');
    return 0;
  },
};

/** Criteria of the year's table in force (the one templates and inspection use). */
function criteriaInForce(data: BlocData, year: number): number {
  const t = tableInForce(data.scoringTables, year);
  return t ? criteriaInOrder(t).length : 0;
}
