import { describe, expect, it } from 'vitest';
import { applyRetention, type RetainedBackup } from '../../../shared/domain/backup-retention';

/** An instant given on the office clock (UTC+7): '2026-05-14 10:42' → ISO UTC. */
function local(text: string): string {
  const [date, time = '12:00:00'] = text.split(' ');
  const [h = '0', m = '0', s = '0'] = time.split(':');
  return new Date(Date.parse(`${date}T${h.padStart(2, '0')}:${m.padStart(2, '0')}:${s.padStart(2, '0')}+07:00`)).toISOString();
}

function b(time: string, blocId = 'khoi-a'): RetainedBackup {
  return { key: `${blocId}@${time}`, blocId, time: local(time) };
}

const keys = (list: RetainedBackup[]) => list.map((x) => x.key).sort();

describe('backup retention', () => {
  it('keeps nothing and removes nothing for an empty folder', () => {
    expect(applyRetention([], local('2026-05-14 10:00'))).toEqual({ keep: [], remove: [] });
  });

  it('keeps the newest 10 backups of today and removes the older ones of today', () => {
    const today = Array.from({ length: 13 }, (_, i) => b(`2026-05-14 08:${String(i * 4).padStart(2, '0')}`));
    const r = applyRetention(today, local('2026-05-14 10:00'));
    expect(keys(r.keep)).toEqual(keys(today.slice(3)));
    expect(keys(r.remove)).toEqual(keys(today.slice(0, 3)));
  });

  it('takes the day on the office clock (UTC+7), not UTC', () => {
    // 23:30 UTC on 13 May is 06:30 on 14 May in the office: it counts as today.
    const early = { key: 'early', blocId: 'khoi-a', time: '2026-05-13T23:30:00.000Z' };
    const todays = Array.from({ length: 10 }, (_, i) => b(`2026-05-14 09:${String(i).padStart(2, '0')}`));
    const r = applyRetention([early, ...todays], '2026-05-14T03:00:00.000Z');
    expect(r.remove.map((x) => x.key)).toEqual(['early']);
    // Read with a UTC clock, the same backup is yesterday's only one and is kept as its day's.
    const utc = applyRetention([early, ...todays], '2026-05-14T03:00:00.000Z', { utcOffsetMinutes: 0 });
    expect(utc.remove).toEqual([]);
  });

  it('keeps the newest backup of each of the 14 days before today', () => {
    const list: RetainedBackup[] = [];
    for (let d = 1; d <= 14; d++) {
      const date = `2026-05-${String(14 - d).padStart(2, '0')}`;
      if (d === 14) list.push(b(`2026-04-30 09:00`), b(`2026-04-30 17:00`));
      else list.push(b(`${date} 09:00`), b(`${date} 17:00`));
    }
    const r = applyRetention(list, local('2026-05-14 08:00'));
    expect(keys(r.keep)).toEqual(keys(list.filter((x) => x.key.endsWith('17:00'))));
    expect(r.remove).toHaveLength(14);
  });

  it('a day exactly 14 days back is still a daily; 15 days back only counts as its month', () => {
    const now = local('2026-05-20 08:00');
    const day14 = [b('2026-05-06 09:00'), b('2026-05-06 18:00')];
    const day15 = [b('2026-05-05 09:00'), b('2026-05-05 18:00')];
    const newer = b('2026-05-19 10:00');
    const r = applyRetention([...day14, ...day15, newer], now);
    // May's newest is the 19th; the 15-days-old backups are neither a daily nor their month's newest.
    expect(keys(r.keep)).toEqual(keys([day14[1]!, newer]));
    expect(keys(r.remove)).toEqual(keys([day14[0]!, ...day15]));
  });

  it('keeps the newest of each month for the current month and the 24 months before it', () => {
    const now = local('2026-05-14 08:00');
    const list: RetainedBackup[] = [];
    // Two backups in each month from April 2024 (25 months back) to April 2026.
    for (let m = 0; m < 25; m++) {
      const month = new Date(Date.UTC(2024, 3 + m, 1));
      const ym = `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
      list.push(b(`${ym}-02 09:00`), b(`${ym}-27 09:00`));
    }
    const r = applyRetention(list, now);
    const kept = keys(r.keep);
    // May 2024 (24 months back) is the oldest month kept; April 2024 (25 back) is beyond the window,
    // except that nothing here is the bloc's newest.
    expect(kept).toContain('khoi-a@2024-05-27 09:00');
    expect(kept).not.toContain('khoi-a@2024-04-27 09:00');
    expect(kept).not.toContain('khoi-a@2024-05-02 09:00');
    expect(r.keep).toHaveLength(24);
    expect(kept.every((k) => k.includes('-27 '))).toBe(true);
  });

  it('crosses a year boundary by calendar months', () => {
    const now = local('2027-01-03 08:00');
    const dec = [b('2026-12-01 09:00'), b('2026-12-15 09:00')];
    const nov = [b('2026-11-30 23:59:59'), b('2026-11-01 00:00')];
    const r = applyRetention([...dec, ...nov], now);
    // 15 December is older than 14 days, December's newest; 30 November is November's newest.
    expect(keys(r.keep)).toEqual(keys([dec[1]!, nov[0]!]));
  });

  it('the month boundary is the office midnight: 23:59 on the 31st and 00:00 on the 1st are different months', () => {
    const now = local('2026-09-20 08:00');
    const endOfJuly = b('2026-07-31 23:59');
    const startOfAugust = b('2026-08-01 00:00');
    const laterAugust = b('2026-08-02 10:00');
    const r = applyRetention([endOfJuly, startOfAugust, laterAugust], now);
    expect(keys(r.keep)).toEqual(keys([endOfJuly, laterAugust]));
  });

  it('never deletes the only copy of a bloc, however old', () => {
    const lone = b('2019-03-01 09:00', 'khoi-cu');
    const r = applyRetention([lone], local('2026-05-14 08:00'));
    expect(r.keep).toEqual([lone]);
    expect(r.remove).toEqual([]);
  });

  it('keeps the newest of an old bloc and removes its other copies beyond every window', () => {
    const old = [b('2019-03-01 09:00', 'khoi-cu'), b('2019-03-05 09:00', 'khoi-cu'), b('2020-01-05 09:00', 'khoi-cu')];
    const r = applyRetention(old, local('2026-05-14 08:00'));
    expect(keys(r.keep)).toEqual(['khoi-cu@2020-01-05 09:00']);
  });

  it('handles several blocs independently', () => {
    const now = local('2026-05-14 18:00');
    const a = Array.from({ length: 12 }, (_, i) => b(`2026-05-14 ${String(6 + i).padStart(2, '0')}:00`, 'khoi-a'));
    const c = [b('2026-05-14 07:30', 'khoi-b'), b('2026-05-10 07:30', 'khoi-b')];
    const r = applyRetention([...a, ...c], now);
    expect(keys(r.remove)).toEqual(keys(a.slice(0, 2)));
    expect(keys(r.keep.filter((x) => x.blocId === 'khoi-b'))).toEqual(keys(c));
  });

  it('keeps backups dated after now (a PC clock that was or is wrong)', () => {
    const future = b('2026-06-01 09:00');
    const r = applyRetention([future, b('2026-05-14 07:00')], local('2026-05-14 08:00'));
    expect(r.remove).toEqual([]);
  });

  it('does not depend on the order of its input, even for backups of the same second', () => {
    const list = [
      { key: 'x/1', blocId: 'k', time: local('2026-05-10 09:00') },
      { key: 'x/2', blocId: 'k', time: local('2026-05-10 09:00') },
      { key: 'x/3', blocId: 'k', time: local('2026-05-10 08:00') },
      b('2026-05-14 07:00', 'k'),
    ];
    const r1 = applyRetention(list, local('2026-05-14 08:00'));
    const r2 = applyRetention([...list].reverse(), local('2026-05-14 08:00'));
    expect(keys(r1.keep)).toEqual(keys(r2.keep));
    expect(keys(r1.remove)).toEqual(['x/1', 'x/3']);
  });

  it('a long history settles on 10 + 14 + 24 at most, every day for a year of hourly backups', () => {
    const list: RetainedBackup[] = [];
    const start = Date.parse(local('2025-05-01 00:30'));
    const end = Date.parse(local('2026-05-14 17:45'));
    for (let t = start; t <= end; t += 3_600_000) list.push({ key: String(t), blocId: 'k', time: new Date(t).toISOString() });
    const r = applyRetention(list, new Date(end));
    const todays = r.keep.filter((x) => Date.parse(x.time) >= Date.parse(local('2026-05-14 00:00')));
    expect(todays).toHaveLength(10);
    // Today 10; the 14 days before (30 April .. 13 May): 14; the newest of each month May 2025 ..
    // March 2026: 11 (April 2026's newest is the daily of 30 April, May 2026's is today's).
    expect(r.keep).toHaveLength(10 + 14 + 11);
    expect(r.keep.length + r.remove.length).toBe(list.length);
  });
});
