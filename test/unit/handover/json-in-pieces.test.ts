/**
 * Parsing a package's JSON in pieces (shared/package/json-in-pieces.ts) gives JSON.parse's value
 * exactly, or steps aside (null) so the whole-text parse decides; parseUntrustedJson's answers
 * (values and refusals) are those of the whole-text parse for every document below.
 */
import { describe, expect, it } from 'vitest';
import { parseJsonInPieces } from '../../../shared/package/json-in-pieces';
import { parseUntrustedJson } from '../../../shared/package/untrusted-json';
import { buildSyntheticBlocData, withFullHistory } from '../../../shared/sample/sample-bloc';
import { concatBytes } from './forge';

const enc = (s: string) => new TextEncoder().encode(s);
const cat = concatBytes;

const bloc = JSON.stringify(withFullHistory(buildSyntheticBlocData({ units: 3, criteria: 5, years: 2, now: '2026-05-14T03:00:00.000Z', lastYear: 2025 })));

/** Documents of our shape, which the pieces must parse. */
const OURS = [
  bloc,
  JSON.stringify(JSON.parse(bloc), null, 2),
  '{}',
  ' { } ',
  '{"a":[]}',
  '{"a":[ ]}',
  '{"a":[1],"b":[[],[{}],[[1,2],"x,]}"]],"c":"tên \\"trích\\" \\\\","d":{"e":[1,2,3]},"f":null,"g":-1.5e3,"h":true}',
  '{"a":1,"a":[2,3],"b":2}',
  '{"2":"x","1":"y","b":[3]}',
  '{"__proto__x":[1],"nested":[{"__proto__":{"polluted":1}}]}',
  '\n{\r\n\t"a" : [ 1 , 2 ,\n 3 ] ,\n "b" : "Khối thi đua" \n}\n',
];

/** Documents that must not come back from the pieces different from JSON.parse (mostly: null). */
const ODD = [
  '{"a":[1,]}',
  '{"a":[,1]}',
  '{"a":[1,,2]}',
  '{"a":[1}]}',
  '{"a":[1}2]}',
  '{"a":[1]2]}',
  '{"a":[1,2}',
  '{"a":[1,2]',
  '{"a":[1,2]}x',
  '{"a":[1,2]},',
  '{"a":1,}',
  '{,"a":1}',
  '{"a" 1}',
  '{"a":}',
  '{"a":[1],"b"}',
  '{"__proto__":[1]}',
  '{"constructor":{"a":1}}',
  '\uFEFF{"a":[1]}',
  '[{"a":1}]',
  '"text"',
  '12',
  '{"a":"\\ud800"}',
  '{"a":[1,"unterminated]}',
];

function agree(text: string | Uint8Array, batchBytes: number): void {
  const bytes = typeof text === 'string' ? enc(text) : text;
  const pieces = parseJsonInPieces(bytes, batchBytes);
  if (pieces === null) return;
  const whole: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  expect(JSON.stringify(pieces)).toBe(JSON.stringify(whole));
  expect(pieces).toEqual(whole);
}

/**
 * parseUntrustedJson through the whole-text parse: a leading byte-order mark sends it there (the
 * pieces step aside), and the decoder drops the mark, so the text parsed is the document's own.
 */
const wholeText = (bytes: Uint8Array) => parseUntrustedJson(cat(new Uint8Array([0xef, 0xbb, 0xbf]), bytes));

describe('JSON in pieces', () => {
  it('parses documents of our shape exactly as JSON.parse, in batches of any size', () => {
    for (const batch of [1, 2, 7, 64, 1 << 20])
      for (const doc of OURS) {
        expect(parseJsonInPieces(enc(doc), batch), `${doc.slice(0, 60)} (batch ${batch})`).not.toBeNull();
        agree(doc, batch);
      }
  });

  it('steps aside, never guessing, on everything else', () => {
    for (const batch of [1, 2, 7, 1 << 20])
      for (const doc of ODD) {
        agree(doc, batch);
        if (doc !== '{"a":[1,2]}x' && !doc.startsWith('\uFEFF')) {
          let parses = true;
          try {
            JSON.parse(doc);
          } catch {
            parses = false;
          }
          if (!parses) expect(parseJsonInPieces(enc(doc), batch), doc).toBeNull();
        }
      }
    expect(parseJsonInPieces(enc('{"__proto__":[1]}'))).toBeNull();
  });

  it('steps aside on bytes that are not UTF-8, wherever they are', () => {
    const bad = new Uint8Array([0xc3, 0x28]);
    for (const doc of [cat(enc('{"a":["'), bad, enc('"]}')), cat(enc('{"'), bad, enc('":1}')), cat(enc('{"a":1'), bad, enc('}'))])
      for (const batch of [1, 1 << 20]) expect(parseJsonInPieces(doc, batch)).toBeNull();
  });

  it('leaves parseUntrustedJson’s answers as they were', () => {
    const bad = new Uint8Array([0xff]);
    const docs = [...OURS, ...ODD].filter((d) => !d.startsWith('\uFEFF')).map(enc);
    docs.push(cat(enc('{"a":["'), bad, enc('"]}')), cat(enc('{"a":[1,]'), bad, enc('}')), enc('{"a":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}'));
    for (const bytes of docs) expect(parseUntrustedJson(bytes)).toEqual(wholeText(bytes));
    expect(parseUntrustedJson(enc('{"__proto__":[1]}'))).toEqual({ ok: false, problem: { kind: 'forbidden-key', key: '__proto__' } });
    expect(parseUntrustedJson(enc('{"a":[1,]}'))).toEqual({ ok: false, problem: { kind: 'syntax' } });
    expect(parseUntrustedJson(enc('{"a":[1,]'))).toEqual({ ok: false, problem: { kind: 'syntax' } });
    expect(parseUntrustedJson(cat(enc('{"a":[1,]'), bad, enc('}')))).toEqual({ ok: false, problem: { kind: 'not-utf8' } });
  });
});
