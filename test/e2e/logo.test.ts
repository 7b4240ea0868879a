import { appendFileSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BriefkitError, build, inspect } from '../../src/index.ts';
import { sampleTemplateCopy, tempDir } from '../helpers/sample.ts';

const LOGO = 'docs/examples/synthetic-tour/template/images/logo.png';

/** The sample template with the (synthetic) garden logo as its theme's logo. */
function templateWithLogo(logo = 'images/logo.png'): string {
  const template = sampleTemplateCopy();
  mkdirSync(join(template, 'images'), { recursive: true });
  copyFileSync(LOGO, join(template, 'images', 'logo.png'));
  appendFileSync(join(template, 'theme.yaml'), `logo: ${logo}\n`);
  return template;
}

type StructNode = { role: string; children?: StructNode[] };
const roles = (node: StructNode): string[] => [node.role, ...(node.children ?? []).flatMap(roles)];

/** Per page: how many pictures it paints, and the roles in its structure tree. */
async function pages(file: string): Promise<{ pictures: number; roles: string[] }[]> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)) }).promise;
  const result = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const { fnArray } = await page.getOperatorList();
    const pictures = fnArray.filter((op) => op === OPS.paintImageXObject).length;
    result.push({ pictures, roles: roles((await page.getStructTree()) as StructNode) });
  }
  await pdf.destroy();
  return result;
}

describe("a theme's logo", () => {
  let out: string;
  let plain: string;
  beforeAll(async () => {
    const dir = tempDir();
    out = join(dir, 'logo');
    plain = join(dir, 'plain');
    await build({ template: templateWithLogo(), out });
    await build({ template: sampleTemplateCopy(), out: plain });
  });

  it('sits at the right end of every slide footer, decorative, stored once in the deck', async () => {
    const view = await inspect(join(out, 'briefing.pptx'));
    const slides = view.split(/\nslide \d+\n/).slice(1);
    expect(slides).toHaveLength(11);
    for (const slide of slides) {
      const [, x = '0'] =
        /\n {2}image "decoration" @([\d.]+),[\d.]+ 28×28 ppt\/media\/(\S+) decorative/.exec(
          `\n${slide}`,
        ) ?? [];
      expect(Number(x), slide).toBeGreaterThan(800);
      // The slide number moved left of it (the title slide has none).
      const number = /text "slide number" @([\d.]+),[\d.]+ ([\d.]+)×/.exec(slide);
      if (number) expect(Number(number[1]) + Number(number[2])).toBeLessThan(Number(x));
    }
    // pptxgenjs stored the picture once per slide: one copy is kept, and every slide uses it.
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'briefing.pptx')));
    const logo = readFileSync(LOGO);
    const media = Object.keys(zip.files).filter((name) => name.startsWith('ppt/media/'));
    const copies = [];
    for (const name of media)
      if (Buffer.from((await zip.file(name)?.async('uint8array')) ?? []).equals(logo))
        copies.push(name);
    expect(copies).toEqual(['ppt/media/image-1-1.png']);
    // No picture lost a relationship target: every media target exists.
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml.rels'))) {
      const rels = (await zip.file(name)?.async('string')) ?? '';
      for (const [, target] of rels.matchAll(/Target="\.\.\/(media\/[^"]+)"/g))
        expect(media, name).toContain(`ppt/${target}`);
    }
  });

  it('is painted on every page of the PDFs as an artifact, not a figure screen readers meet', async () => {
    // The handout draws three slides a page, each with its logo: 11 slides on 4 pages.
    const extra = { 'slides.pdf': [1], 'summary.pdf': [1], 'handout.pdf': [3, 3, 3, 2] };
    for (const [file, counts] of Object.entries(extra)) {
      const withLogo = await pages(join(out, file));
      const without = await pages(join(plain, file));
      expect(withLogo.map((p) => p.roles)).toEqual(without.map((p) => p.roles));
      withLogo.forEach((page, i) => {
        const added = page.pictures - (without[i]?.pictures ?? 0);
        expect(added, `${file} page ${i + 1}`).toBe(counts[i] ?? counts[0]);
      });
    }
  });

  it('must be a PNG or JPEG inside the template folder, named at the theme', async () => {
    const out = tempDir();
    const failure = (logo: string) =>
      build({ template: templateWithLogo(logo), out }).then(
        () => expect.unreachable('the build should fail'),
        (error: unknown) => error as BriefkitError,
      );
    const outside = await failure('../logo.png');
    expect(outside.code).toBe('image-path');
    expect(outside.diagnostics[0]?.place?.file).toMatch(/theme\.yaml$/);
    const text = await failure('theme.yaml');
    expect(text.message).toContain('not a PNG or JPEG');
  });
});
