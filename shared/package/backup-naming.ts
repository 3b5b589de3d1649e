/**
 * Backup file names: `<bloc>-<yyyyMMdd-HHmmss>-<reason>.blocdesk`, e.g.
 * `khoi-van-hoa-xa-hoi-20260514-104200-truoc-thay-the.blocdesk`. The bloc is its short name (or
 * name) folded to ASCII, the time is the office clock, the reason its ASCII token
 * (shared/model/backup.ts). A second backup within the same second gets `-2`, `-3`, ... before the
 * extension. ASCII only, so names survive FAT32 USB sticks, zip tools and e-mail unchanged.
 */
import { BACKUP_REASONS, BACKUP_REASON_TOKENS, type BackupReason } from './backup';
import { PACKAGE_EXTENSION } from './format';
import { asciiSlug } from '../text/vietnamese';
import { fromLocalParts, localParts, OFFICE_UTC_OFFSET_MINUTES } from '../domain/office-time';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const FALLBACK_SLUG = 'khoi';

/** The bloc part of a backup name. */
export function backupBlocSlug(bloc: { name: string; shortName: string }): string {
  return asciiSlug(bloc.shortName || bloc.name, 40) || asciiSlug(bloc.name, 40) || FALLBACK_SLUG;
}

/** `yyyyMMdd-HHmmss` on the office clock. */
export function backupStamp(ms: number, offsetMinutes = OFFICE_UTC_OFFSET_MINUTES): string {
  const p = localParts(ms, offsetMinutes);
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}-${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

export function backupFileName(
  bloc: { name: string; shortName: string },
  time: string | Date,
  reason: BackupReason,
  options: { sequence?: number; utcOffsetMinutes?: number } = {},
): string {
  const ms = typeof time === 'string' ? Date.parse(time) : time.getTime();
  const seq = options.sequence && options.sequence > 1 ? `-${options.sequence}` : '';
  return `${backupBlocSlug(bloc)}-${backupStamp(ms, options.utcOffsetMinutes)}-${BACKUP_REASON_TOKENS[reason]}${seq}.${PACKAGE_EXTENSION}`;
}

export interface ParsedBackupName {
  slug: string;
  /** The stamp as an instant (ISO, whole seconds). */
  time: string;
  stamp: string;
  reason: BackupReason;
  sequence: number;
}

const TOKEN_ALTERNATION = BACKUP_REASONS.map((r) => BACKUP_REASON_TOKENS[r]).join('|');
const NAME = new RegExp(
  `^([a-z0-9]+(?:-[a-z0-9]+)*)-(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})-(${TOKEN_ALTERNATION})(?:-(\\d{1,4}))?\\.${PACKAGE_EXTENSION}$`,
);

/** Reads a backup file name back; null for any other name (the file is then not one of ours). */
export function parseBackupFileName(fileName: string, offsetMinutes = OFFICE_UTC_OFFSET_MINUTES): ParsedBackupName | null {
  const m = NAME.exec(fileName);
  if (!m) return null;
  const [, slug, y, mo, d, h, mi, s, token, seq] = m;
  const parts = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(s) };
  const ms = fromLocalParts(parts, offsetMinutes);
  // Reject impossible stamps (month 13, 31 February...), which Date.UTC would roll over.
  const back = localParts(ms, offsetMinutes);
  if (back.year !== parts.year || back.month !== parts.month || back.day !== parts.day || back.hour !== parts.hour || back.minute !== parts.minute || back.second !== parts.second)
    return null;
  const reason = BACKUP_REASONS.find((r) => BACKUP_REASON_TOKENS[r] === token)!;
  const sequence = seq ? Number(seq) : 1;
  if (seq && sequence < 2) return null;
  return { slug: slug!, time: new Date(ms).toISOString(), stamp: `${y}${mo}${d}-${h}${mi}${s}`, reason, sequence };
}
