/**
 * The patch the CLI's vendored pdfmake bundle applies (scripts/cli-vendor-patches.mjs): the native
 * stand-in for tiny-inflate decodes exactly what tiny-inflate decodes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { NATIVE_INFLATE } from '../../../scripts/cli-vendor-patches.mjs';

const require = createRequire(import.meta.url);
type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;
const tinyInflate = require('tiny-inflate') as Inflate;
const nativeInflate = (() => {
  const module = { exports: {} as unknown };
  new Function('require', 'module', NATIVE_INFLATE)(require, module);
  return module.exports as Inflate;
})();

describe('the native tiny-inflate stand-in', () => {
  it('returns what tiny-inflate returns: the filled buffer, or a copy cut to the decoded length', () => {
    const text = new TextEncoder().encode('Cộng hòa xã hội chủ nghĩa Việt Nam '.repeat(200));
    const packed = deflateRawSync(text);
    for (const size of [text.length, text.length + 100]) {
      const a = tinyInflate(packed, new Uint8Array(size));
      const b = nativeInflate(packed, new Uint8Array(size));
      expect(b).toBeInstanceOf(Uint8Array);
      expect(b.length).toBe(a.length);
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
      expect(b.buffer.byteLength).toBe(a.buffer.byteLength);
    }
  });

  it("unpacks unicode-trie's doubly packed tables as tiny-inflate does", () => {
    // unicode-properties' table (base64 in its bundle), as unicode-trie reads it: a header of
    // three 32-bit words, the last the unpacked length, then the data packed twice.
    const source = readFileSync(require.resolve('unicode-properties'), 'utf8');
    const base64 = /toByteArray\("([A-Za-z0-9+/=]{1000,})"\)/.exec(source)?.[1];
    expect(base64).toBeDefined();
    const bytes = Buffer.from(base64!, 'base64');
    const length = bytes.readUInt32LE(8);
    const data = bytes.subarray(12);
    const a = tinyInflate(tinyInflate(data, new Uint8Array(length)), new Uint8Array(length));
    const b = nativeInflate(nativeInflate(data, new Uint8Array(length)), new Uint8Array(length));
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
  });
});
