// Modules the bundle replaces with the files here, and why:
// - vega-canvas: Vega asks for node-canvas when present; charts render to SVG and to
//   briefkit's recording context, so it never needs it.
// - brotli's decoder: fontkit needs it only for WOFF2, which briefkit never opens.
// - @noble/ciphers' AES: pdfkit needs it only to encrypt, which briefkit never does.
// - unicode-trie: fontkit decodes its shaping tables when it loads, and briefkit does not
//   shape; the stand-in decodes each table on first use, with Node's zlib.
// - JSZip, for pptxgenjs only: see collecting-zip.mjs.
// - zlib, for pdfkit only: see memo-zlib.mjs.
// patches.mjs changes a few lines inside dependencies the same way.
const here = (file) => new URL(file, import.meta.url).pathname;

export const standIns = {
  'vega-canvas': here('./no-canvas.mjs'),
  'brotli/decompress.js': here('./no-brotli.mjs'),
  '@noble/ciphers/aes': here('./no-aes.mjs'),
  'unicode-trie': here('./lazy-unicode-trie.mjs'),
};

/** Stand-ins for one importer's imports only: importer pattern → specifier → file. */
export const scopedStandIns = [
  {
    importer: /[\\/]node_modules[\\/]pptxgenjs[\\/]/,
    specifier: 'jszip',
    path: here('./collecting-zip.mjs'),
  },
  {
    importer: /[\\/]node_modules[\\/]pdfkit[\\/]/,
    specifier: 'zlib',
    path: here('./memo-zlib.mjs'),
  },
];

/** The esbuild plugin that puts the scoped stand-ins in place. */
export const scopedStandInsPlugin = {
  name: 'scoped-stand-ins',
  setup(build) {
    for (const { importer, specifier, path } of scopedStandIns) {
      const filter = new RegExp(`^${specifier}$`);
      build.onResolve({ filter }, (args) => (importer.test(args.importer) ? { path } : undefined));
    }
  },
};
