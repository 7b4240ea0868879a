// Small changes the bundle makes inside a dependency's own code, each exact: if the text to
// replace is not there (the package changed), bundling fails rather than shipping without.
import { readFile } from 'node:fs/promises';

export const patches = [
  {
    // pdfkit turns every operator and object it writes into bytes one character at a time;
    // Node's latin1 encoder does the same in native code (keeping the low byte, as & 0xff).
    file: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/,
    find: `const fromBinaryString = str => {
  const out = new Uint8Array(str.length);
  for (let i = 0; i < str.length; i++) {
    out[i] = str.charCodeAt(i) & 0xff;
  }
  return out;
};`,
    replace: `const fromBinaryString = str => Buffer.from(str, 'latin1');`,
  },
  {
    // pptxgenjs imports node:fs and node:https on every write, to read pictures by path or
    // URL. briefkit hands it every picture as data; the import is left to that on-demand
    // path (the "if (!https)" below it), which briefkit never takes.
    file: /[\\/]node_modules[\\/]pptxgenjs[\\/]dist[\\/]pptxgen\.es\.js$/,
    find: `    // Immediately start it when we know we’re in Node
    if (isNode)
        loadNodeDeps();
`,
    replace: '',
  },
  {
    // fontkit's subsetter decodes each glyph's outline again for every subset, only to find
    // the parts of composite glyphs; a watch session or batch embeds many subsets of the same
    // glyphs. The outline of a glyph never changes: each is decoded once.
    file: /[\\/]node_modules[\\/]fontkit[\\/]dist[\\/]module\.mjs$/,
    find: `        let glyph = this.font.getGlyph(gid);
        let glyf = glyph._decode();`,
    replace: `        let glyph = this.font.getGlyph(gid);
        let glyf = glyph.briefkitDecoded === undefined ? (glyph.briefkitDecoded = glyph._decode()) : glyph.briefkitDecoded;`,
  },
];

/** The esbuild plugin that applies the patches. */
export const patchesPlugin = {
  name: 'patches',
  setup(build) {
    for (const { file, find, replace } of patches) {
      build.onLoad({ filter: file }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes(find))
          throw new Error(`${args.path} changed: patch no longer applies.`);
        return { contents: source.replace(find, replace), loader: 'js' };
      });
    }
  },
};
