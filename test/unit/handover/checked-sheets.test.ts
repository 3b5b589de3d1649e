/**
 * The score sheets main remembers as checked (electron/services/handover/checked-sheets.ts): those it
 * hands the window after reading a package come back from the backup after the import and are
 * packed without being parsed again, into the same package; other bytes are checked as any; the
 * memory is bounded.
 */
import { unzipSync } from 'fflate';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BlocUpload } from '../../../electron/services/handover/bloc-upload';
import { checkedSheetsInfo, rememberSheet } from '../../../electron/services/handover/checked-sheets';
import { buildPackage, openedPackage, readPackage } from '../../../electron/services/handover/package-file';
import { sheetJson, type StoredScoreSheet } from '../../../shared/model/score-sheets';
import { encodePart, partsOfBloc, sheetParts } from '../../../shared/package/bloc-parts';
import { buildSyntheticBlocData, withFullHistory } from '../../../shared/sample/sample-bloc';
import type { BlocData } from '../../../shared/model/records';

const NOW = '2026-11-20T08:00:00.000Z';
const meta = { createdBy: 'Văn phòng Khối', appName: 'BlocDesk', appVersion: '1', now: NOW };
const data = withFullHistory(buildSyntheticBlocData({ units: 6, criteria: 9, years: 2, now: NOW, lastYear: 2025 }));
const dataJson = (pkg: Uint8Array) => new TextDecoder().decode(unzipSync(pkg)['data.json']);

/** What the window sends back: the other kinds as JSON, the scores as the sheets it stored. */
async function backUp(bloc: BlocData, sheets: readonly StoredScoreSheet[]): Promise<Uint8Array> {
  const all = partsOfBloc(bloc);
  const first = all.findIndex((p) => p.key === 'scores');
  const parts = all.filter((p) => p.key !== 'scores').map(encodePart);
  parts.splice(first, 0, ...sheetParts('scores', sheets.map((s) => s.deflated)));
  const u = new BlocUpload();
  parts.forEach((p, i) => u.receive(i, p.key, p.bytes, p.sheets === true));
  return (await u.finish(meta)).bytes;
}

describe('score sheets main remembers as checked', () => {
  it('remembers the sheets it hands the window; sent back, they give the same package, none checked anew', async () => {
    expect(checkedSheetsInfo()).toEqual({ sheets: 0, hits: 0 });
    const opened = openedPackage(readPackage(buildPackage(data, meta), 'khoi.blocdesk', { scoreSheets: true }));
    const sheets = opened.data.scoreSheets;
    expect(checkedSheetsInfo()).toEqual({ sheets: sheets.length, hits: 0 });
    expect(dataJson(await backUp(data, sheets))).toBe(dataJson(buildPackage(data, meta)));
    expect(checkedSheetsInfo()).toEqual({ sheets: sheets.length, hits: sheets.length });
    // The same JSON deflated otherwise is other bytes: checked, then remembered too.
    const other = sheets.map((s) => ({ ...s, deflated: new Uint8Array(deflateRawSync(sheetJson(s), { level: 9 })) }));
    expect(dataJson(await backUp(data, other))).toBe(dataJson(buildPackage(data, meta)));
    expect(checkedSheetsInfo()).toEqual({ sheets: 2 * sheets.length, hits: sheets.length });
  });

  it('keeps at most 250 000 scores, the sheets touched longest ago dropped first', () => {
    const many = (n: number) => ({ views: new Array(n).fill({}), containers: 0, separators: 0 });
    for (let i = 0; i < 3; i++) rememberSheet(new Uint8Array([0xfe, i]), many(100_000));
    expect(checkedSheetsInfo().sheets).toBe(2);
  });
});
