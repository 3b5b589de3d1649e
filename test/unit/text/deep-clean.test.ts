import { describe, expect, it } from 'vitest';
import { deepCleanText } from '../../../shared/text/clean';

describe('deepCleanText', () => {
  it('cleans every string inside objects and arrays without touching the input', () => {
    const input = { a: 'Sở Y t\u00ea\u0301', list: ['ok', 'x\u202Ey', 3], deep: { n: 1, s: 'b\u0000c' }, same: { k: 'v' } };
    const snapshot = structuredClone(input);
    const out = deepCleanText(input);
    expect(out).toEqual({ a: 'Sở Y tế', list: ['ok', 'xy', 3], deep: { n: 1, s: 'bc' }, same: { k: 'v' } });
    expect(input).toEqual(snapshot);
    expect(out).not.toBe(input);
    expect(out.same).toBe(input.same); // the clean parts are shared, not copied
    expect(Object.keys(out)).toEqual(['a', 'list', 'deep', 'same']);
  });

  it('gives back already clean data as itself', () => {
    const clean = { id: 'x', scores: [{ self: 1, note: 'Có báo cáo' }], n: NaN };
    expect(deepCleanText(clean)).toBe(clean);
  });

  it('drops keys that could reach a prototype, keeping the order of the others', () => {
    const hostile = JSON.parse('{"a":1,"__proto__":{"polluted":true},"b":"x","constructor":2,"c":[{"prototype":1,"d":2}]}') as Record<string, unknown>;
    const out = deepCleanText(hostile) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['a', 'b', 'c']);
    expect(out.c).toEqual([{ d: 2 }]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
