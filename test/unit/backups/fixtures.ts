/** Shared helpers for the backup tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BlocData } from '../../../shared/model/records';
import { buildSampleBlocData, buildSyntheticBlocData } from '../../../shared/sample/sample-bloc';

export const NOW = '2026-05-14T03:42:07.000Z'; // 10:42:07 in the office

export function tempFolder(name = 'backups'): string {
  return mkdtempSync(join(tmpdir(), `blocdesk-${name}-`));
}

export function sampleBloc(): BlocData {
  return buildSampleBlocData(NOW);
}

export function otherBloc(): BlocData {
  return buildSyntheticBlocData({ units: 3, criteria: 4, years: 1, now: NOW });
}

/** An instant on the office clock (UTC+7), e.g. local('2026-05-14 10:00'). */
export function local(text: string): Date {
  const [date, time = '12:00'] = text.split(' ');
  return new Date(`${date}T${time.length === 5 ? `${time}:00` : time}+07:00`);
}
