// esbuild plugins that patch libraries under pdfmake where the CLI's bundles include them.
import { readFile } from 'node:fs/promises';

/**
 * tiny-inflate, a DEFLATE decoder in plain JavaScript, unpacks the Unicode tables of
 * unicode-trie (line breaking, character properties) every time pdfmake loads: some 40 ms of a
 * CLI run before the first page. Node's zlib decodes the same raw DEFLATE streams natively; this
 * stand-in keeps tiny-inflate's contract: it fills `dest` and returns it, or a copy cut to the
 * decoded length when that is shorter.
 */
export const NATIVE_INFLATE = `const { inflateRawSync } = require('node:zlib');
module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  dest.set(out.length > dest.length ? out.subarray(0, dest.length) : out);
  return out.length < dest.length ? dest.slice(0, out.length) : dest;
};
`;

export function nativeInflatePlugin() {
  return {
    name: 'blocdesk-native-inflate',
    setup(b) {
      b.onLoad({ filter: /[\\/]tiny-inflate[\\/]index\.js$/ }, () => ({ contents: NATIVE_INFLATE, loader: 'js' }));
    },
  };
}

/**
 * pdfkit (under pdfmake) parses a font file again for every document. The snapshot's bundle
 * (scripts/cli-snapshot.mjs) patches it so that fontkit.create returns the font already parsed
 * from the same bytes, as the warm-up left it in the snapshot. A glyph keeps the characters of its
 * first use (the PDF's text layer maps it back to them), so each document starts with no glyphs,
 * as with a fresh font, and its text stays the same. The build fails when pdfkit's text no longer
 * matches.
 */
export const PDFKIT_PATCH = [
  "var fontkit = require('fontkit');",
  `var fontkit = (() => {
  const real = require('fontkit');
  const made = [];
  const create = (bytes, family) => {
    for (const m of made) {
      if (m.family !== family || m.bytes.length !== bytes.length || Buffer.compare(m.bytes, bytes) !== 0) continue;
      m.font._glyphs = {};
      return m.font;
    }
    const font = real.create(bytes, family);
    if (font && typeof font._glyphs === 'object') made.push({ bytes, family, font });
    return font;
  };
  return { ...real, create };
})();`,
];

export function pdfkitFontCachePlugin() {
  return {
    name: 'blocdesk-pdfkit-font-cache',
    setup(b) {
      b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.js$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        const [from, to] = PDFKIT_PATCH;
        if (text.split(from).length !== 2) throw new Error(`pdfkit changed: "${from}" is not in ${args.path} once`);
        return { contents: text.replace(from, () => to), loader: 'js' };
      });
    },
  };
}

