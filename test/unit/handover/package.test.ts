import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import { SCHEMA_VERSION, type BlocData } from '../../../shared/model/records';
import { PACKAGE_FORMAT } from '../../../shared/package/format';
import { buildSampleBlocData, buildSyntheticBlocData } from '../../../shared/sample/sample-bloc';
import { buildPackage, readPackage } from '../../../electron/services/handover/package-file';

const NOW = '2026-11-20T08:00:00.000Z';
const meta = { createdBy: 'Văn phòng Sở Y tế', appName: 'BlocDesk', appVersion: '0.1.0', now: NOW };

function refusal(bytes: Uint8Array, name = 'goi.blocdesk'): UserError {
  try {
    readPackage(bytes, name);
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('package was accepted');
}

/** Rebuilds a zip from entries, optionally fixing the checksums in the manifest. */
function rezip(entries: Record<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, [v, { level: 6 }]])) as never);
}
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('handover package', () => {
  const sample = buildSampleBlocData(NOW);

  it('round-trips: export, import, export again gives the same content', () => {
    const bytes = buildPackage(sample, meta);
    const read = readPackage(bytes, 'Khoi_VHXH.blocdesk');
    expect(read.data).toEqual(sample);
    expect(buildPackage(read.data, meta)).toEqual(bytes);
    expect(read.preview).toMatchObject({
      fileName: 'Khoi_VHXH.blocdesk',
      schemaVersion: SCHEMA_VERSION,
      migratedFrom: null,
      createdBy: 'Văn phòng Sở Y tế',
      bloc: { id: sample.bloc.id, name: sample.bloc.name },
      years: [2023, 2024],
      counts: { units: 8, years: 2, scoringTables: 1 },
    });
  });

  it('keeps Vietnamese text exactly and normalises decomposed text to NFC', () => {
    const nfd = structuredClone(sample);
    nfd.units[0]!.name = 'Sở Y tế'.normalize('NFD');
    const read = readPackage(buildPackage(nfd, meta), 'x.blocdesk');
    expect(read.data.units[0]!.name).toBe('Sở Y tế'.normalize('NFC'));
  });

  it('carries a large synthetic bloc', () => {
    const big = buildSyntheticBlocData({ units: 40, criteria: 150, years: 3, now: NOW });
    const read = readPackage(buildPackage(big, meta), 'big.blocdesk');
    expect(read.data.units).toHaveLength(40);
    expect(read.data.scoringTables.map((t) => t.groups.reduce((n, g) => n + g.criteria.length, 0))).toEqual([150, 150, 150]);
  });

  it('refuses an empty file', () => {
    expect(refusal(new Uint8Array()).code).toBe('package-empty');
  });

  it('refuses a foreign file (not a zip)', () => {
    const e = refusal(strToU8('Mã,Tên\nSYT,Sở Y tế\n'), 'donvi.csv');
    expect(e.code).toBe('package-foreign');
    expect(e.message).toContain('donvi.csv');
    expect(e.message).toContain('không phải gói bàn giao BlocDesk');
  });

  it('refuses a zip that is not a package', () => {
    expect(refusal(rezip({ 'word/document.xml': strToU8('<w/>') })).code).toBe('package-foreign');
    expect(refusal(rezip({ 'manifest.json': strToU8('{"format":"other"}') })).code).toBe('package-foreign');
  });

  it('refuses a truncated package', () => {
    const bytes = buildPackage(sample, meta);
    for (const cut of [10, Math.floor(bytes.length / 2), bytes.length - 5]) {
      const e = refusal(bytes.slice(0, cut));
      expect(['package-damaged', 'package-foreign']).toContain(e.code);
      expect(e.message).toMatch(/hỏng|không đầy đủ|không phải/);
    }
  });

  it('refuses a tampered package (data changed, checksum not)', () => {
    const entries = unzipSync(buildPackage(sample, meta));
    const data = JSON.parse(strFromU8(entries['data.json']!)) as BlocData;
    data.units[0]!.name = 'Sở Y tế (đã sửa)';
    const e = refusal(rezip({ ...entries, 'data.json': strToU8(JSON.stringify(data)) }));
    expect(e.code).toBe('package-tampered');
    expect(e.message).toContain('mã kiểm tra');
  });

  it('refuses an extra entry slipped into the package', () => {
    const entries = unzipSync(buildPackage(sample, meta));
    expect(refusal(rezip({ ...entries, 'payload.exe': strToU8('MZ') })).code).toBe('package-tampered');
  });

  it('refuses counts that disagree with the data, even with matching checksums', () => {
    const entries = unzipSync(buildPackage(sample, meta));
    const data = JSON.parse(strFromU8(entries['data.json']!)) as BlocData;
    data.units.pop();
    const dataBytes = strToU8(JSON.stringify(data));
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as { checksums: Record<string, string> };
    manifest.checksums['data.json'] = sha(dataBytes);
    const e = refusal(rezip({ 'data.json': dataBytes, 'manifest.json': strToU8(JSON.stringify(manifest)) }));
    expect(e.code).toBe('package-tampered');
  });

  it('refuses a package of a newer schema with a message to update the app', () => {
    const entries = unzipSync(buildPackage(sample, meta));
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as { schemaVersion: number };
    manifest.schemaVersion = SCHEMA_VERSION + 1;
    const e = refusal(rezip({ ...entries, 'manifest.json': strToU8(JSON.stringify(manifest)) }));
    expect(e.code).toBe('package-newer');
    expect(e.message).toContain('cập nhật BlocDesk');
  });

  it('refuses invalid records with details', () => {
    const entries = unzipSync(buildPackage(sample, meta));
    const data = JSON.parse(strFromU8(entries['data.json']!)) as Record<string, unknown>;
    (data.units as { code: string }[])[0]!.code = 'mã có dấu cách';
    const dataBytes = strToU8(JSON.stringify(data));
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as { checksums: Record<string, string> };
    manifest.checksums['data.json'] = sha(dataBytes);
    const e = refusal(rezip({ 'data.json': dataBytes, 'manifest.json': strToU8(JSON.stringify(manifest)) }));
    expect(e.code).toBe('package-invalid');
    expect(e.message).toContain('đơn vị thứ 1, trường code');
    expect(e.details?.join(' ')).toContain('đơn vị thứ 1, trường code');
  });

  it('refuses dangling references (a year naming a unit that is not there)', () => {
    const broken = structuredClone(sample);
    broken.years[0]!.leaderUnitId = 'khong-ton-tai';
    expect(() => buildPackage(broken, meta)).toThrow(UserError);
  });

  it('migrates a package written with schema version 1', () => {
    const v1 = { bloc: sample.bloc, units: sample.units, years: sample.years };
    const dataBytes = strToU8(JSON.stringify(v1));
    const manifest = {
      format: PACKAGE_FORMAT,
      formatVersion: 1,
      schemaVersion: 1,
      app: { name: 'BlocDesk', version: '0.0.1' },
      createdAt: NOW,
      createdBy: 'Sở Y tế',
      bloc: { id: sample.bloc.id, name: sample.bloc.name, shortName: sample.bloc.shortName },
      years: [2023, 2024],
      counts: { units: 8, years: 2, scoringTables: 0, pledges: 0, attachments: 0, scores: 0, importBatches: 0 },
      checksums: { 'data.json': sha(dataBytes) },
    };
    const read = readPackage(rezip({ 'data.json': dataBytes, 'manifest.json': strToU8(JSON.stringify(manifest)) }), 'cu.blocdesk');
    expect(read.preview.migratedFrom).toBe(1);
    expect(read.data.scoringTables).toEqual([]);
    expect(read.data.scores).toEqual([]);
    expect(read.data.units).toEqual(sample.units);
  });
});
