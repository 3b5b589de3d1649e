import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPackage, encodePackage, encodePackageAsync, readPackage } from '../../../electron/services/handover/package-file';
import { zipEntries, zipEntriesAsync } from '../../../electron/services/handover/zip-writer';
import { NOW, sampleBloc, tempFolder } from './fixtures';

const meta = { createdBy: 'Sở Y tế', appName: 'BlocDesk', appVersion: '0.1.0', now: NOW };

describe('package zip writer (native zlib)', () => {
  it('writes an archive other tools read and verify (Python zipfile checks every CRC)', () => {
    const path = join(tempFolder('zip'), 'goi.zip');
    writeFileSync(
      path,
      zipEntries([
        { name: 'data.json', data: new TextEncoder().encode('{"tên":"Khối Văn hóa"}'.repeat(1000)), mtime: new Date(NOW), level: 6 },
        { name: 'ghi chú.txt', data: new TextEncoder().encode('không nén'), mtime: new Date(NOW), level: 0 },
      ]),
    );
    const script = [
      'import sys, zipfile, json',
      'z = zipfile.ZipFile(sys.argv[1])',
      'print(json.dumps({"bad": z.testzip(), "names": z.namelist(), "time": list(z.getinfo("data.json").date_time), "txt": z.read("ghi chú.txt").decode()}))',
    ].join('\n');
    const out = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' })) as Record<string, unknown>;
    // 03:42:07 UTC is 10:42:07 in the office; DOS times keep even seconds.
    expect(out).toEqual({ bad: null, names: ['data.json', 'ghi chú.txt'], time: [2026, 5, 14, 10, 42, 6], txt: 'không nén' });
  });

  it('the thread-pool variant gives the same bytes', async () => {
    const entries = [{ name: 'a.json', data: new Uint8Array(300_000).map((_, i) => i % 7), mtime: new Date(NOW), level: 6 }];
    expect(Buffer.from(await zipEntriesAsync(entries)).equals(zipEntries(entries))).toBe(true);
  });

  it('packages: encodePackage(Async) of validated data equals buildPackage and reads back', async () => {
    const data = sampleBloc();
    const built = buildPackage(data, meta);
    expect(Buffer.from(encodePackage(data, meta)).equals(built)).toBe(true);
    expect(Buffer.from(await encodePackageAsync(data, meta)).equals(built)).toBe(true);
    expect(readPackage(built, 'x.blocdesk').data).toEqual(data);
    const entries = unzipSync(built);
    expect(Object.keys(entries)).toEqual(['data.json', 'manifest.json']);
    expect(JSON.parse(strFromU8(entries['manifest.json']!))).toMatchObject({ createdAt: NOW });
  });
});
