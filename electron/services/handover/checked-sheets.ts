/**
 * Score sheets main has checked, by the SHA-256 of their stored bytes (StoredScoreSheet.deflated).
 * A sheet comes as the same bytes on every backup and export until one of its scores changes (a
 * past year's never do), and checking the same bytes again gives the same records: the upload
 * (bloc-upload.ts) inflates and packs its text again and hands the checks between records its
 * scores as they read them (checkedView), skipping the parse and the schema. Kept: sheets whose
 * text goes into data.json as it is, those main made itself from a package it read and checked
 * (openedPackage: the window stores them as they are), and only what the checks read (about 300
 * bytes a score), for this many scores at most (two of the largest blocs), the oldest dropped.
 */
import { createHash } from 'node:crypto';
import type { BlocData } from '../../../shared/model/records';
import type { AnyRecord } from '../../../shared/model/registry';
import { packScores, type StoredScoreSheet } from '../../../shared/model/score-sheets';
import { checkedView } from '../../../shared/package/consistency';

/** A sheet main checked: its scores as the checks between records read them, and the shape of its text without the brackets. */
export type CheckedSheet = { views: AnyRecord[]; containers: number; separators: number };

const MAX_SCORES = 250_000;
const sheets = new Map<string, CheckedSheet>();
let scores = 0;
let hits = 0;

const idOf = (deflated: Uint8Array) => createHash('sha256').update(deflated).digest('base64');

/** What main found when it checked these stored bytes, or null. */
export function checkedSheet(deflated: Uint8Array): CheckedSheet | null {
  const id = idOf(deflated);
  const found = sheets.get(id);
  if (!found) return null;
  hits++;
  // Touched last: dropped last.
  sheets.delete(id);
  sheets.set(id, found);
  return found;
}

export function rememberSheet(deflated: Uint8Array, sheet: CheckedSheet): void {
  const id = idOf(deflated);
  const old = sheets.get(id);
  if (old) {
    sheets.delete(id);
    scores -= old.views.length;
  }
  sheets.set(id, sheet);
  scores += sheet.views.length;
  for (const [oldest, dropped] of sheets) {
    if (scores <= MAX_SCORES) break;
    sheets.delete(oldest);
    scores -= dropped.views.length;
  }
}

/**
 * Remembers the sheets main made of a bloc it read and checked (their JSON holds exactly `data`'s
 * scores): the backup taken after the import, and every export after it, send them back.
 */
export function rememberSheetsOf(data: BlocData, stored: readonly StoredScoreSheet[]): void {
  const bySheet = new Map(packScores(data.scores).map((s) => [`${s.blocId}\u0000${s.id}`, s.scores]));
  for (const sheet of stored) {
    const list = bySheet.get(`${sheet.blocId}\u0000${sheet.id}`);
    if (!list) continue;
    const shape = { containers: 0, separators: list.length - 1 };
    for (const s of list) shapeOf(s, shape);
    rememberSheet(sheet.deflated, { views: list.map((s) => checkedView('scores', s as unknown as AnyRecord)), ...shape });
  }
}

/** Adds a JSON value's objects and arrays and its separators (as its text counts them: jsonShapeProblem). */
function shapeOf(value: unknown, shape: { containers: number; separators: number }): void {
  if (value === null || typeof value !== 'object') return;
  shape.containers++;
  const members = Array.isArray(value) ? value : Object.values(value);
  if (members.length > 1) shape.separators += members.length - 1;
  for (const m of members) shapeOf(m, shape);
}

/** Forgets every sheet (a bench measures an export as main meets its sheets the first time). */
export function forgetCheckedSheets(): void {
  sheets.clear();
  scores = 0;
}

/** How many sheets main remembers as checked, and how many times one was met again (for tests and benches). */
export function checkedSheetsInfo(): { sheets: number; hits: number } {
  return { sheets: sheets.size, hits };
}
