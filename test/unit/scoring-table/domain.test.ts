import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import {
  assertEditable,
  checksumInput,
  copyTableForYear,
  criteriaInOrder,
  findCriterion,
  findTable,
  fnv1a64Hex,
  hasErrors,
  lockTable,
  newVersion,
  tableChecksum,
  tableVersions,
  validateScoringTable,
  withFreshIds,
} from '../../../shared/domain/scoring-table';
import { nominalMax } from '../../../shared/domain/scoring';
import { ScoringTableSchema, type ScoringTable } from '../../../shared/model/records';
import { counter, sampleTable } from './fixture';

const NOW = '2025-02-10T08:00:00.000Z';

function edit(t: ScoringTable, f: (t: ScoringTable) => void): ScoringTable {
  const copy = structuredClone(t);
  f(copy);
  return copy;
}

describe('validateScoringTable', () => {
  it('finds nothing wrong with the sample table', () => {
    expect(validateScoringTable(sampleTable())).toEqual([]);
  });

  it('reports duplicate criterion and group codes as errors', () => {
    const t = edit(sampleTable(), (x) => {
      x.groups[1]!.criteria[0]!.code = '1.1';
      x.groups[2]!.code = 'II';
    });
    const issues = validateScoringTable(t);
    expect(issues).toContainEqual({
      kind: 'criterion-code-duplicate',
      level: 'error',
      message: 'Mã tiêu chí 1.1 bị trùng (2 tiêu chí). Mỗi tiêu chí cần một mã riêng.',
      criterionCode: '1.1',
    });
    expect(issues).toContainEqual({ kind: 'group-code-duplicate', level: 'error', message: 'Mã nhóm II bị trùng (2 nhóm).', groupCode: 'II' });
    expect(hasErrors(issues)).toBe(true);
  });

  it('treats codes that differ only by NFC form or spaces as the same', () => {
    const t = edit(sampleTable(), (x) => {
      x.groups[0]!.criteria[0]!.code = 'Đ.1'.normalize('NFD');
      x.groups[0]!.criteria[1]!.code = ' Đ.1 ';
    });
    expect(validateScoringTable(t).filter((i) => i.criterionCode === 'Đ.1' && i.level === 'error')).toHaveLength(1);
  });

  it('refuses a negative maximum and warns about a maximum of 0', () => {
    const t = edit(sampleTable(), (x) => {
      x.groups[0]!.criteria[0]!.max = -1;
      x.groups[0]!.criteria[1]!.max = 0;
    });
    const issues = validateScoringTable(t);
    expect(issues).toContainEqual({
      kind: 'max-invalid',
      level: 'error',
      message: 'Tiêu chí 1.1: điểm tối đa phải là số không âm.',
      groupCode: 'I',
      criterionCode: '1.1',
    });
    expect(issues).toContainEqual({
      kind: 'max-zero',
      level: 'warning',
      message: 'Tiêu chí 1.2 có điểm tối đa bằng 0.',
      groupCode: 'I',
      criterionCode: '1.2',
    });
  });

  it('requires points per item for a per-count criterion and warns when they exceed the max', () => {
    const missing = edit(sampleTable(), (x) => {
      x.groups[1]!.criteria[2]!.kind = 'count';
    });
    expect(validateScoringTable(missing)).toContainEqual(
      expect.objectContaining({ level: 'error', criterionCode: '2.3', message: expect.stringContaining('số điểm cho mỗi lần') }),
    );
    const tooBig = edit(missing, (x) => {
      x.groups[1]!.criteria[2]!.perItem = 5;
    });
    expect(validateScoringTable(tooBig)).toEqual([
      {
        kind: 'per-item-above-max',
        level: 'warning',
        message: 'Tiêu chí 2.3: điểm mỗi lần (5) lớn hơn điểm tối đa (4).',
        groupCode: 'II',
        criterionCode: '2.3',
      },
    ]);
    const fine = edit(missing, (x) => {
      x.groups[1]!.criteria[2]!.perItem = 0.5;
    });
    expect(validateScoringTable(fine)).toEqual([]);
  });

  it('warns when the normal criteria do not add up to the scale, ignoring bonus and deductions', () => {
    const t = edit(sampleTable(), (x) => {
      x.groups[0]!.criteria[0]!.max = 15.5;
    });
    expect(validateScoringTable(t)).toEqual([
      {
        kind: 'scale-mismatch',
        level: 'warning',
        message:
          'Tổng điểm tối đa của các tiêu chí (không tính điểm thưởng, điểm trừ) là 95,5, khác thang điểm 100 của bảng.',
      },
    ]);
    const bigBonus = edit(sampleTable(), (x) => {
      x.groups[5]!.criteria[0]!.max = 30;
      x.groups[5]!.cap = 40;
    });
    expect(validateScoringTable(bigBonus)).toEqual([
      {
        kind: 'group-cap-above-sum',
        level: 'warning',
        message: 'Nhóm VI: mức tối đa của nhóm (40) lớn hơn tổng điểm các tiêu chí (32).',
        groupCode: 'VI',
      },
    ]);
  });

  it('reports an empty table, empty groups, missing titles and a missing scale', () => {
    expect(validateScoringTable({ title: '', scale: 0, groups: [] }).map((i) => [i.kind, i.level, i.message])).toEqual([
      ['no-groups', 'error', 'Bảng chấm điểm chưa có nhóm tiêu chí nào.'],
      ['no-title', 'warning', 'Bảng chấm điểm chưa có tên.'],
      ['scale-missing', 'warning', 'Thang điểm của bảng chưa được đặt (ví dụ 100 hoặc 1.000).'],
    ]);
    const t = edit(sampleTable(), (x) => {
      x.groups[4]!.criteria = [];
      x.groups[0]!.criteria[0]!.title = ' ';
      x.groups[0]!.criteria[1]!.code = '';
      x.scale = 80;
    });
    const issues = validateScoringTable(t);
    const messages = issues.map((i) => i.message);
    expect(messages).toContain('Nhóm V chưa có tiêu chí nào.');
    expect(messages).toContain('Tiêu chí 1.1 chưa có nội dung.');
    expect(messages.some((m) => m.startsWith('Nhóm I có tiêu chí chưa có mã ("Tham mưu ban hành'))).toBe(true);
    expect(issues.map((i) => i.kind)).toEqual(expect.arrayContaining(['group-empty', 'criterion-title-missing', 'criterion-code-missing', 'scale-mismatch']));
  });

  it('warns about a bonus criterion in a deduction group and the reverse', () => {
    const t = edit(sampleTable(), (x) => {
      x.groups[6]!.criteria[0]!.kind = 'bonus';
      x.groups[5]!.criteria[0]!.kind = 'deduction';
    });
    expect(validateScoringTable(t).map((i) => i.kind)).toEqual(['kind-in-other-group', 'kind-in-other-group']);
    expect(validateScoringTable(t).map((i) => i.message)).toEqual([
      'Tiêu chí 6.1 là điểm trừ nhưng nằm trong nhóm điểm thưởng VI.',
      'Tiêu chí 7.1 là điểm thưởng nhưng nằm trong nhóm điểm trừ VII.',
    ]);
  });
});

describe('totals and order', () => {
  it('computes the nominal total of normal criteria', () => {
    expect(nominalMax(sampleTable())).toBe(100);
    const capped = edit(sampleTable(), (x) => {
      x.groups[0]!.cap = 30;
    });
    expect(nominalMax(capped)).toBe(90);
  });
  it('lists the criteria in group order and finds one by code', () => {
    const codes = criteriaInOrder(sampleTable()).map((c) => c.code);
    expect(codes).toHaveLength(22);
    expect(codes.slice(0, 5)).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1']);
    expect(codes.at(-1)).toBe('7.2');
    expect(findCriterion(sampleTable(), ' 3.2 ')).toMatchObject({ group: { code: 'III' }, criterion: { max: 5 } });
    expect(findCriterion(sampleTable(), '9.9')).toBeNull();
  });
});

describe('copyTableForYear', () => {
  it('makes a draft version 1 of the new year with new ids and the same content', () => {
    const old = sampleTable();
    const copy = copyTableForYear(old, 2025, NOW, counter('new'));
    expect(ScoringTableSchema.parse(copy)).toEqual(copy);
    expect(copy).toMatchObject({
      blocId: 'bloc-1',
      year: 2025,
      version: 1,
      status: 'draft',
      title: 'Bảng chấm điểm thi đua năm 2025',
      reason: '',
      lockedAt: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
    const ids = [copy.id, ...copy.groups.map((g) => g.id), ...criteriaInOrder(copy).map((c) => c.id)];
    expect(new Set(ids).size).toBe(1 + 7 + 22);
    expect(ids.every((id) => id.startsWith('new-'))).toBe(true);
    const strip = (t: ScoringTable) => t.groups.map((g) => ({ ...g, id: '', criteria: g.criteria.map((c) => ({ ...c, id: '' })) }));
    expect(strip(copy)).toEqual(strip(old));
    expect(tableChecksum(copy)).toBe(tableChecksum(old));
  });
  it('does not share objects with the original', () => {
    const old = sampleTable();
    const copy = copyTableForYear(old, 2025, NOW, counter());
    copy.groups[0]!.criteria[0]!.title = 'Đã sửa';
    expect(old.groups[0]!.criteria[0]!.title).not.toBe('Đã sửa');
  });
});

describe('withFreshIds', () => {
  it('gives an imported table new group and criterion ids, the same content, and no shared objects', () => {
    const imported = { title: 'Bảng chấm điểm nhập từ Excel', scale: 100, groups: sampleTable().groups };
    const fresh = withFreshIds(imported, counter('fresh'));
    const ids = [...fresh.groups.map((g) => g.id), ...criteriaInOrder(fresh).map((c) => c.id)];
    expect(new Set(ids).size).toBe(7 + 22);
    expect(ids.every((id) => id.startsWith('fresh-'))).toBe(true);
    const strip = (t: Pick<ScoringTable, 'groups'>) => t.groups.map((g) => ({ ...g, id: '', criteria: g.criteria.map((c) => ({ ...c, id: '' })) }));
    expect(strip(fresh)).toEqual(strip(imported));
    expect({ title: fresh.title, scale: fresh.scale }).toEqual({ title: imported.title, scale: imported.scale });
    fresh.groups[0]!.criteria[0]!.title = 'Đã sửa';
    expect(imported.groups[0]!.criteria[0]!.title).not.toBe('Đã sửa');
  });
});

describe('versions and locking', () => {
  it('makes version 2 as a draft with the reason, keeping the row ids', () => {
    const v1 = sampleTable();
    const v2 = newVersion(v1, '  Bổ sung tiêu chí chuyển đổi số theo Kế hoạch 12/KH-UBND ', NOW, counter('v'));
    expect(v2).toMatchObject({
      id: 'v-1',
      version: 2,
      status: 'draft',
      reason: 'Bổ sung tiêu chí chuyển đổi số theo Kế hoạch 12/KH-UBND',
      lockedAt: null,
      year: 2024,
    });
    expect(v2.groups[0]!.criteria[0]!.id).toBe('c-1.1');
    expect(v1.status).toBe('locked');
    expect(newVersion(v1, 'lý do', NOW, counter(), 4).version).toBe(5);
  });
  it('requires a reason and a locked table', () => {
    expect(() => newVersion(sampleTable(), '   ', NOW, counter())).toThrowError(/Cần ghi lý do/);
    try {
      newVersion(sampleTable({ status: 'draft' }), 'x', NOW, counter());
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).code).toBe('scoring-table-not-locked');
    }
  });
  it('locks a valid draft and refuses an invalid or already locked one', () => {
    const draft = sampleTable({ status: 'draft', lockedAt: null });
    expect(lockTable(draft, NOW)).toMatchObject({ status: 'locked', lockedAt: NOW, updatedAt: NOW });
    expect(() => lockTable(sampleTable(), NOW)).toThrowError(/đã khóa/);
    const bad = edit(draft, (x) => {
      x.groups[0]!.criteria[1]!.code = '1.1';
    });
    try {
      lockTable(bad, NOW);
      expect.unreachable();
    } catch (e) {
      expect((e as UserError).code).toBe('scoring-table-invalid');
      expect((e as UserError).details).toEqual(['Mã tiêu chí 1.1 bị trùng (2 tiêu chí). Mỗi tiêu chí cần một mã riêng.']);
    }
    expect(() => lockTable(sampleTable({ status: 'draft', version: 2, reason: '' }), NOW)).toThrowError(/cần ghi lý do/);
  });
  it('refuses edits to a locked table', () => {
    expect(() => assertEditable(sampleTable())).toThrowError(/đã khóa; muốn thay đổi hãy tạo phiên bản mới/);
    expect(() => assertEditable(sampleTable({ status: 'draft' }))).not.toThrow();
  });
  it('finds the latest or a given version of a year', () => {
    const v1 = sampleTable();
    const v2 = { ...newVersion(v1, 'lý do', NOW, counter()), id: 't2' };
    const other = { ...sampleTable(), id: 't25', year: 2025 };
    const all = [v2, other, v1];
    expect(findTable(all, 2024)?.id).toBe('t2');
    expect(findTable(all, 2024, 1)?.id).toBe('t-2024-v1');
    expect(findTable(all, 2024, 3)).toBeNull();
    expect(findTable(all, 2023)).toBeNull();
    expect(tableVersions(all, 2024).map((t) => t.version)).toEqual([1, 2]);
  });
});

describe('tableChecksum', () => {
  const base = tableChecksum(sampleTable());
  it('is 16 hex digits, stable and matches the FNV-1a reference', () => {
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(tableChecksum(sampleTable())).toBe(base);
    // Reference vectors of 64-bit FNV-1a.
    expect(fnv1a64Hex('')).toBe('cbf29ce484222325');
    expect(fnv1a64Hex('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64Hex('foobar')).toBe('85944171f73967e8');
    expect(tableChecksum({ groups: [] })).toBe(fnv1a64Hex('blocdesk-table-v1'));
    expect(checksumInput({ groups: [] })).toBe('blocdesk-table-v1');
  });
  it('ignores titles, guidance, ids and NFC form', () => {
    const t = edit(sampleTable(), (x) => {
      x.title = 'Khác';
      x.groups[0]!.title = 'Nhóm khác';
      x.groups[0]!.criteria[0]!.title = 'Nội dung khác';
      x.groups[0]!.criteria[0]!.guidance = 'Hướng dẫn';
      x.groups[0]!.criteria[0]!.id = 'other';
    });
    expect(tableChecksum(t)).toBe(base);
  });
  it('changes with a code, a max, a kind or the order', () => {
    const changes: ((x: ScoringTable) => void)[] = [
      (x) => (x.groups[0]!.criteria[0]!.code = '1.10'),
      (x) => (x.groups[0]!.criteria[0]!.max = 19),
      (x) => (x.groups[0]!.criteria[0]!.kind = 'target'),
      (x) => x.groups[0]!.criteria.reverse(),
      (x) => x.groups[0]!.criteria.pop(),
      (x) => (x.groups[5]!.kind = 'deduction'),
    ];
    const sums = changes.map((f) => tableChecksum(edit(sampleTable(), f)));
    for (const s of sums) expect(s).not.toBe(base);
    expect(new Set(sums).size).toBe(changes.length);
  });
});
