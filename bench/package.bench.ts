/**
 * Handover packages: the largest real bloc and hostile files.
 *   - a 10-year bloc of 60 units and 200 criteria with a score, a note and two history entries for
 *     every unit × criterion × year, one import per year and 120 scanned signatures/stamps: size of
 *     data.json and of the package, time and peak memory to read it (must stay within
 *     PACKAGE_MAX_DATA_BYTES / PACKAGE_MAX_FILE_BYTES);
 *   - hostile packages (overlapping entries, a hidden 200 MB payload, data.json padded to 200 MB,
 *     JSON nested 100 000 deep): time and peak memory until the refusal; target < 10 s, < 1 GB.
 * Each read runs in its own process (bench/package-read-child.ts) so its peak memory is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { buildPackage } from '../electron/services/handover/package-file';
import { scoreId, type Attachment, type BlocData, type ImportBatch, type Score } from '../shared/model/records';
import { PACKAGE_MAX_DATA_BYTES, PACKAGE_MAX_FILE_BYTES } from '../shared/package/format';
import { buildSyntheticBlocData } from '../shared/sample/sample-bloc';
import { entry, forgeZip, manifestFor, rawPackage, sha, type ForgedEntry } from '../test/unit/handover/forge';
import { pngBytes } from '../test/unit/handover/images';

const ROOT = new URL('..', import.meta.url).pathname;
const NOW = '2026-11-20T08:00:00.000Z';
const MB = 1024 * 1024;
const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;

/** A signature-like PNG of 600×250 with noise, about the size of a real scan after resizing. */
function scanPng(seed: number): string {
  return pngBytes(600, 250, seed).toString('base64');
}

export function fullBloc(): BlocData {
  const base = buildSyntheticBlocData({ units: 60, criteria: 200, years: 10, now: NOW });
  const scores: Score[] = [];
  const batches: ImportBatch[] = [];
  for (const table of base.scoringTables) {
    const batchId = `lan-nhap-${table.year}`;
    const batch: ImportBatch = { id: batchId, blocId: base.bloc.id, year: table.year, createdAt: NOW, files: [], changes: [], undoneAt: null };
    for (const u of base.units) {
      const file = `TuCham_${table.year}_${u.code}.xlsx`;
      batch.files.push({ name: file, sha256: 'a'.repeat(64), unitId: u.id, receivedAt: NOW });
      for (const g of table.groups)
        for (const c of g.criteria) {
          const self = c.max / 2;
          scores.push({
            id: scoreId(table.year, u.id, c.code),
            blocId: base.bloc.id,
            year: table.year,
            unitId: u.id,
            code: c.code,
            self,
            verified: self,
            note: 'Có báo cáo, minh chứng kèm theo',
            history: [
              { at: NOW, by: 'Thư ký Khối', field: 'self', old: null, new: self, reason: `Nhập từ tệp ${file}`, batchId },
              { at: NOW, by: 'Thư ký Khối', field: 'note', old: '', new: 'Có báo cáo, minh chứng kèm theo', reason: `Nhập từ tệp ${file}`, batchId },
            ],
            updatedAt: NOW,
          });
          batch.changes.push({ unitId: u.id, code: c.code, field: 'self', old: null, new: self });
        }
    }
    batches.push(batch);
  }
  const attachments: Attachment[] = base.units.flatMap((u, i) =>
    (['signature', 'stamp'] as const).map((kind) => ({
      id: `${u.id}-${kind}`,
      blocId: base.bloc.id,
      unitId: u.id,
      kind,
      mime: 'image/png' as const,
      width: 600,
      height: 250,
      data: scanPng(i),
      createdAt: NOW,
    })),
  );
  return { ...base, scores, importBatches: batches, attachments };
}

function readInChild(path: string): { ms: number; maxRssMB: number; outcome: string } {
  const out = execFileSync('npx', ['tsx', join(ROOT, 'bench/package-read-child.ts'), path], { cwd: ROOT, encoding: 'utf8', maxBuffer: 10 * MB });
  return JSON.parse(out.trim().split('\n').pop()!) as { ms: number; maxRssMB: number; outcome: string };
}

function report(label: string, path: string): void {
  const r = readInChild(path);
  console.log(`${label.padEnd(44)} ${String(r.ms).padStart(6)} ms  ${String(r.maxRssMB).padStart(5)} MB RSS  ${r.outcome}`);
}

export default async function packageBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'blocdesk-bench-package-'));
  try {
    const data = fullBloc();
    const bytes = buildPackage(data, { createdBy: 'bench', appName: 'BlocDesk', appVersion: '0.1.0', now: NOW });
    const dataJson = unzipSync(bytes)['data.json']!;
    console.log(
      `Khối 10 năm × 60 đơn vị × 200 tiêu chí, ${data.scores.length} điểm, ${data.attachments.length} ảnh: data.json ${mb(dataJson.length)} ` +
        `(giới hạn ${mb(PACKAGE_MAX_DATA_BYTES)}), gói ${mb(bytes.length)} (giới hạn ${mb(PACKAGE_MAX_FILE_BYTES)})`,
    );
    const real = join(dir, 'that.blocdesk');
    writeFileSync(real, bytes);
    report('đọc gói khối lớn nhất (chấp nhận)', real);

    const small = unzipSync(buildPackage(buildSyntheticBlocData({ units: 8, criteria: 22, years: 1, now: NOW }), { createdBy: 'b', appName: 'BlocDesk', appVersion: '0', now: NOW }));
    const smallData = small['data.json']!;
    const smallManifest = small['manifest.json']!;
    const d = JSON.parse(strFromU8(smallData)) as Record<string, unknown>;

    // Overlapping entries: each of 4 stored entries covers the next ones and a 30 MB kernel.
    const kernel = new Uint8Array(30 * MB).fill(0x20);
    const names = ['a0', 'a1', 'a2', 'a3'];
    const sizes: number[] = [];
    let rest = kernel.length;
    for (let i = names.length - 1; i >= 0; i--) {
      sizes[i] = rest;
      rest += 30 + names[i]!.length;
    }
    const overlapping: ForgedEntry[] = names.map((n, i) => ({ name: n, payload: i === 3 ? kernel : new Uint8Array(), compressedSize: sizes[i], uncompressedSize: sizes[i], crc: 0 }));
    writeFileSync(join(dir, 'overlap.blocdesk'), forgeZip([...overlapping, entry('data.json', smallData), entry('manifest.json', smallManifest)]));
    report('thành phần chồng lên nhau', join(dir, 'overlap.blocdesk'));

    const hiddenManifest = manifestFor(d, { 'data.json': sha(smallData), 'ghi-chu.txt': sha(new Uint8Array()) });
    const hidden: ForgedEntry = { name: 'ghi-chu.txt', payload: new Uint8Array(200 * MB), compressedSize: 0, uncompressedSize: 0, crc: 0 };
    writeFileSync(join(dir, 'hidden.blocdesk'), forgeZip([entry('data.json', smallData), hidden, entry('manifest.json', strToU8(JSON.stringify(hiddenManifest)))]));
    report('thành phần khai 0 byte, mang 200 MB', join(dir, 'hidden.blocdesk'));

    const padded = new Uint8Array(200 * MB).fill(0x20);
    padded.set(smallData);
    const paddedManifest = strToU8(JSON.stringify(manifestFor(d, { 'data.json': sha(padded) })));
    writeFileSync(join(dir, 'padded.blocdesk'), forgeZip([entry('data.json', padded), entry('manifest.json', paddedManifest)]));
    report('data.json độn tới 200 MB', join(dir, 'padded.blocdesk'));
    writeFileSync(join(dir, 'padded-lie.blocdesk'), forgeZip([{ ...entry('data.json', padded), uncompressedSize: smallData.length }, entry('manifest.json', paddedManifest)]));
    report('data.json độn 200 MB, khai kích thước nhỏ', join(dir, 'padded-lie.blocdesk'));

    const deep = JSON.stringify(d).replace('"province":', `"x":${'['.repeat(100_000)}${']'.repeat(100_000)},"province":`);
    writeFileSync(join(dir, 'deep.blocdesk'), rawPackage(deep, { manifestData: d }));
    report('JSON lồng 100 000 cấp', join(dir, 'deep.blocdesk'));

    // Valid-looking JSON that costs the most memory per byte: 150 MB of empty objects, zeros, short strings,
    // and the same just under the limits of shared/package/untrusted-json.ts.
    for (const [label, item, count] of [
      ['150 MB JSON toàn đối tượng rỗng {}', '{}', 50_000_000],
      ['150 MB JSON toàn số 0', '0', 75_000_000],
      ['1,99 triệu {"a":"x","b":"y","c":"z","d":"w"}', '{"a":"x","b":"y","c":"z","d":"w"}', 1_990_000],
      ['9,9 triệu chuỗi "xy"', '"xy"', 9_900_000],
      ['9,9 triệu số 0', '0', 9_900_000],
    ] as const) {
      const body = strToU8(JSON.stringify(d).replace('"units":[', `"units":[${`${item},`.repeat(count)}`));
      writeFileSync(join(dir, 'many.blocdesk'), forgeZip([entry('data.json', body), entry('manifest.json', strToU8(JSON.stringify(manifestFor(d, { 'data.json': sha(body) }))))]));
      report(label, join(dir, 'many.blocdesk'));
    }
    const huge = strToU8(JSON.stringify(d).replace('"province":', `"x":"${'a'.repeat(120 * MB)}\\u0001","province":`));
    writeFileSync(join(dir, 'huge-string.blocdesk'), forgeZip([entry('data.json', huge), entry('manifest.json', strToU8(JSON.stringify(manifestFor(d, { 'data.json': sha(huge) }))))]));
    report('một chuỗi 120 MB có ký tự điều khiển', join(dir, 'huge-string.blocdesk'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
