/**
 * What the largest real bridge calls send over the loopback transport (JSON with base64 bytes),
 * against the server's body cap (test/e2e/support/bridge-limits.ts): the whole bloc that
 * `assessment.exportTemplates` and `handover.export` carry, for a large bloc with scanned
 * signature and stamp images, and a workbook at the importer's size limit. Then what a call about
 * one year sends since it sends the year's slice (shared/domain/year-slice.ts) instead of the whole
 * bloc, before and after: payload bytes and encode time, and the renderer's read from IndexedDB.
 */
import { deflateSync } from 'node:zlib';
import { crc32 } from 'node:zlib';
import { encodeWire } from '../shared/api/wire';
import type { Attachment, BlocData, Score } from '../shared/model/records';
import { scoreId } from '../shared/model/records';
import { tableCriteria } from '../shared/domain/scoring';
import { buildSampleBlocData, buildSyntheticBlocData } from '../shared/sample/sample-bloc';
import { yearSlice, type SliceNeeds } from '../shared/domain/year-slice';
import { documentNeeds } from '../shared/api/document-kinds';
import { DEFAULT_WORKBOOK_LIMITS } from '../electron/services/excel/workbook-guard';
import { BRIDGE_MAX_BODY_BYTES } from '../test/e2e/support/bridge-limits';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/**
 * A 600 × 450 RGB PNG that looks like a scan: near-white paper with sensor noise and ink strokes.
 * `noise` 6 is a scan with light paper noise; 256 makes every pixel random (a worst case PNG cannot compress).
 */
function scanLikePng(seed: number, noise: number): Buffer {
  const w = 600;
  const h = 450;
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 16) & 0xff;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const ink = Math.abs(Math.sin((x + seed) / 37) * 120 + 200 - y) < 6 || Math.abs(Math.hypot(x - 300, y - 225) - 150) < 8;
      const base = ink ? 60 : 238;
      for (let c = 0; c < 3; c++) raw[y * (w * 3 + 1) + 1 + x * 3 + c] = noise >= 256 ? rand() : Math.min(255, base + (rand() % noise));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function largeBloc(noise: number): BlocData {
  const now = '2024-12-20T08:00:00.000Z';
  const data = buildSyntheticBlocData({ units: 40, criteria: 150, years: 5, now });
  const scores: Score[] = [];
  for (const year of data.years) {
    const table = data.scoringTables.find((t) => t.year === year.year) ?? data.scoringTables[0]!;
    for (const unitId of year.memberUnitIds) {
      for (const { criterion } of tableCriteria(table)) {
        scores.push({
          id: scoreId(year.year, unitId, criterion.code),
          blocId: data.bloc.id,
          year: year.year,
          unitId,
          code: criterion.code,
          self: criterion.max,
          verified: criterion.max,
          note: `Minh chứng: Báo cáo số ${criterion.code}/BC ngày 15/12/${year.year}`,
          history: [1, 2, 3].map((i) => ({ at: now, by: 'Thư ký Khối', field: 'self' as const, old: null, new: criterion.max, reason: `Nhập từ tệp TuCham_${year.year}_${i}.xlsx`, batchId: `lo-${i}` })),
          updatedAt: now,
        });
      }
    }
  }
  const attachments: Attachment[] = data.units.flatMap((u, i) =>
    (['signature', 'stamp'] as const).map((kind, k) => ({
      id: `${u.id}-${kind}`,
      blocId: data.bloc.id,
      unitId: u.id,
      kind,
      mime: 'image/png' as const,
      width: 600,
      height: 450,
      data: scanLikePng(i * 2 + k + 1, noise).toString('base64'),
      createdAt: now,
    })),
  );
  return { ...data, scores, attachments };
}

export default async function run(): Promise<void> {
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  const line = (name: string, body: string) => {
    const bytes = Buffer.byteLength(body);
    console.log(`${name.padEnd(58)} ${mb(bytes).padStart(9)}  ${((bytes / BRIDGE_MAX_BODY_BYTES) * 100).toFixed(0)}% of the ${mb(BRIDGE_MAX_BODY_BYTES)} cap`);
  };
  for (const [label, noise] of [['no images', 0], ['scans with light paper noise', 6], ['incompressible images (worst case)', 256]] as const) {
    const data = noise ? largeBloc(noise) : { ...largeBloc(6), attachments: [] };
    const images = data.attachments.reduce((s, a) => s + a.data.length, 0);
    console.log(`bloc with ${label}: ${data.units.length} units, ${data.scores.length} scores, ${data.attachments.length} images (${mb(images)} base64)`);
    line('  assessment.exportTemplates / handover.export (whole bloc)', encodeWire([{ data, year: 2024, unitIds: [], mode: 'zip' }]));
  }
  line('scoring.readExcel (workbook at the 20 MB limit)', encodeWire([{ name: 'bang-diem.xlsx', bytes: new Uint8Array(DEFAULT_WORKBOOK_LIMITS.maxFileBytes) }]));
  await yearSliceFigures();
}

/** Median milliseconds of `runs` calls. */
async function median(runs: number, f: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** A returned self-assessment workbook of 150 criteria is about this size. */
const ONE_FILE = { name: 'TuCham_2024_DV01.xlsx', bytes: new Uint8Array(40 * 1024) };

async function yearSliceFigures(): Promise<void> {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`.padStart(9);
  const calls: { name: string; needs: SliceNeeds; args: (data: BlocData, year: number) => unknown }[] = [
    { name: 'assessment.inspectFiles (one 40 kB file)', needs: { records: [] }, args: (data, year) => [{ data, year, files: [ONE_FILE] }] },
    { name: 'documents.render pledge', needs: documentNeeds('pledge'), args: (data, year) => [{ kind: 'pledge', data, year, format: 'pdf', options: {} }] },
    { name: 'documents.render scoring-table', needs: documentNeeds('scoring-table'), args: (data, year) => [{ kind: 'scoring-table', data, year, format: 'pdf', options: {} }] },
  ];
  const blocs: [string, BlocData, number][] = [
    ['sample bloc', buildSampleBlocData('2024-12-20T08:00:00.000Z'), 0],
    ['40 units x 5 years, 150 criteria, signatures and stamps', largeBloc(6), 2024],
  ];
  console.log('\nA call about one year: the whole bloc (before) against the year\'s slice (after)');
  for (const [label, data, lastYear] of blocs) {
    const year = lastYear || Math.max(...data.years.map((y) => y.year));
    console.log(`${label}, year ${year}:`);
    for (const call of calls) {
      const slice = yearSlice(data, year, call.needs);
      const before = encodeWire(call.args(data, year));
      const after = encodeWire(call.args(slice, year));
      const tb = await median(7, () => encodeWire(call.args(data, year)));
      const ta = await median(7, () => encodeWire(call.args(slice, year)));
      console.log(
        `  ${call.name.padEnd(42)} ${kb(Buffer.byteLength(before))} -> ${kb(Buffer.byteLength(after))}  encode ${tb.toFixed(1).padStart(6)} ms -> ${ta.toFixed(1).padStart(5)} ms`,
      );
    }
  }
  await readFigures(blocs);
}

/** The renderer's read (fake-indexeddb in Node: its times are relative, not the browser's). */
async function readFigures(blocs: [string, BlocData, number][]): Promise<void> {
  const fakeIndexedDb = 'fake-indexeddb/auto'; // its types do not resolve under the package's exports
  await import(fakeIndexedDb);
  const { replaceBloc, readBlocData } = await import('../renderer/src/db/repo-package');
  const { readYearSlice } = await import('../renderer/src/db/repo-slice');
  console.log('Reading it in the renderer (fake-indexeddb): readBlocData -> readYearSlice');
  for (const [label, data, lastYear] of blocs) {
    const year = lastYear || Math.max(...data.years.map((y) => y.year));
    await replaceBloc({ ...data, scores: data.scores.map((s) => ({ ...s, history: [] })) });
    const whole = await median(5, () => readBlocData(data.bloc.id));
    for (const [name, needs] of [['inspect one file', { records: [] }], ['pledge', documentNeeds('pledge')]] as const) {
      const slice = await median(5, () => readYearSlice(data.bloc.id, year, needs));
      console.log(`  ${label.padEnd(56)} ${name.padEnd(16)} ${whole.toFixed(0).padStart(6)} ms -> ${slice.toFixed(0).padStart(5)} ms`);
    }
  }
}
