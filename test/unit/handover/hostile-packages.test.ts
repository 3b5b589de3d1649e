/**
 * Handover packages that must be refused (issue 7): hostile zip structure, hostile JSON,
 * inconsistent records, impossible values, images that are not images, control characters.
 * Every refusal is a UserError with one Vietnamese sentence; nothing is written by reading.
 */
import { deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import { defaultPledge } from '../../../shared/domain/pledge-defaults';
import { scoreId, type BlocData } from '../../../shared/model/records';
import { buildSampleBlocData, SAMPLE_BLOC_ID } from '../../../shared/sample/sample-bloc';
import { buildPackage, readPackage } from '../../../electron/services/handover/package-file';
import { JPEG_17x24, pngBytes } from './images';
import { entry, forgeZip, manifestFor, rawPackage, sha, type ForgedEntry } from './forge';

const NOW = '2026-11-20T08:00:00.000Z';
const meta = { createdBy: 'Văn phòng Khối', appName: 'BlocDesk', appVersion: '0.1.0', now: NOW };
const MB = 1024 * 1024;
const U = (code: string) => `${SAMPLE_BLOC_ID}-${code}`;

/** The sample with work in it: a pledge, a scored criterion with history, an import, a signature and a stamp. */
function richBloc(): BlocData {
  const data = buildSampleBlocData(NOW);
  data.pledges.push(defaultPledge(data, 2024, NOW));
  data.importBatches.push({
    id: 'lan-nhap-1',
    blocId: SAMPLE_BLOC_ID,
    year: 2024,
    createdAt: NOW,
    files: [{ name: 'TuCham_2024_SYT.xlsx', sha256: 'a'.repeat(64), unitId: U('SYT'), receivedAt: NOW }],
    changes: [{ unitId: U('SYT'), code: '1.1', field: 'self', old: null, new: 18 }],
    undoneAt: null,
  });
  data.scores.push({
    id: scoreId(2024, U('SYT'), '1.1'),
    blocId: SAMPLE_BLOC_ID,
    year: 2024,
    unitId: U('SYT'),
    code: '1.1',
    self: 18,
    verified: null,
    note: 'Có báo cáo',
    history: [{ at: NOW, by: 'Thư ký', field: 'self', old: null, new: 18, reason: 'Nhập từ tệp TuCham_2024_SYT.xlsx', batchId: 'lan-nhap-1' }],
    updatedAt: NOW,
  });
  data.attachments.push(
    { id: 'chu-ky-syt', blocId: SAMPLE_BLOC_ID, unitId: U('SYT'), kind: 'signature', mime: 'image/png', width: 30, height: 12, data: pngBytes(30, 12).toString('base64'), createdAt: NOW },
    { id: 'con-dau-syt', blocId: SAMPLE_BLOC_ID, unitId: U('SYT'), kind: 'stamp', mime: 'image/jpeg', width: 17, height: 24, data: JPEG_17x24, createdAt: NOW },
  );
  return data;
}

function refusal(bytes: Uint8Array, name = 'goi.blocdesk'): UserError {
  let result: unknown;
  try {
    result = readPackage(bytes, name);
  } catch (err) {
    if (err instanceof UserError) {
      // One Vietnamese sentence: no line break, no stack, no English library text.
      expect(err.message).not.toMatch(/\n|\bat \w+ \(|Maximum call stack|Unexpected token|invalid|expected|Error/);
      expect(err.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
      return err;
    }
    throw err;
  }
  throw new Error(`package was accepted: ${JSON.stringify((result as { preview: unknown }).preview)}`);
}

/** The rich bloc as plain JSON, changed by `edit`, in a package whose checksums and counts match. */
function packageWith(edit: (d: Record<string, any>) => void): Uint8Array {
  const d = JSON.parse(JSON.stringify(richBloc())) as Record<string, any>;
  edit(d);
  return rawPackage(d);
}

const sampleBytes = () => {
  const entries = unzipSync(buildPackage(richBloc(), meta));
  return { data: entries['data.json']!, manifest: entries['manifest.json']! };
};

describe('the rich sample', () => {
  it('is accepted, with its images, pledge, scores and import', () => {
    const read = readPackage(buildPackage(richBloc(), meta), 'day-du.blocdesk');
    expect(read.data).toEqual(richBloc());
    // The forged writer makes the same acceptable package.
    expect(readPackage(packageWith(() => undefined), 'tu-tay.blocdesk').data).toEqual(richBloc());
  });
});

describe('zip structure is checked before anything is inflated', () => {
  it('refuses overlapping entries whose sizes lie (each one covers the next)', () => {
    // Stored entries a0..a3: each declares (consistently, in both headers) a size reaching to the end
    // of a 1 MB kernel, so every entry contains all the following ones.
    const kernel = new Uint8Array(MB).fill(0x20);
    const names = Array.from({ length: 4 }, (_, i) => `a${i}`);
    const headerBytes = (n: string) => 30 + n.length;
    const tail: number[] = [];
    let rest = kernel.length;
    for (let i = names.length - 1; i >= 0; i--) {
      tail[i] = rest;
      rest += headerBytes(names[i]!);
    }
    const { data, manifest } = sampleBytes();
    const entries: ForgedEntry[] = names.map((n, i) => ({
      name: n,
      payload: i === names.length - 1 ? kernel : new Uint8Array(),
      compressedSize: tail[i],
      uncompressedSize: tail[i],
      crc: 0,
    }));
    const bytes = forgeZip([...entries, entry('data.json', data), entry('manifest.json', manifest)]);
    const e = refusal(bytes);
    expect(e.code).toBe('package-unsafe');
    expect(e.message).toContain('chồng lên');
  });

  it('refuses two directory records pointing at one local header (the shared-kernel zip bomb)', () => {
    const { manifest } = sampleBytes();
    const bomb = deflateRawSync(new Uint8Array(50 * MB));
    const kernel: ForgedEntry = { name: 'data.json', payload: bomb, method: 8, uncompressedSize: 50 * MB, crc: 0 };
    const e = refusal(
      forgeZip([entry('manifest.json', manifest), kernel, { ...kernel, name: 'data.json', noLocal: true, pointsAt: 30 + 13 + entry('manifest.json', manifest).payload.length }]),
    );
    expect(e.code).toBe('package-unsafe');
  });

  it('refuses a stored entry that declares 0 bytes but carries a hidden payload', () => {
    const { data } = sampleBytes();
    const d = JSON.parse(strFromU8(data)) as Record<string, unknown>;
    // The hidden bytes sit after a listed, empty entry: its checksum (of nothing) matches.
    const manifest = manifestFor(d, { 'data.json': sha(data), 'ghi-chu.txt': sha(new Uint8Array()) });
    const hidden: ForgedEntry = { name: 'ghi-chu.txt', payload: new Uint8Array(2 * MB).fill(0x41), compressedSize: 0, uncompressedSize: 0, crc: 0 };
    const bytes = forgeZip([entry('data.json', data), hidden, entry('manifest.json', strToU8(JSON.stringify(manifest)))]);
    const e = refusal(bytes);
    expect(e.code).toBe('package-unsafe');
    expect(e.message).toContain('dữ liệu ẩn');
  });

  it('refuses the same with 200 MB hidden, before reading it', () => {
    const { data } = sampleBytes();
    const d = JSON.parse(strFromU8(data)) as Record<string, unknown>;
    const manifest = manifestFor(d, { 'data.json': sha(data), 'ghi-chu.txt': sha(new Uint8Array()) });
    const hidden: ForgedEntry = { name: 'ghi-chu.txt', payload: new Uint8Array(200 * MB), compressedSize: 0, uncompressedSize: 0, crc: 0 };
    const e = refusal(forgeZip([entry('data.json', data), hidden, entry('manifest.json', strToU8(JSON.stringify(manifest)))]));
    expect(e.code).toBe('package-too-large');
  });

  it('refuses duplicate entry names (two data.json, two manifest.json)', () => {
    const { data, manifest } = sampleBytes();
    const other = strToU8(JSON.stringify({ ...JSON.parse(strFromU8(data)), units: [] }));
    expect(refusal(forgeZip([entry('data.json', data), entry('data.json', other), entry('manifest.json', manifest)])).message).toContain('hai lần');
    expect(refusal(forgeZip([entry('data.json', data), entry('manifest.json', manifest), entry('manifest.json', manifest)])).message).toContain('hai lần');
  });

  it('refuses directory entries', () => {
    const { data, manifest } = sampleBytes();
    const e = refusal(forgeZip([{ name: 'du-lieu/', payload: new Uint8Array() }, entry('data.json', data), entry('manifest.json', manifest)]));
    expect(e.code).toBe('package-unsafe');
    expect(e.message).toContain('thư mục');
  });

  it('refuses an entry named __proto__, even listed in the manifest', () => {
    const { data } = sampleBytes();
    const d = JSON.parse(strFromU8(data)) as Record<string, unknown>;
    const junk = strToU8('{}');
    const manifest = manifestFor(d, { 'data.json': sha(data), other: sha(junk) });
    const bytes = forgeZip([entry('data.json', data), entry('__proto__', junk), entry('manifest.json', strToU8(JSON.stringify(manifest)))]);
    expect(refusal(bytes).code).toBe('package-unsafe');
  });

  for (const [what, name, unixMode] of [
    ['../ (outside the folder)', '../../AppData/BlocDesk/settings.json', undefined],
    ['an absolute path', '/etc/cron.d/blocdesk', undefined],
    ['a Windows drive path', 'C:/Users/Public/x.json', undefined],
    ['a symlink attribute', 'lien-ket.json', 0o120777],
  ] as const) {
    it(`refuses an entry with ${what}, even when the manifest lists it`, () => {
      const { data } = sampleBytes();
      const d = JSON.parse(strFromU8(data)) as Record<string, unknown>;
      const content = strToU8('/etc/passwd');
      const manifest = manifestFor(d, { 'data.json': sha(data), [name]: sha(content) });
      const bad: ForgedEntry = { ...entry(name, content, 0), ...(unixMode !== undefined ? { unixMode } : {}) };
      const e = refusal(forgeZip([entry('data.json', data), bad, entry('manifest.json', strToU8(JSON.stringify(manifest)))]));
      expect(e.code).toBe('package-unsafe');
    });
  }

  it('refuses a data.json padded to hundreds of MB (declared size), without inflating it', () => {
    const { data } = sampleBytes();
    const padded = new Uint8Array(200 * MB).fill(0x20);
    padded.set(data);
    const d = JSON.parse(strFromU8(data)) as Record<string, unknown>;
    const bytes = rawPackageFromEntries(d, padded);
    const e = refusal(bytes);
    expect(e.code).toBe('package-too-large');
  });

  it('refuses a padded data.json that declares a small size (inflating stops at the declared size)', () => {
    const { data } = sampleBytes();
    const padded = new Uint8Array(200 * MB).fill(0x20);
    padded.set(data);
    const d = JSON.parse(strFromU8(data)) as Record<string, unknown>;
    const lying: ForgedEntry = { ...entry('data.json', padded), uncompressedSize: data.length };
    const manifest = manifestFor(d, { 'data.json': sha(padded) });
    const e = refusal(forgeZip([lying, entry('manifest.json', strToU8(JSON.stringify(manifest)))]));
    expect(e.code).toBe('package-too-large');
  });
});

function rawPackageFromEntries(d: Record<string, unknown>, dataBytes: Uint8Array): Uint8Array {
  const manifest = manifestFor(d, { 'data.json': sha(dataBytes) });
  return forgeZip([entry('data.json', dataBytes), entry('manifest.json', strToU8(JSON.stringify(manifest)))]);
}

describe('hostile JSON', () => {
  it('refuses data nested thousands of levels deep with a Vietnamese message', () => {
    const d = JSON.parse(JSON.stringify(richBloc())) as Record<string, unknown>;
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = JSON.stringify(d).replace('"address":""', `"address":${deep}`);
    const e = refusal(rawPackage(text, { manifestData: d }));
    expect(e.code).toBe('package-unsafe');
    expect(e.message).toContain('lồng nhau');
  });

  it('refuses a deeply nested manifest', () => {
    const { data } = sampleBytes();
    const manifest = `{"format":"blocdesk-handover","x":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`;
    expect(refusal(forgeZip([entry('data.json', data), entry('manifest.json', strToU8(manifest))])).message).toContain('lồng nhau');
  });

  it('never lets a __proto__ key set a value (a unit whose code comes from its prototype)', () => {
    const d = JSON.parse(JSON.stringify(richBloc())) as Record<string, any>;
    const text = JSON.stringify(d).replace('"code":"SYT"', '"__proto__":{"code":"SYT","active":false}');
    const e = refusal(rawPackage(text, { manifestData: d }));
    expect(e.message).toContain('__proto__');
  });

  it('refuses constructor keys, in the data and in the manifest checksums', () => {
    const d = JSON.parse(JSON.stringify(richBloc())) as Record<string, any>;
    const text = JSON.stringify(d).replace('"province":', '"constructor":{"name":"Object"},"province":');
    expect(refusal(rawPackage(text, { manifestData: d })).message).toContain('constructor');
    const { data } = sampleBytes();
    const manifest = JSON.stringify(manifestFor(JSON.parse(strFromU8(data)), { 'data.json': sha(data) })).replace(
      '"checksums":{',
      `"checksums":{"__proto__":"${'0'.repeat(64)}",`,
    );
    expect(refusal(forgeZip([entry('data.json', data), entry('manifest.json', strToU8(manifest))])).message).toContain('__proto__');
  });
});

describe('JSON that would take gigabytes once parsed', () => {
  it('refuses ten million values before parsing them', () => {
    const d = JSON.parse(JSON.stringify(richBloc())) as Record<string, unknown>;
    const text = JSON.stringify(d).replace('"units":[', `"units":[${'0,'.repeat(10_000_001)}`);
    const e = refusal(rawPackage(text, { manifestData: d }));
    expect(e.code).toBe('package-too-large');
    expect(e.message).toContain('số bản ghi vượt xa');
  });

  it('refuses a single string of megabytes before parsing it', () => {
    const d = JSON.parse(JSON.stringify(richBloc())) as Record<string, unknown>;
    const text = JSON.stringify(d).replace('"province":', `"province2":"${'ệ'.repeat(3 * MB)}","province":`);
    const e = refusal(rawPackage(text, { manifestData: d }));
    expect(e.code).toBe('package-too-large');
    expect(e.message).toContain('đoạn văn bản dài hơn');
  });
});

describe('consistency between records', () => {
  const kinds = ['units', 'years', 'scoringTables', 'pledges', 'attachments', 'scores', 'importBatches'] as const;
  for (const kind of kinds) {
    it(`refuses a duplicate id among ${kind}`, () => {
      const bytes = packageWith((d) => {
        const list = d[kind] as { id: string }[];
        const copy = structuredClone(list[list.length - 1]!);
        // Keep every other rule satisfied where a copy would break it, so the id is what is caught.
        if (kind === 'units') Object.assign(copy, { code: 'MOI', order: 99 });
        if (kind === 'years') Object.assign(copy, { year: 2025 });
        if (kind === 'scoringTables') Object.assign(copy, { version: 2, status: 'draft', lockedAt: null });
        if (kind === 'pledges') Object.assign(copy, { year: 2023 });
        list.push(copy);
      });
      const e = refusal(bytes);
      expect(e.code).toBe('package-invalid');
      expect(e.message).toContain('dùng hai lần');
    });
  }

  it('refuses unit codes that differ only in case', () => {
    const e = refusal(packageWith((d) => (d.units[1].code = 'syt')));
    expect(e.message).toContain('chữ hoa');
  });

  it('refuses two pledges for one year', () => {
    const e = refusal(packageWith((d) => d.pledges.push({ ...d.pledges[0], id: 'giao-uoc-2' })));
    expect(e.message).toContain('hai bản giao ước');
  });

  it('refuses two scoring tables with the same year and version', () => {
    const e = refusal(packageWith((d) => d.scoringTables.push({ ...d.scoringTables[0], id: 'bang-2' })));
    expect(e.message).toContain('hai phiên bản số 1');
  });

  it('refuses references to missing units from pledges, the leader rotation and import batches', () => {
    expect(refusal(packageWith((d) => d.pledges[0].unitIds.push('khong-co'))).message).toContain('giao ước năm 2024 tham chiếu đơn vị không có');
    expect(
      refusal(packageWith((d) => (d.years[1].rules.leaderRotation = { kind: 'fixedOrder', order: [U('SYT'), 'khong-co'] }))).message,
    ).toContain('luân phiên');
    expect(refusal(packageWith((d) => (d.importBatches[0].files[0].unitId = 'khong-co'))).message).toContain('lần nhập điểm');
    expect(refusal(packageWith((d) => (d.importBatches[0].changes[0].unitId = 'khong-co'))).message).toContain('lần nhập điểm');
  });

  it('refuses scores for a year or a criterion that does not exist', () => {
    const moved = (year: number, code: string) =>
      packageWith((d) => {
        Object.assign(d.scores[0], { year, code, id: scoreId(year, U('SYT'), code) });
      });
    expect(refusal(moved(2031, '1.1')).message).toContain('không có năm 2031');
    expect(refusal(moved(2023, '1.1')).message).toContain('không có tiêu chí 1.1');
    expect(refusal(moved(2024, '9.9')).message).toContain('không có tiêu chí 9.9');
  });

  it('refuses a score id that does not match its year, unit and criterion', () => {
    const e = refusal(packageWith((d) => (d.scores[0].id = scoreId(2024, U('SYT'), '1.2'))));
    expect(e.message).toContain('không khớp');
  });

  it('refuses a member listed twice', () => {
    expect(refusal(packageWith((d) => d.years[0].memberUnitIds.push(U('SYT')))).message).toContain('hai lần');
  });

  it('refuses a leader equal to the deputy, and a leader or deputy who is not a member', () => {
    expect(refusal(packageWith((d) => (d.years[0].deputyUnitId = d.years[0].leaderUnitId))).message).toContain('cùng một đơn vị');
    expect(
      refusal(packageWith((d) => (d.years[0].memberUnitIds = d.years[0].memberUnitIds.filter((id: string) => id !== U('SYT'))))).message,
    ).toContain('không phải thành viên');
    expect(
      refusal(packageWith((d) => (d.years[0].memberUnitIds = d.years[0].memberUnitIds.filter((id: string) => id !== U('SGDDT'))))).message,
    ).toContain('Khối phó');
  });

  it('refuses a unit code such as "..", "." or one with a slash', () => {
    for (const code of ['..', '.', 'SYT/..', 'A\\B', 'S Y T']) {
      const e = refusal(packageWith((d) => (d.units[0].code = code)));
      expect(e.code).toBe('package-invalid');
      expect(e.message).toContain('đơn vị thứ 1, trường code');
    }
  });

  it('refuses negative or absurd scores', () => {
    expect(refusal(packageWith((d) => (d.scores[0].self = -5))).message).toContain('không được nhỏ hơn 0');
    expect(refusal(packageWith((d) => (d.scores[0].verified = 1e12))).message).toContain('không được lớn hơn');
    expect(refusal(packageWith((d) => (d.scores[0].self = 21))).message).toContain('vượt quá điểm tối đa 20');
  });

  it('refuses history strings of megabytes', () => {
    const e = refusal(packageWith((d) => (d.scores[0].history[0].new = 'x'.repeat(3 * MB))));
    expect(e.message).toContain('dài quá');
  });
});

describe('values', () => {
  it('refuses impossible dates (2024-13-45, 0000-00-00, 30 February)', () => {
    for (const date of ['2024-13-45', '0000-00-00', '2023-02-29']) {
      const e = refusal(packageWith((d) => (d.pledges[0].date = date)));
      expect(e.message).toContain('giao ước thứ 1, trường date');
      expect(e.message).toContain('Ngày không hợp lệ');
    }
    expect(refusal(packageWith((d) => (d.units[0].updatedAt = '2024-02-30T08:00:00.000Z'))).message).toContain('Thời điểm không hợp lệ');
  });

  it('accepts 29 February of a leap year', () => {
    expect(readPackage(packageWith((d) => (d.pledges[0].date = '2024-02-29')), 'x.blocdesk').data.pledges[0]!.date).toBe('2024-02-29');
  });

  const badImages: [string, (d: Record<string, any>) => void, RegExp][] = [
    ['text that is not base64', (d) => (d.attachments[0].data = 'đây không phải ảnh!'), /base64/],
    ['base64 of a text file', (d) => (d.attachments[0].data = Buffer.from('xin chào').toString('base64')), /không phải ảnh PNG hay JPEG/],
    ['only the PNG signature', (d) => (d.attachments[0].data = 'iVBORw0KGgo='), /ảnh PNG hỏng/],
    [
      'a PNG with a broken checksum',
      (d) => {
        const b = pngBytes(30, 12);
        b.writeUInt8(b[b.length - 20]! ^ 0xff, b.length - 20);
        d.attachments[0].data = b.toString('base64');
      },
      /CRC/,
    ],
    [
      'a PNG cut short',
      (d) => (d.attachments[0].data = pngBytes(30, 12).subarray(0, 60).toString('base64').replace(/=+$/, '').padEnd(80, 'A')),
      /ảnh PNG hỏng/,
    ],
    [
      'a JPEG without its scan and end',
      (d) => (d.attachments[1].data = Buffer.from(JPEG_17x24, 'base64').subarray(0, 300).toString('base64')),
      /ảnh JPEG hỏng/,
    ],
    ['a PNG labelled as JPEG', (d) => (d.attachments[1].data = pngBytes(17, 24).toString('base64')), /thực ra là image\/png/],
    ['a size that does not match the image', (d) => (d.attachments[0].width = 31), /kích thước 31×12/],
  ];
  for (const [what, edit, message] of badImages) {
    it(`refuses an attachment that is ${what}`, () => {
      expect(refusal(packageWith(edit)).message).toMatch(message);
    });
  }
});

describe('control characters', () => {
  it('removes NUL, C0/C1 controls and bidi overrides from names; keeps line breaks in long text', () => {
    const bytes = packageWith((d) => {
      d.units[0].name = 'Sở Y\u0000 tế\u202E\u2066 (gốc)\u0085\u001b';
      d.bloc.name = '\u202EKhối Văn hóa - Xã hội';
      d.pledges[0].commitments[0] = 'Dòng một\nDòng hai\u200F';
    });
    const read = readPackage(bytes, 'x\u202Egnp.blocdesk');
    expect(read.data.units[0]!.name).toBe('Sở Y tế (gốc)');
    expect(read.data.bloc.name).toBe('Khối Văn hóa - Xã hội');
    expect(read.data.pledges[0]!.commitments[0]).toBe('Dòng một\nDòng hai');
    expect(read.preview.fileName).toBe('xgnp.blocdesk');
  });

  it('never prints a control character in a refusal', () => {
    const e = refusal(packageWith((d) => (d.units[1].code = 'syt')), 'g\u202Eoi\u0000.blocdesk');
    expect(e.message).not.toMatch(/[\u0000-\u001f\u202a-\u202e]/);
  });
});
