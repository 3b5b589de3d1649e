import { describe, expect, it } from 'vitest';
import { classify } from '../../../shared/domain/ranking';
import { allVerified, id, order, rank, scoresOf } from './fixtures';

const entry = (r: ReturnType<typeof rank>, code: string) => r.entries.find((e) => e.code === code)!;

describe('units that did not submit', () => {
  it('are listed last in the year order, without a rank and never with 0; a unit that honestly scored 0 is ranked', () => {
    const incomplete = scoresOf('SNV', { I: 50, II: 50 }).filter((s) => s.code !== '2.2' && s.code !== '4.1');
    const r = rank(
      ['STC', 'SNV', 'STP', 'SYT'],
      [...incomplete, ...scoresOf('STP', { I: 0, II: 0 }), ...scoresOf('SYT', { I: 40, II: 40 })],
      [{ kind: 'revote' }],
    );
    expect(order(r)).toEqual([['SYT', 1], ['STP', 2], ['STC', null], ['SNV', null]]);
    expect(entry(r, 'STP')).toMatchObject({ status: 'ranked', submitted: true, totals: { total: 0 } });
    expect(entry(r, 'STC')).toMatchObject({
      status: 'missing',
      submitted: false,
      totals: null,
      selfTotal: null,
      classification: null,
      tiedWith: [],
      decidedBy: null,
      explanation: 'Sở Tài chính chưa nộp phiếu tự chấm điểm nên chưa được xếp hạng.',
    });
    expect(entry(r, 'SNV')).toMatchObject({ status: 'incomplete', submitted: false, totals: null, rank: null, missing: ['2.2', '4.1'] });
    expect(entry(r, 'SNV').explanation).toBe(
      'Sở Nội vụ chưa chấm đủ: còn 2 tiêu chí chưa có điểm tự chấm (2.2, 4.1) nên chưa được xếp hạng.',
    );
    expect(entry(r, 'STP').explanation).toBe('Sở Tư pháp xếp cuối trong 2 đơn vị được xếp hạng.');
  });

  it('a self score blank but with null records counts as not submitted', () => {
    const blank = scoresOf('STC', { I: 0, II: 0 }).map((s) => ({ ...s, self: null }));
    const r = rank(['STC', 'SYT'], [...blank, ...scoresOf('SYT', { I: 40, II: 40 })], []);
    expect(entry(r, 'STC')).toMatchObject({ status: 'missing', rank: null });
    expect(entry(r, 'SYT').explanation).toBe('Sở Y tế là đơn vị duy nhất được xếp hạng.');
  });
});

describe('totals', () => {
  it('use the verified score where there is one, else the self score, and mark unverified units', () => {
    const syt = scoresOf('SYT', { I: 50, II: 50 }, { '1.1': 20 });
    const stc = allVerified(scoresOf('STC', { I: 47, II: 48 }));
    const r = rank(['SYT', 'STC'], [...syt, ...stc], []);
    expect(order(r)).toEqual([['STC', 1], ['SYT', 2]]);
    expect(entry(r, 'SYT')).toMatchObject({ selfTotal: 100, totals: { total: 90 }, verified: false });
    expect(entry(r, 'SYT').unverified).toEqual(['1.2', '2.1', '2.2', '3.1', '3.2', '4.1', '4.2']);
    expect(entry(r, 'SYT').notes).toEqual(['Còn 7 tiêu chí chưa thẩm định (1.2, 2.1, 2.2, 3.1, 3.2, …); điểm tự chấm được tính thay.']);
    expect(entry(r, 'STC')).toMatchObject({ verified: true, unverified: [], notes: [] });
  });

  it('a verified 0 counts (it is not "no verified score")', () => {
    const r = rank(['SYT'], scoresOf('SYT', { I: 50, II: 50 }, { '1.1': 0 }), []);
    expect(entry(r, 'SYT').totals!.total).toBe(70);
  });

  it('cap the bonus and the deductions by their groups', () => {
    const r = rank(['SYT'], scoresOf('SYT', { I: 50, II: 50, bonus: 5, bonus2: 4, deduction: 5, deduction2: 3 }), []);
    expect(entry(r, 'SYT').totals).toMatchObject({ base: 100, bonus: 5, deduction: 6, total: 99 });
    expect(Object.fromEntries(entry(r, 'SYT').totals!.groups.map((g) => [g.code, g.subtotal]))).toEqual({ I: 50, II: 50, III: 5, IV: 6 });
  });

  it('may exceed the scale through bonus points', () => {
    const r = rank(['STC', 'SYT'], [...scoresOf('STC', { I: 50, II: 50 }), ...scoresOf('SYT', { I: 50, II: 50, bonus: 3, bonus2: 2 })], [], {
      bands: [{ label: 'Xuất sắc', min: 95 }],
    });
    expect(order(r)).toEqual([['SYT', 1], ['STC', 2]]);
    expect(entry(r, 'SYT')).toMatchObject({ totals: { total: 105 }, classification: 'Xuất sắc' });
    expect(entry(r, 'SYT').explanation).toBe('Sở Y tế xếp trên Sở Tài chính vì tổng điểm cao hơn (105 so với 100).');
  });
});

describe('classification bands', () => {
  const bands = [
    { label: 'Tốt', min: 85 },
    { label: 'Xuất sắc', min: 95 },
    { label: 'Khá', min: 70 },
  ];

  it('a total of exactly the minimum reaches the band; just below falls to the next band', () => {
    expect(classify(95, bands)).toBe('Xuất sắc');
    expect(classify(94.99, bands)).toBe('Tốt');
    expect(classify(85, bands)).toBe('Tốt');
    expect(classify(84.75, bands)).toBe('Khá');
    expect(classify(69.5, bands)).toBeNull();
    expect(classify(120, [])).toBeNull();
  });

  it('a total of 95 made of decimals (47,3 + 47,7) is Xuất sắc, and units not submitted get no class', () => {
    const r = rank(
      ['SYT', 'STC', 'SNV'],
      [...scoresOf('SYT', { I: 47.3, II: 47.7 }), ...scoresOf('STC', { I: 47.3, II: 47.6 })],
      [],
      { bands },
    );
    expect(entry(r, 'SYT')).toMatchObject({ totals: { total: 95 }, classification: 'Xuất sắc' });
    expect(entry(r, 'STC')).toMatchObject({ totals: { total: 94.9 }, classification: 'Tốt' });
    expect(entry(r, 'SNV').classification).toBeNull();
  });

  it('bands sharing a minimum or without a name are reported', () => {
    const r = rank(['SYT'], scoresOf('SYT', { I: 40, II: 40 }), [], { bands: [{ label: 'Tốt', min: 85 }, { label: 'Khá', min: 85 }, { label: ' ', min: 50 }] });
    expect(r.warnings).toHaveLength(2);
  });
});

describe('eligibility', () => {
  it('a unit not eligible stays ranked and is marked with its reason and basis', () => {
    const eligibility = new Map([
      [id('SYT'), { eligible: false, reason: 'Đang trong thời gian thanh tra', basis: 'Quyết định số 12/QĐ-TTr ngày 01/11/2024' }],
      [id('STC'), { eligible: true, reason: '', basis: '' }],
    ]);
    const r = rank(['STC', 'SYT'], [...allVerified(scoresOf('STC', { I: 40, II: 40 })), ...allVerified(scoresOf('SYT', { I: 50, II: 45 }))], [], {
      eligibility,
    });
    expect(order(r)).toEqual([['SYT', 1], ['STC', 2]]);
    expect(entry(r, 'SYT')).toMatchObject({ eligible: false, rank: 1 });
    expect(entry(r, 'SYT').notes).toEqual([
      'Không đủ điều kiện đề nghị khen thưởng: Đang trong thời gian thanh tra (căn cứ: Quyết định số 12/QĐ-TTr ngày 01/11/2024).',
    ]);
    expect(entry(r, 'STC')).toMatchObject({ eligible: true, notes: [] });
  });
});
