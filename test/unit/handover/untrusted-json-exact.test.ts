/**
 * parseUntrustedJson tells whether its value says all its text says (`exact`): the upload of a bloc
 * writes a part's text as it came only then (bloc-upload.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseUntrustedJson } from '../../../shared/package/untrusted-json';

const parse = (text: string) => {
  const r = parseUntrustedJson(new TextEncoder().encode(text));
  if (!r.ok) throw new Error(r.problem.kind);
  return r;
};

describe('parseUntrustedJson: the text’s shape and whether the value is exact', () => {
  it('counts the text’s objects, arrays and separators; spaces, escapes and commas in strings change nothing', () => {
    expect(parse('[{"a":1},{"b":[1,2]}]')).toMatchObject({ shape: { containers: 4, separators: 2 }, exact: true, cleaned: 0 });
    expect(parse(' [ { "a" : 1 } ,\n{ "b":[ 1 , 2 ] } ] ')).toMatchObject({ shape: { containers: 4, separators: 2 }, exact: true });
    expect(parse('["a,b","{[",{"\\u0063":"}]"}]')).toMatchObject({ shape: { containers: 2, separators: 2 }, exact: true });
    expect(parse('"một chuỗi"')).toMatchObject({ exact: true, cleaned: 0 });
  });

  it('a key given twice, anywhere, makes it inexact: the value lost a member the text holds', () => {
    expect(parse('{"a":1,"a":2}')).toMatchObject({ value: { a: 2 }, exact: false });
    expect(parse('[{"a":{"b":[]},"a":3}]')).toMatchObject({ exact: false });
    expect(parse('[[{"x":1,"y":2,"x":1}]]')).toMatchObject({ exact: false });
  });

  it('a string cleaning changed makes it inexact', () => {
    expect(parse('{"a":"Ghi chú\\u0007"}')).toMatchObject({ value: { a: 'Ghi chú' }, cleaned: 1, exact: false });
    expect(parse('"Ho\\u0300a"')).toMatchObject({ value: 'Hòa', exact: false });
  });
});
