import { describe, expect, it } from 'vitest';
import { decidedByCode } from '../../../shared/domain/ranking';
import { id, order, rank, scoresOf } from './fixtures';

const entry = (r: ReturnType<typeof rank>, code: string) => r.entries.find((e) => e.code === code)!;

describe('ranking by total', () => {
  it('orders by the total, higher first, ranks 1..n, and says why in words', () => {
    const r = rank(
      ['STC', 'SYT', 'SNV'],
      [...scoresOf('STC', { I: 40, II: 40 }), ...scoresOf('SYT', { I: 45, II: 45 }), ...scoresOf('SNV', { I: 47, II: 48 })],
      [],
    );
    expect(order(r)).toEqual([['SNV', 1], ['SYT', 2], ['STC', 3]]);
    expect(entry(r, 'SNV').decidedBy).toEqual({ by: 'total' });
    expect(decidedByCode(entry(r, 'SNV').decidedBy)).toBeNull();
    expect(entry(r, 'SNV').explanation).toBe('Sở Nội vụ xếp trên Sở Y tế vì tổng điểm cao hơn (95 so với 90).');
    expect(entry(r, 'STC').decidedBy).toBeNull();
    expect(entry(r, 'STC').explanation).toBe('Sở Tài chính xếp cuối trong 3 đơn vị được xếp hạng.');
    expect(r.warnings).toEqual([]);
  });
});

describe('each tie rule alone', () => {
  it('higherGroupScore: the higher subtotal of the named group ranks higher', () => {
    const r = rank(['STC', 'SYT'], [...scoresOf('STC', { I: 47, II: 49.5 }), ...scoresOf('SYT', { I: 48, II: 48.5 })], [
      { kind: 'higherGroupScore', groupCode: 'I' },
    ]);
    expect(order(r)).toEqual([['SYT', 1], ['STC', 2]]);
    const syt = entry(r, 'SYT');
    expect(syt.decidedBy).toEqual({ by: 'rule', rule: { kind: 'higherGroupScore', groupCode: 'I' }, ruleIndex: 0 });
    expect(decidedByCode(syt.decidedBy)).toBe('higherGroupScore:I');
    expect(syt.explanation).toBe('Sở Y tế xếp trên Sở Tài chính vì cùng 96,5 điểm nhưng điểm nhóm I cao hơn (48 so với 47).');
    expect(syt.tiedWith).toEqual([]);
  });

  it('higherGroupScore on group II decides the other way round', () => {
    const r = rank(['SYT', 'STC'], [...scoresOf('STC', { I: 47, II: 49.5 }), ...scoresOf('SYT', { I: 48, II: 48.5 })], [
      { kind: 'higherGroupScore', groupCode: 'II' },
    ]);
    expect(order(r)).toEqual([['STC', 1], ['SYT', 2]]);
  });

  it('higherTotalScore compares the total before bonus: the unit that needed less bonus ranks higher', () => {
    const r = rank(
      ['STC', 'SYT'],
      [...scoresOf('STC', { I: 45, II: 45, bonus: 4 }), ...scoresOf('SYT', { I: 45, II: 47, bonus: 2 })],
      [{ kind: 'higherTotalScore' }],
    );
    expect(order(r)).toEqual([['SYT', 1], ['STC', 2]]);
    expect(decidedByCode(entry(r, 'SYT').decidedBy)).toBe('higherTotalScore');
    expect(entry(r, 'SYT').explanation).toBe(
      'Sở Y tế xếp trên Sở Tài chính vì cùng 94 điểm nhưng tổng điểm chưa tính điểm thưởng cao hơn (92 so với 90).',
    );
  });

  it('fewerDeductions: fewer points taken away ranks higher', () => {
    const r = rank(
      ['STC', 'SYT'],
      [...scoresOf('STC', { I: 46, II: 46, deduction: 2 }), ...scoresOf('SYT', { I: 45, II: 46, deduction: 1 })],
      [{ kind: 'fewerDeductions' }],
    );
    expect(order(r)).toEqual([['SYT', 1], ['STC', 2]]);
    expect(decidedByCode(entry(r, 'SYT').decidedBy)).toBe('fewerDeductions');
    expect(entry(r, 'SYT').explanation).toBe('Sở Y tế xếp trên Sở Tài chính vì cùng 90 điểm nhưng ít điểm trừ hơn (1 so với 2).');
  });

  it('revote: the tied units share the rank, the next rank is skipped, and the re-vote remains', () => {
    const r = rank(
      ['SNV', 'STC', 'SYT', 'SXD'],
      [
        ...scoresOf('SNV', { I: 50, II: 45 }),
        ...scoresOf('STC', { I: 48, II: 42 }),
        ...scoresOf('SYT', { I: 45, II: 45 }),
        ...scoresOf('SXD', { I: 40, II: 40 }),
      ],
      [{ kind: 'revote' }, { kind: 'chairDecides' }],
    );
    expect(order(r)).toEqual([['SNV', 1], ['STC', 2], ['SYT', 2], ['SXD', 4]]);
    expect(entry(r, 'STC')).toMatchObject({ tiedWith: ['SYT'], pending: 'revote', decidedBy: null });
    expect(entry(r, 'SYT')).toMatchObject({ tiedWith: ['STC'], pending: 'revote', decidedBy: { by: 'total' } });
    expect(entry(r, 'STC').explanation).toBe(
      'Sở Tài chính đồng hạng 2 với Sở Y tế (cùng 90 điểm); còn chờ bỏ phiếu lại giữa các đơn vị đồng hạng.',
    );
    expect(entry(r, 'SYT').explanation).toBe(
      'Sở Y tế đồng hạng 2 với Sở Tài chính (cùng 90 điểm); còn chờ bỏ phiếu lại giữa các đơn vị đồng hạng. ' +
        'Sở Y tế xếp trên Sở Xây dựng vì tổng điểm cao hơn (90 so với 80).',
    );
  });

  it('chairDecides: the tied units share the rank until the chair decides', () => {
    const r = rank(['STC', 'SYT'], [...scoresOf('STC', { I: 48, II: 42 }), ...scoresOf('SYT', { I: 45, II: 45 })], [
      { kind: 'chairDecides' },
    ]);
    expect(order(r)).toEqual([['STC', 1], ['SYT', 1]]);
    expect(entry(r, 'SYT').pending).toBe('chairDecides');
    expect(entry(r, 'SYT').explanation).toBe('Sở Y tế đồng hạng 1 với Sở Tài chính (cùng 90 điểm); còn chờ chủ trì hội nghị quyết định.');
  });

  it('without tie rules equal totals share the rank with nothing left to decide', () => {
    const r = rank(['STC', 'SYT'], [...scoresOf('STC', { I: 48, II: 42 }), ...scoresOf('SYT', { I: 45, II: 45 })], []);
    expect(order(r)).toEqual([['STC', 1], ['SYT', 1]]);
    expect(entry(r, 'STC').pending).toBeNull();
    expect(entry(r, 'STC').explanation).toBe(
      'Sở Tài chính đồng hạng 1 với Sở Y tế (cùng 90 điểm); quy định của năm không còn quy tắc nào để phân định.',
    );
  });
});

describe('chained tie rules', () => {
  const tied = [...scoresOf('STC', { I: 48, II: 44, deduction: 2 }), ...scoresOf('SYT', { I: 48, II: 43, deduction: 1 })];

  it('a rule that finds the units equal passes them to the next one', () => {
    const r = rank(['STC', 'SYT'], tied, [{ kind: 'higherGroupScore', groupCode: 'I' }, { kind: 'fewerDeductions' }, { kind: 'revote' }]);
    expect(order(r)).toEqual([['SYT', 1], ['STC', 2]]);
    expect(entry(r, 'SYT').decidedBy).toMatchObject({ by: 'rule', ruleIndex: 1 });
    expect(entry(r, 'SYT').explanation).toBe(
      'Sở Y tế xếp trên Sở Tài chính vì cùng 90 điểm, cùng điểm nhóm I (48) nhưng ít điểm trừ hơn (1 so với 2).',
    );
  });

  it('the order of the rules decides which rule wins', () => {
    const scores = [...scoresOf('STC', { I: 47, II: 44, deduction: 1 }), ...scoresOf('SYT', { I: 48, II: 44, deduction: 2 })];
    const group = { kind: 'higherGroupScore', groupCode: 'I' } as const;
    const fewer = { kind: 'fewerDeductions' } as const;
    expect(order(rank(['STC', 'SYT'], scores, [group, fewer]))).toEqual([['SYT', 1], ['STC', 2]]);
    expect(order(rank(['STC', 'SYT'], scores, [fewer, group]))).toEqual([['STC', 1], ['SYT', 2]]);
  });

  it('a three-way tie is broken at different rules', () => {
    const r = rank(
      ['STC', 'SXD', 'SYT', 'SNV'],
      [
        ...scoresOf('SNV', { I: 49, II: 41 }),
        ...scoresOf('SYT', { I: 48, II: 43, deduction: 1 }),
        ...scoresOf('STC', { I: 48, II: 44, deduction: 2 }),
        ...scoresOf('SXD', { I: 40, II: 45 }),
      ],
      [{ kind: 'higherGroupScore', groupCode: 'I' }, { kind: 'fewerDeductions' }, { kind: 'revote' }],
    );
    expect(order(r)).toEqual([['SNV', 1], ['SYT', 2], ['STC', 3], ['SXD', 4]]);
    expect(r.entries.map((e) => decidedByCode(e.decidedBy))).toEqual(['higherGroupScore:I', 'fewerDeductions', null, null]);
    expect(entry(r, 'STC').decidedBy).toEqual({ by: 'total' });
    expect(entry(r, 'SNV').explanation).toBe('Sở Nội vụ xếp trên Sở Y tế vì cùng 90 điểm nhưng điểm nhóm I cao hơn (49 so với 48).');
    expect(r.entries.every((e) => e.tiedWith.length === 0)).toBe(true);
  });

  it('a three-way tie where one unit is separated and two are left for a re-vote', () => {
    const r = rank(
      ['STC', 'SYT', 'SNV'],
      [
        ...scoresOf('SNV', { I: 49, II: 41 }),
        ...scoresOf('SYT', { I: 48, II: 43, deduction: 1 }),
        ...scoresOf('STC', { I: 48, II: 43, deduction: 1 }),
      ],
      [{ kind: 'higherGroupScore', groupCode: 'I' }, { kind: 'fewerDeductions' }, { kind: 'revote' }, { kind: 'chairDecides' }],
    );
    expect(order(r)).toEqual([['SNV', 1], ['STC', 2], ['SYT', 2]]);
    expect(entry(r, 'STC')).toMatchObject({ pending: 'revote', tiedWith: ['SYT'] });
    expect(entry(r, 'SYT').explanation).toBe(
      'Sở Y tế đồng hạng 2 với Sở Tài chính (cùng 90 điểm, cùng điểm nhóm I (48), cùng số điểm trừ (1)); còn chờ bỏ phiếu lại giữa các đơn vị đồng hạng.',
    );
  });

  it('a group the table does not have is skipped with a warning', () => {
    const r = rank(['STC', 'SYT'], tied, [{ kind: 'higherGroupScore', groupCode: 'IX' }, { kind: 'fewerDeductions' }]);
    expect(order(r)).toEqual([['SYT', 1], ['STC', 2]]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('nhóm "IX"');
  });

  it('group codes match trimmed and case-blind', () => {
    const r = rank(['STC', 'SYT'], [...scoresOf('STC', { I: 47, II: 49.5 }), ...scoresOf('SYT', { I: 48, II: 48.5 })], [
      { kind: 'higherGroupScore', groupCode: ' i ' },
    ]);
    expect(order(r)).toEqual([['SYT', 1], ['STC', 2]]);
    expect(r.warnings).toEqual([]);
  });
});

describe('decisions on shared ranks', () => {
  const scores = [
    ...scoresOf('SNV', { I: 50, II: 45 }),
    ...scoresOf('STC', { I: 48, II: 42 }),
    ...scoresOf('SYT', { I: 45, II: 45 }),
  ];
  const reason = 'Chủ trì hội nghị quyết định tại Biên bản số 05/BB-KTĐ ngày 05/01/2025';

  it("the chair's decision separates the tied units and is reported with its reason", () => {
    const r = rank(['SNV', 'STC', 'SYT'], scores, [{ kind: 'chairDecides' }], {
      decisions: [{ units: [id('STC'), id('SYT')], order: [id('SYT'), id('STC')], reason }],
    });
    expect(order(r)).toEqual([['SNV', 1], ['SYT', 2], ['STC', 3]]);
    const syt = entry(r, 'SYT');
    expect(syt).toMatchObject({ tiedWith: [], pending: null, decidedBy: { by: 'decision', ruleIndex: 0 } });
    expect(decidedByCode(syt.decidedBy)).toBe('chairDecides');
    expect(syt.explanation).toBe(`Sở Y tế xếp trên Sở Tài chính vì cùng 90 điểm và theo quyết định của chủ trì hội nghị: ${reason}.`);
    expect(r.warnings).toEqual([]);
  });

  it('the result of a re-vote is entered the same way', () => {
    const r = rank(['SNV', 'STC', 'SYT'], scores, [{ kind: 'fewerDeductions' }, { kind: 'revote' }], {
      decisions: [{ units: [id('SYT'), id('STC')], order: [id('SYT'), id('STC')], reason: 'Sở Y tế đạt 5/8 phiếu' }],
    });
    expect(order(r)).toEqual([['SNV', 1], ['SYT', 2], ['STC', 3]]);
    expect(decidedByCode(entry(r, 'SYT').decidedBy)).toBe('revote');
    expect(entry(r, 'SYT').explanation).toBe(
      'Sở Y tế xếp trên Sở Tài chính vì cùng 90 điểm, cùng số điểm trừ (0) và theo kết quả bỏ phiếu lại: Sở Y tế đạt 5/8 phiếu.',
    );
  });

  it('a decision about other units leaves the tie and is reported as not applied', () => {
    const r = rank(['SNV', 'STC', 'SYT'], scores, [{ kind: 'chairDecides' }], {
      decisions: [{ units: [id('SNV'), id('SYT')], order: [id('SYT'), id('SNV')], reason }],
    });
    expect(order(r)).toEqual([['SNV', 1], ['STC', 2], ['SYT', 2]]);
    expect(r.warnings).toEqual([expect.stringContaining('SNV, SYT không được áp dụng')]);
  });

  it('a decision before the chair rule is reached is not applied: the rules decide first', () => {
    const r = rank(['SNV', 'STC', 'SYT'], scores, [{ kind: 'higherGroupScore', groupCode: 'I' }, { kind: 'chairDecides' }], {
      decisions: [{ units: [id('STC'), id('SYT')], order: [id('SYT'), id('STC')], reason }],
    });
    expect(order(r)).toEqual([['SNV', 1], ['STC', 2], ['SYT', 3]]);
    expect(r.warnings).toHaveLength(1);
  });

  it('a decision whose order does not list exactly its units is refused', () => {
    const r = rank(['SNV', 'STC', 'SYT'], scores, [{ kind: 'chairDecides' }], {
      decisions: [{ units: [id('STC'), id('SYT')], order: [id('SYT')], reason }],
    });
    expect(order(r)).toEqual([['SNV', 1], ['STC', 2], ['SYT', 2]]);
    expect(r.warnings).toEqual([expect.stringContaining('không hợp lệ')]);
  });
});

describe('the explanation of equal totals alone (printed as notes under the summary table)', () => {
  it('holds the tie rule that separated equal totals and the shared rank; nothing when a total decided', () => {
    const r = rank(
      ['SNV', 'STC', 'SYT', 'STP', 'SXD'],
      [
        ...scoresOf('SNV', { I: 49, II: 49 }),
        ...scoresOf('STC', { I: 47, II: 49.5 }),
        ...scoresOf('SYT', { I: 48, II: 48.5 }),
        ...scoresOf('STP', { I: 45, II: 45 }),
        ...scoresOf('SXD', { I: 45, II: 45 }),
      ],
      [{ kind: 'higherGroupScore', groupCode: 'I' }, { kind: 'chairDecides' }],
    );
    expect(order(r)).toEqual([['SNV', 1], ['SYT', 2], ['STC', 3], ['STP', 4], ['SXD', 4]]);
    const notes = (code: string) => [entry(r, code).sharedRankNote, entry(r, code).separatedNote];
    expect(notes('SNV')).toEqual(['', '']);
    expect(notes('SYT')).toEqual(['', 'Sở Y tế xếp trên Sở Tài chính vì cùng 96,5 điểm nhưng điểm nhóm I cao hơn (48 so với 47).']);
    // Above the tied pair by its total: nothing about equal totals.
    expect(notes('STC')).toEqual(['', '']);
    expect(notes('STP')).toEqual(['Sở Tư pháp đồng hạng 4 với Sở Xây dựng (cùng 90 điểm, cùng điểm nhóm I (45)); còn chờ chủ trì hội nghị quyết định.', '']);
    expect(entry(r, 'SYT').explanation).toContain(entry(r, 'SYT').separatedNote);
    expect(entry(r, 'STP').explanation).toContain(entry(r, 'STP').sharedRankNote);
  });
});
