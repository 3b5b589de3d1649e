import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BlocDataSchema } from '../../../shared/model/records';
import { encodePart, ownBuffer, PART_MAX_SHEETS, partsOfBloc, sheetParts, sheetsOfPart, type BlocPart } from '../../../shared/package/bloc-parts';
import { packScores, storeSheet } from '../../../shared/model/score-sheets';
import { PACKAGE_MAX_DATA_BYTES } from '../../../shared/package/format';
import { deflateRawSync } from 'node:zlib';
import { buildSampleBlocData, buildSyntheticBlocData, withFullHistory } from '../../../shared/sample/sample-bloc';
import { withYearEnds } from '../../../shared/sample/year-end';
import { BlocUpload, UPLOAD_IDLE_MS, abortUpload, beginUpload, finishUpload, receivePart } from '../../../electron/services/handover/bloc-upload';
import { checkedSheetsInfo } from '../../../electron/services/handover/checked-sheets';
import { buildPackage, checkConsistency, readPackage } from '../../../electron/services/handover/package-file';
import { refusalOf } from '../support/user-error';

const NOW = '2026-11-20T08:00:00.000Z';
const meta = { createdBy: 'Văn phòng Sở Y tế', appName: 'BlocDesk', appVersion: '0.1.0', now: NOW };
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const entries = (bytes: Uint8Array) => unzipSync(bytes);

function upload(parts: readonly BlocPart[], order: (n: number) => number[] = (n) => [...Array(n).keys()]): BlocUpload {
  const u = new BlocUpload();
  const encoded = parts.map((p) => encodePart(p).bytes);
  for (const i of order(encoded.length)) u.receive(i, parts[i]!.key, encoded[i]!);
  return u;
}


describe('a bloc received in parts (bloc-upload.ts)', () => {
  const sample = buildSampleBlocData(NOW);
  const large = withYearEnds(withFullHistory(buildSyntheticBlocData({ units: 25, criteria: 60, years: 3, now: NOW, lastYear: 2025 })), NOW);

  it('packs the same data.json, byte for byte, as the bloc packed in one piece, and the package reads back', async () => {
    for (const data of [sample, large]) {
      const whole = entries(buildPackage(data, meta));
      const { bytes, bloc: received } = await upload(partsOfBloc(data)).finish(meta);
      const parted = entries(bytes);
      expect(text(parted['data.json']!)).toBe(text(whole['data.json']!));
      expect(JSON.parse(text(parted['manifest.json']!))).toEqual(JSON.parse(text(whole['manifest.json']!)));
      expect(received).toEqual(BlocDataSchema.parse(data).bloc);
      expect(readPackage(bytes, 'khoi.blocdesk').data).toEqual(readPackage(buildPackage(data, meta), 'khoi.blocdesk').data);
    }
  });

  it('cuts a big kind into several parts and still writes one list', async () => {
    const parts = partsOfBloc(large);
    expect(parts.filter((p) => p.key === 'scores').length).toBeGreaterThan(1);
    const { bytes } = await upload(parts).finish(meta);
    expect(readPackage(bytes, 'khoi.blocdesk').data.scores).toHaveLength(large.scores.length);
  });

  it('takes the scores as stored score sheets (deflated), and packs the same data.json as from JSON parts', async () => {
    // As the bloc worker reads them: the other kinds as JSON, the scores as their stored sheets.
    const asSheets = (data: typeof large) =>
      partsOfBloc(data).flatMap((p, i, all) => {
        if (p.key !== 'scores') return [encodePart(p)];
        if (all.findIndex((q) => q.key === 'scores') !== i) return [];
        return sheetParts('scores', packScores(data.scores).map(storeSheet).map((s) => s.deflated));
      });
    const parts = asSheets(large);
    expect(parts.filter((p) => p.sheets).length).toBeGreaterThan(1);
    const u = new BlocUpload();
    parts.forEach((p, i) => u.receive(i, p.key, p.bytes, p.sheets === true));
    const { bytes } = await u.finish(meta);
    expect(text(entries(bytes)['data.json']!)).toBe(text(entries(buildPackage(large, meta))['data.json']!));
    expect(sheetsOfPart(parts.find((p) => p.sheets)!.bytes)).toHaveLength(PART_MAX_SHEETS);
  });

  it('a sheet checked before is packed again without parsing it: the same package; a changed sheet is checked', async () => {
    const bloc = withFullHistory(buildSyntheticBlocData({ units: 5, criteria: 7, years: 2, now: NOW, lastYear: 2025 }));
    const sheetsOf = (scores: typeof bloc.scores) => sheetParts('scores', packScores(scores).map(storeSheet).map((s) => s.deflated));
    const send = async (data: typeof bloc) => {
      const parts = partsOfBloc(data).flatMap((p, i, all) => (p.key !== 'scores' ? [encodePart(p)] : all.findIndex((q) => q.key === 'scores') === i ? sheetsOf(data.scores) : []));
      const u = new BlocUpload();
      parts.forEach((p, i) => u.receive(i, p.key, p.bytes, p.sheets === true));
      return (await u.finish(meta)).bytes;
    };
    const before = checkedSheetsInfo();
    const first = text(entries(await send(bloc))['data.json']!);
    const n = packScores(bloc.scores).length;
    expect(checkedSheetsInfo()).toEqual({ sheets: before.sheets + n, hits: before.hits });
    expect(text(entries(await send(bloc))['data.json']!)).toBe(first);
    expect(checkedSheetsInfo()).toEqual({ sheets: before.sheets + n, hits: before.hits + n });
    expect(first).toBe(text(entries(buildPackage(bloc, meta))['data.json']!));
    // One score changed: its sheet is new bytes, checked (and refused) as any.
    const bad = { ...bloc, scores: bloc.scores.map((s, i) => (i === 3 ? { ...s, self: -1 } : s)) };
    expect((await refusalOf(() => send(bad))).code).toBe('invalid-payload');
    // Known sheets in another bloc's upload still meet the checks between records.
    const other = { ...bloc, bloc: { ...bloc.bloc, id: 'khoi-khac' } };
    const moved = { ...other, units: other.units.map((u) => ({ ...u, blocId: 'khoi-khac' })), years: other.years.map((y) => ({ ...y, blocId: 'khoi-khac' })), scoringTables: other.scoringTables.map((t) => ({ ...t, blocId: 'khoi-khac' })), importBatches: other.importBatches.map((b) => ({ ...b, blocId: 'khoi-khac' })) };
    const refused = await refusalOf(() => send(moved));
    expect(refused.code).toBe('bloc-inconsistent');
    expect(refused.message).toMatch(/thuộc khối khác/);
  });

  it('refuses sheets that do not hold together, are not a list of scores, or inflate past what a package may hold', async () => {
    const refused = (bytes: Uint8Array, key: 'scores' | 'units' = 'scores') => {
      const u = new BlocUpload();
      u.receive(0, 'bloc', encodePart({ key: 'bloc', records: [sample.bloc] }).bytes);
      return refusalOf(() => u.receive(1, key, bytes, true));
    };
    const sheet = (json: string) => new Uint8Array(deflateRawSync(Buffer.from(json)));
    const part = (...sheets: Uint8Array[]) => sheetParts('scores', sheets)[0]!.bytes;
    expect((await refused(part(sheet('[]')).subarray(0, 3)))?.details?.join(' ')).toMatch(/không đọc được/);
    expect((await refused(part(new Uint8Array([1, 2, 3, 4, 5]))))?.details?.join(' ')).toMatch(/bị hỏng/);
    expect((await refused(part(sheet('{"a":1}'))))?.details?.join(' ')).toMatch(/không phải danh sách/);
    expect((await refused(part(sheet('[]')), 'units'))?.details?.join(' ')).toMatch(/không phải bảng điểm/);
    // A sheet that would inflate past a package's data: stopped there, never inflated whole.
    const bomb = new Uint8Array(deflateRawSync(Buffer.alloc(PACKAGE_MAX_DATA_BYTES + 1024, 0x20), { level: 9 }));
    expect((await refused(part(bomb)))?.code).toBe('bloc-too-large');
    // A sheet's scores are checked as any score is.
    expect((await refused(part(sheet('[{"id":1}]'))))?.code).toBe('invalid-payload');
  });

  it('hands a part over without a copy when its bytes own their buffer, and copies a view into a larger one', () => {
    const own = new TextEncoder().encode('[1,2]');
    expect(ownBuffer(own)).toBe(own.buffer);
    const view = new Uint8Array(new ArrayBuffer(16), 4, 5);
    view.set(own);
    const copied = ownBuffer(view);
    expect(copied).not.toBe(view.buffer);
    expect(new TextDecoder().decode(copied)).toBe('[1,2]');
  });

  it('packs parts in their order even when two calls land the other way round', async () => {
    const swapped = (n: number) => {
      const order = [...Array(n).keys()];
      for (let i = 1; i + 1 < n; i += 2) [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
      return order;
    };
    const { bytes } = await upload(partsOfBloc(large), swapped).finish(meta);
    expect(text(entries(bytes)['data.json']!)).toBe(text(entries(buildPackage(large, meta))['data.json']!));
  });

  it('cleans text in a part (NFC, no control characters) as it cleans any payload', async () => {
    const decomposed = 'Khối thi đua'.normalize('NFD');
    const data = { ...sample, bloc: { ...sample.bloc, name: `${decomposed}\u0007` } };
    const { bloc: received } = await upload(partsOfBloc(data)).finish(meta);
    expect(received.name).toBe('Khối thi đua'.normalize('NFC'));
  });

  it('refuses an invalid record with a Vietnamese sentence naming it, counted in the whole list', async () => {
    for (const at of [2500, 4200]) {
      const data = { ...large, scores: large.scores.map((s, i) => (i === at ? { ...s, self: -3 } : s)) };
      // The record is in the first part of scores, then in the second.
      expect(partsOfBloc(data).filter((p) => p.key === 'scores')[0]!.records.length).toBeGreaterThan(2500);
      expect(partsOfBloc(data).filter((p) => p.key === 'scores')[0]!.records.length).toBeLessThan(4201);
      const err = await refusalOf(() => upload(partsOfBloc(data)));
      expect(err.code).toBe('invalid-payload');
      expect(err.message).toMatch(/không hợp lệ; chưa ghi gì/);
      expect(err.details?.[0]).toMatch(new RegExp(`^điểm chấm thứ ${at + 1},`));
    }
  });

  it('refuses parts out of the data order, a second bloc, a part sent twice, a missing part, broken JSON and a prototype key', async () => {
    const parts = partsOfBloc(sample);
    const units = parts.findIndex((p) => p.key === 'units');
    const later = parts.findIndex((p) => p.key === 'registerEntries');
    expect(units).toBeGreaterThan(0);
    expect(later).toBeGreaterThan(units);
    expect((await refusalOf(() => upload([parts[0]!, parts[later]!, parts[units]!]))).details?.[0]).toMatch(/phần 3 \(units\) gửi sai thứ tự/);
    expect((await refusalOf(() => upload([parts[0]!, parts[0]!]))).details?.[0]).toMatch(/sai thứ tự/);
    expect((await refusalOf(() => upload([parts[units]!]))).details?.[0]).toMatch(/sai thứ tự/);
    const twice = new BlocUpload();
    twice.receive(0, 'bloc', encodePart(parts[0]!).bytes);
    expect((await refusalOf(() => twice.receive(0, 'bloc', encodePart(parts[0]!).bytes))).details?.[0]).toMatch(/đã được gửi/);
    const gap = new BlocUpload();
    gap.receive(0, 'bloc', encodePart(parts[0]!).bytes);
    gap.receive(2, parts[2]!.key, encodePart(parts[2]!).bytes);
    expect((await refusalOf(() => gap.finish(meta))).details?.[0]).toMatch(/thiếu phần 2/);
    const broken = new BlocUpload();
    expect((await refusalOf(() => broken.receive(0, 'bloc', new TextEncoder().encode('[{"id":')))).code).toBe('invalid-payload');
    const notList = new BlocUpload();
    expect((await refusalOf(() => notList.receive(0, 'bloc', new TextEncoder().encode('{"key":"bloc"}')))).details?.[0]).toMatch(/không phải danh sách/);
    const proto = new BlocUpload();
    proto.receive(0, 'bloc', encodePart(parts[0]!).bytes);
    expect((await refusalOf(() => proto.receive(1, 'units', new TextEncoder().encode('[{"__proto__":{"x":1}}]')))).code).toBe('invalid-payload');
  });

  describe('records written as they came only when that text says exactly what was checked', () => {
    const score = large.scores[0]!;
    const scoreJson = JSON.stringify(score);
    /** The bloc with the first score's part replaced by `text`; the package's data.json and the records read back. */
    async function withFirstScoreAs(text: string) {
      const parts = partsOfBloc(large);
      const at = parts.findIndex((p) => p.key === 'scores');
      const u = new BlocUpload();
      parts.forEach((p, i) => {
        const bytes = i === at ? new TextEncoder().encode(`[${text},${JSON.stringify(p.records.slice(1)).slice(1)}`) : encodePart(p).bytes;
        u.receive(i, p.key, bytes);
      });
      const { bytes } = await u.finish(meta);
      return { json: text2(bytes), read: readPackage(bytes, 'khoi.blocdesk').data.scores[0]! };
    }
    const text2 = (bytes: Uint8Array) => new TextDecoder().decode(unzipSync(bytes)['data.json']!);
    const canonical = text2(buildPackage(large, meta));

    it('as they came: the same data.json as the bloc packed whole', async () => {
      expect((await withFirstScoreAs(scoreJson)).json).toBe(canonical);
    });

    it('a key given twice: the text written holds only the value read', async () => {
      const twice = scoreJson.replace('"self":', '"self":9,"self":');
      const { json, read } = await withFirstScoreAs(twice);
      expect(read).toEqual(score);
      expect(json).toBe(canonical);
    });

    it('a member the schema does not know is dropped; members in another order come out in the schema order', async () => {
      const { id, ...rest } = score;
      const reordered = JSON.stringify({ ...rest, id, extra: 'không thuộc bản ghi' });
      const { json, read } = await withFirstScoreAs(reordered);
      expect(read).toEqual(score);
      expect(json).toBe(canonical);
    });

    it('text that needs cleaning is written cleaned', async () => {
      const dirty = JSON.stringify({ ...score, note: 'Ghi chú\u0007' });
      const { json, read } = await withFirstScoreAs(dirty);
      expect(read.note).toBe('Ghi chú');
      expect(json).not.toContain('\\u0007');
    });

    it('spaces and escapes of the same records read back the same', async () => {
      const spaced = JSON.stringify(score, null, 2).replace('"code"', '"\\u0063ode"');
      const { json, read } = await withFirstScoreAs(spaced);
      expect(read).toEqual(score);
      // Written as it came (nothing to correct in it), the escape included.
      expect(json).toContain('"\\u0063ode"');
    });
  });

  it('refuses records that do not hold together, as the export of a whole bloc does, with the same problems', async () => {
    const batch = large.importBatches[0]!.id;
    const data = {
      ...large,
      scores: large.scores.map((s, i) =>
        i === 0 ? { ...s, unitId: 'khong-co' } : i === 4500 ? { ...s, history: s.history.map((h) => ({ ...h, batchId: 'lan-khong-co' })) } : i === 4501 ? { ...s, self: 9999 } : s,
      ),
      importBatches: large.importBatches.map((b) => (b.id === batch ? { ...b, id: 'lan-khac' } : b)),
    };
    expect(partsOfBloc(data).filter((p) => p.key === 'scores').length).toBeGreaterThan(1);
    const err = await refusalOf(() => upload(partsOfBloc(data)).finish(meta));
    expect(err.code).toBe('bloc-inconsistent');
    const whole = await refusalOf(() => checkConsistency(data));
    expect(err.message).toBe(whole.message);
    expect(err.details).toEqual(whole.details);
    expect(err.details!.length).toBeGreaterThan(3);
  });

  it('an upload spoiled by a bad part refuses every later call; a finished or aborted one is gone', async () => {
    const keyed = partsOfBloc(sample);
    const parts = keyed.map((p) => encodePart(p).bytes);
    const id = beginUpload();
    receivePart(id, 0, 'bloc', parts[0]!);
    await refusalOf(() => receivePart(id, 1, 'units', new TextEncoder().encode('{}')));
    expect((await refusalOf(() => receivePart(id, 2, 'years', parts[2]!))).code).toBe('upload-unknown');

    const done = beginUpload();
    parts.forEach((p, i) => receivePart(done, i, keyed[i]!.key, p));
    expect((await finishUpload(done, meta)).bloc.id).toBe(sample.bloc.id);
    expect((await refusalOf(() => finishUpload(done, meta))).code).toBe('upload-unknown');

    const dropped = beginUpload();
    receivePart(dropped, 0, 'bloc', parts[0]!);
    abortUpload(dropped);
    expect((await refusalOf(() => receivePart(dropped, 1, keyed[1]!.key, parts[1]!))).code).toBe('upload-unknown');
  });

  it('never holds more than four uploads: a fifth ends the one touched longest ago; one left for two minutes is dropped', async () => {
    const keyed = partsOfBloc(sample);
    const first = encodePart(keyed[0]!).bytes;
    const t0 = Date.now();
    const ids = [beginUpload(t0), beginUpload(t0), beginUpload(t0), beginUpload(t0)];
    // The first three go on receiving parts; the fourth was left behind.
    for (const id of ids.slice(0, 3)) receivePart(id, 0, 'bloc', first);
    const fifth = beginUpload(t0);
    expect((await refusalOf(() => receivePart(ids[3]!, 0, 'bloc', first))).code).toBe('upload-unknown');
    for (const id of [...ids.slice(0, 3), fifth]) receivePart(id, 1, keyed[1]!.key, encodePart(keyed[1]!).bytes);
    expect(UPLOAD_IDLE_MS).toBe(2 * 60 * 1000);
    const later = beginUpload(Date.now() + UPLOAD_IDLE_MS + 1000);
    for (const id of [...ids.slice(0, 3), fifth]) expect((await refusalOf(() => receivePart(id, 2, keyed[2]!.key, encodePart(keyed[2]!).bytes))).code).toBe('upload-unknown');
    abortUpload(later);
  });
});
