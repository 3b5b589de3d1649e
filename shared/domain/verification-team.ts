/**
 * The verification team (tổ thẩm định) of a year: typed one member per line ("Họ tên – Đơn vị"),
 * stored on the year's review, and offered with the secretary as the person acting in the audit.
 */
import type { YearReview } from '../model/records';

export type TeamMember = YearReview['team'][number];

export const TEAM_MAX = 30;
const NAME_MAX = 120;
const UNIT_MAX = 200;

/** "Nguyễn Văn A – Sở Tài chính": an en or em dash, or a hyphen with spaces around it ("H-Mai" keeps its hyphen). */
const SEPARATOR = /\s*[–—]\s*|\s+-\s+/;

export type TeamParse = { ok: true; team: TeamMember[] } | { ok: false; message: string };

/** Reads the team from its lines; empty lines are skipped; the first problem is named with its line. */
export function parseTeamLines(text: string): TeamParse {
  const team: TeamMember[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const at = `Dòng ${i + 1}`;
    const [name = '', unit = ''] = splitOnce(line).map((p) => p.trim());
    if (!name) return { ok: false, message: `${at}: thiếu họ tên thành viên.` };
    if (name.length > NAME_MAX) return { ok: false, message: `${at}: họ tên dài quá ${NAME_MAX} ký tự.` };
    if (unit.length > UNIT_MAX) return { ok: false, message: `${at}: tên đơn vị dài quá ${UNIT_MAX} ký tự.` };
    const key = name.normalize('NFC').toLocaleLowerCase('vi');
    if (seen.has(key)) return { ok: false, message: `${at}: "${name}" đã có trong tổ thẩm định.` };
    seen.add(key);
    team.push({ name, unit });
  }
  if (team.length > TEAM_MAX) return { ok: false, message: `Tổ thẩm định có ${team.length} người, nhiều nhất ${TEAM_MAX}.` };
  return { ok: true, team };
}

function splitOnce(line: string): string[] {
  const m = SEPARATOR.exec(line);
  return m ? [line.slice(0, m.index), line.slice(m.index + m[0].length)] : [line];
}

/** The lines that parseTeamLines reads back to the same team. */
export function teamLines(team: readonly TeamMember[]): string {
  return team.map((m) => (m.unit ? `${m.name} – ${m.unit}` : m.name)).join('\n');
}

/** Who can be named as acting: the secretary from settings first, then the team, each once. */
export function actorChoices(secretary: string, team: readonly TeamMember[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const name of [secretary, ...team.map((m) => m.name)]) {
    const n = name.trim();
    const key = n.normalize('NFC').toLocaleLowerCase('vi');
    if (!n || seen.has(key)) continue;
    seen.add(key);
    out.push(n);
  }
  return out;
}
