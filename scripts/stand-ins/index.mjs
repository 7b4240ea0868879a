// Modules the bundle replaces with the files here, and why:
// - vega-canvas: Vega asks for node-canvas when present; charts render to SVG, so it never
//   needs it.
// - brotli's decoder: fontkit needs it only for WOFF2, which briefkit never opens.
// - @noble/ciphers' AES: pdfkit needs it only to encrypt, which briefkit never does.
// - unicode-trie: fontkit decodes its shaping tables when it loads, and briefkit does not
//   shape; the stand-in decodes each table on first use, with Node's zlib.
const here = (file) => new URL(file, import.meta.url).pathname;

export const standIns = {
  'vega-canvas': here('./no-canvas.mjs'),
  'brotli/decompress.js': here('./no-brotli.mjs'),
  '@noble/ciphers/aes': here('./no-aes.mjs'),
  'unicode-trie': here('./lazy-unicode-trie.mjs'),
};
