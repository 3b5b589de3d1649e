/**
 * Which scoring table is in force for a year (shared/domain/scoring-table.ts `tableInForce`): with a
 * locked v1 and a draft v2 open, every consumer (templates, inspection, the matrix, the ranking, the
 * CLI, the renderer's stores and screen) uses v1; an unlocked draft changes nothing units were sent.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { identityFromKeywords } from '../../../electron/services/assessment/identity';
import { inspectFiles } from '../../../electron/services/assessment/inspect';
import { selfScoreMatrix } from '../../../electron/services/assessment/matrix';
import { buildTemplates } from '../../../electron/services/assessment/template';
import { yearContext } from '../../../electron/services/assessment/year-context';
import { buildPackage } from '../../../electron/services/handover/package-file';
import { yearRanking } from '../../../electron/services/ranking/year-ranking';
import { db } from '../../../renderer/src/db/database';
import { previousYearTable } from '../../../renderer/src/features/scoring/table-store';
import { criteriaInOrder, tableChecksum, tableInForce } from '../../../shared/domain/scoring-table';
import type { BlocData, ScoringTable } from '../../../shared/model/records';
import { tempDir } from '../assessment/corpus-tools';
import { sampleBloc, sampleTable } from '../assessment/fixtures';

/** v1 locked (the sample table); v2 a draft that adds criterion 1.5 and raises 1.1's maximum. */
function lockedV1DraftV2(): { data: BlocData; v1: ScoringTable; v2: ScoringTable } {
  const v1 = sampleTable({ version: 1 });
  const v2: ScoringTable = { ...structuredClone(v1), id: 'st-2024-v2', version: 2, status: 'draft', lockedAt: null, reason: 'Bổ sung tiêu chí 1.5' };
  const g = v2.groups[0]!;
  g.criteria[0]!.max += 5;
  g.criteria.push({ id: 'c-new', code: '1.5', title: 'Chuyển đổi số', max: 5, kind: 'qualitative', guidance: '' });
  return { data: sampleBloc({ tables: [v1, v2] }), v1, v2 };
}

describe('the table in force', () => {
  it('is the newest locked version; the highest draft only while none is locked', () => {
    const { v1, v2 } = lockedV1DraftV2();
    expect(tableInForce([v1, v2], 2024)?.version).toBe(1);
    expect(tableInForce([v2, v1], 2024)?.version).toBe(1);
    const v3 = { ...v2, id: 'v3', version: 3, status: 'locked' as const };
    expect(tableInForce([v1, v2, v3], 2024)?.version).toBe(3);
    const draftOnly = { ...v1, status: 'draft' as const, lockedAt: null };
    expect(tableInForce([draftOnly], 2024)?.version).toBe(1);
    expect(tableInForce([draftOnly, { ...v2, id: 'd2' }], 2024)?.version).toBe(2);
    expect(tableInForce([v1, v2], 2025)).toBeNull();
  });

  it('every consumer of the main process and the CLI uses v1 while v2 is a draft', async () => {
    const { data, v1, v2 } = lockedV1DraftV2();
    expect(tableChecksum(v2)).not.toBe(tableChecksum(v1));
    const v1Codes = criteriaInOrder(v1).map((c) => c.code);

    // The year context behind templates, inspection, the matrix and the ranking.
    expect(yearContext(data, 2024).table.id).toBe(v1.id);

    // Templates carry v1's version and checksum.
    const [template] = await buildTemplates(data, 2024, ['u-syt']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template!.bytes as unknown as ArrayBuffer);
    expect(identityFromKeywords(wb.keywords)).toMatchObject({ tableVersion: 1, tableChecksum: tableChecksum(v1) });

    // Inspection reads a v1 file against v1: no version problem, v1's criteria.
    const [report] = await inspectFiles(data, 2024, [{ name: template!.fileName, bytes: template!.bytes }]);
    expect([...report!.errors, ...report!.warnings].filter((p) => p.kind === 'table-version')).toEqual([]);
    expect(report!.scores.map((s) => s.code)).toEqual(v1Codes);

    // The matrix (screen model and Excel export) has v1's columns.
    expect(selfScoreMatrix(data, 2024).codes).toEqual(v1Codes);

    // The ranking scores against v1.
    expect(yearRanking(data, 2024).ctx.table.id).toBe(v1.id);

    // The CLI's package-info counts v1's criteria.
    const file = join(tempDir('in-force'), 'khoi.blocdesk');
    writeFileSync(file, buildPackage(data, { createdBy: 'test', appName: 'BlocDesk', appVersion: '0', now: '2024-12-01T08:00:00.000Z' }));
    let out = '';
    expect(await runCli(['package-info', file], { stdout: (t) => (out += t), stderr: () => {} })).toBe(0);
    const info = JSON.parse(out) as { years: { year: number; criteria: number; scoringTableVersions: number[] }[] };
    expect(info.years[0]).toMatchObject({ year: 2024, criteria: v1Codes.length, scoringTableVersions: [1, 2] });
  });

  describe('in the renderer', () => {
    beforeEach(async () => {
      await Promise.all(db.tables.map((t) => t.clear()));
    });

    it('"copy last year\'s table" offers the table in force of the last year', async () => {
      const { v1, v2 } = lockedV1DraftV2();
      await db.scoringTables.bulkAdd([v1, v2]);
      expect((await previousYearTable(v1.blocId, 2025))?.id).toBe(v1.id);
    });
  });
});
