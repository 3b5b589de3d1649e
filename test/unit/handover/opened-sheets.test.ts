/**
 * What main hands the window for a package it read (openedPackage): the scores as the sheets the
 * window stores. For a large package they are cut out of data.json's text as it came; they must
 * read back as exactly the checked scores, and whenever the text cannot stand for those (a string
 * cleaned, a score the schema changed or filled in, the scores not in runs by sheet) the checked
 * scores are packed instead.
 */
import { describe, expect, it } from 'vitest';
import { buildPackage, openedPackage, readPackage, type ReadPackage } from '../../../electron/services/handover/package-file';
import type { BlocData, Score } from '../../../shared/model/records';
import { fromSheeted, loadSheet, packScores, sheetJson, sheetsOfText, storeSheet, toSheeted } from '../../../shared/model/score-sheets';
import { parseJsonInPieces, type ArraySpans } from '../../../shared/package/json-in-pieces';
import { buildSyntheticBlocData, withFullHistory } from '../../../shared/sample/sample-bloc';
import { rawPackage } from './forge';

const NOW = '2026-11-20T08:00:00.000Z';
const meta = { createdBy: 'Văn phòng Khối', appName: 'BlocDesk', appVersion: '1', now: NOW };
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const enc = (s: string) => new TextEncoder().encode(s);

/** Large enough that data.json (over 16 MB) is parsed in pieces, where the cut is made. */
const big = withFullHistory(buildSyntheticBlocData({ units: 30, criteria: 100, years: 10, now: NOW, lastYear: 2025 }));

function read(bytes: Uint8Array): ReadPackage {
  return readPackage(bytes, 'khoi.blocdesk', { scoreSheets: true });
}

/** The opened package gives back the checked bloc, its scores in id order. */
function expectSameBloc(r: ReadPackage): void {
  const opened = openedPackage(r);
  expect(opened.data).not.toHaveProperty('scores');
  expect(fromSheeted(opened.data)).toEqual({ ...r.data, scores: [...r.data.scores].sort(byId) });
}

describe('sheetsOfText', () => {
  const scores = [...withFullHistory(buildSyntheticBlocData({ units: 3, criteria: 4, years: 2, now: NOW, lastYear: 2025 })).scores].sort(byId);
  const cut = (list: unknown[], text = JSON.stringify(list)) => {
    const bytes = enc(`{"scores":${text}}`);
    const spans: ArraySpans = { key: 'scores', start: -1, ends: [] };
    const parsed = parseJsonInPieces(bytes, 64, spans) as { scores: unknown[] };
    return sheetsOfText(bytes, spans.start, spans.ends, parsed.scores);
  };

  it('cuts the sheets a packing gives out of the text, byte for byte when the text is JSON.stringify’s', () => {
    expect(cut(scores)).toEqual(packScores(scores).map(storeSheet));
    // Spaces and line breaks stay in the cut text; each sheet still reads back as its scores.
    expect(cut(scores, JSON.stringify(scores, null, 2))!.map(loadSheet)).toEqual(packScores(scores));
  });

  it('cuts nothing when the scores do not lie in runs by sheet in id order, or are not scores', () => {
    const [a, b, ...rest] = scores;
    expect(a!.unitId).toBe(b!.unitId);
    expect(cut([b, a, ...rest])).toBeNull(); // out of id order within a sheet
    expect(cut([b, ...rest, a])).toBeNull(); // a sheet in two runs
    expect(cut([...scores, 1])).toBeNull();
    expect(cut([...scores, { ...a, year: '2024' }])).toBeNull();
    expect(sheetsOfText(enc('[]'), 0, [1], [])).toBeNull(); // `[]` records one end for no element
  });
});

describe('a large package opened for the window', () => {
  it('written by the app: its sheets are cut from the text and are exactly the packed ones', () => {
    const bytes = buildPackage(big, meta);
    const r = read(bytes);
    expect(r.scoreSheets).not.toBeNull();
    expect(r.scoreSheets!.length).toBe(packScores(big.scores).length);
    const opened = openedPackage(r).data.scoreSheets;
    const packed = toSheeted(r.data).scoreSheets;
    expect(opened.map(({ deflated: _, ...s }) => s)).toEqual(packed.map(({ deflated: _, ...s }) => s));
    // Their JSON, compared as buffers (toEqual goes byte by byte through 15 MB).
    expect(opened.every((s, i) => Buffer.from(sheetJson(s)).equals(Buffer.from(sheetJson(packed[i]!))))).toBe(true);
    expect(readPackage(bytes, 'khoi.blocdesk').scoreSheets).toBeNull();
  });

  it('written with spaces and line breaks: cut, and they read back as the checked scores', () => {
    const r = read(rawPackage(JSON.stringify(big, null, 1), { manifestData: big }));
    expect(r.scoreSheets).not.toBeNull();
    expectSameBloc(r);
  });

  it('whose text cannot stand for the checked scores: packed from the checked scores instead', () => {
    const at = 4321;
    const variants: [string, (s: Score) => Record<string, unknown>, (s: Score) => void][] = [
      ['a note the cleaning changes', (s) => ({ ...s, note: 'Ghi\u0007 chú' }), (s) => expect(s.note).toBe('Ghi chú')],
      ['a key the schema drops', (s) => ({ ...s, extra: 'x' }), (s) => expect(s).not.toHaveProperty('extra')],
      ['a field the schema fills in', ({ note: _, ...s }) => s, (s) => expect(s.note).toBe('')],
    ];
    for (const [what, change, check] of variants) {
      const data = { ...big, scores: big.scores.map((s, i) => (i === at ? change(s) : s)) } as unknown as BlocData;
      const r = read(rawPackage(JSON.stringify(data), { manifestData: data }));
      expect(r.scoreSheets, what).toBeNull();
      expectSameBloc(r);
      const changed = fromSheeted(openedPackage(r).data).scores.find((s) => s.id === big.scores[at]!.id)!;
      check(changed);
    }
    // The scores not in runs by sheet.
    const [first, ...rest] = big.scores;
    const moved = { ...big, scores: [...rest, first!] };
    const r = read(rawPackage(JSON.stringify(moved), { manifestData: moved }));
    expect(r.scoreSheets).toBeNull();
    expectSameBloc(r);
  });
});
