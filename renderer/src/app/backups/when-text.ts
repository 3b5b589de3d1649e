/** Backup times as the secretariat reads them: "10:42 hôm nay", "10:42 hôm qua", "10:42 ngày 12/05/2026" (the PC's clock). */
const pad = (n: number) => String(n).padStart(2, '0');

function dayNumber(d: Date): number {
  return Math.floor(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
}

export function whenText(isoTime: string, now: Date): string {
  const d = new Date(isoTime);
  if (Number.isNaN(d.getTime())) return isoTime;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const days = dayNumber(now) - dayNumber(d);
  if (days === 0) return `${time} hôm nay`;
  if (days === 1) return `${time} hôm qua`;
  return `${time} ngày ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** The status line of the app shell. */
export function lastBackupText(isoTime: string | null, now: Date): string {
  return isoTime === null ? 'Chưa có bản sao lưu' : `Sao lưu lần cuối: ${whenText(isoTime, now)}`;
}
