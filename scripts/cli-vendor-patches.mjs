// esbuild plugins that patch libraries under pdfmake in the CLI's vendored bundle (scripts/cli-bundle.mjs).

/**
 * tiny-inflate, a DEFLATE decoder in plain JavaScript, unpacks the Unicode tables of
 * unicode-trie (line breaking, character properties) every time pdfmake loads, in the
 * interpreter: loading the vendored pdfmake took 32-42 ms here with it, 24-28 ms with Node's zlib,
 * which decodes the same raw DEFLATE streams natively (fontkit's WOFF tables go the same way); this
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
