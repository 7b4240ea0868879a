/**
 * `inspect` on a hostile PPTX fails quickly with one syntax error naming the part: no
 * internal error, no gigabytes inflated, no entity expanded.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { BriefkitError } from '../../src/errors/briefkit-error.ts';
import { inspect } from '../../src/inspect/index.ts';
import { skipValue } from '../../src/inspect/pdf-syntax.ts';

const PRESENTATION = 'ppt/presentation.xml';

async function pptxWith(presentation: string | Uint8Array): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(PRESENTATION, presentation, { compression: 'DEFLATE' });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function failure(bytes: Uint8Array): Promise<BriefkitError> {
  try {
    await inspect(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(BriefkitError);
    return error as BriefkitError;
  }
  throw new Error('expected inspect to fail');
}

const laughs = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa">',
  '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
  '<p:presentation>&x;&c;</p:presentation>',
].join('');

describe('inspect on a hostile PPTX', () => {
  it.each([
    ['a DOCTYPE with external and nested entities', laughs],
    [
      'XML nested 200,000 deep',
      `<p:presentation>${'<x>'.repeat(2e5)}${'</x>'.repeat(2e5)}</p:presentation>`,
    ],
  ])('%s is a syntax error naming the part', async (_, xml) => {
    const error = await failure(await pptxWith(xml));
    expect(error.code).toBe('syntax');
    expect(error.message).toContain(`part "${PRESENTATION}" cannot be read`);
  });

  it('a relationship target that is no valid address is a syntax error, not a crash', async () => {
    const zip = new JSZip();
    zip.file(
      PRESENTATION,
      '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><p:sldIdLst><p:sldId id="256" r:id="rId1"/></p:sldIdLst></p:presentation>',
    );
    zip.file(
      'ppt/_rels/presentation.xml.rels',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="slides/slide%E0%A4%A.xml"/></Relationships>',
    );
    const error = await failure(await zip.generateAsync({ type: 'uint8array' }));
    expect(error.code).toBe('syntax');
    expect(error.message).toContain('no valid address');
  });

  it('a part that inflates past 64 MB is refused without inflating it all', async () => {
    const bomb = await pptxWith(new Uint8Array(80 * 2 ** 20).fill(0x20));
    const error = await failure(bomb);
    expect(error.message).toContain('inflates to more than the 64 MB');
  }, 30_000);
});

describe('inspect on a hostile PDF', () => {
  it('a page tree that loops is a syntax error in pdf.js’s words, not an internal error', async () => {
    const pdf = [
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
      '2 0 obj\n<< /Type /Pages /Kids [2 0 R] /Count 1 >>\nendobj\n',
      'trailer\n<< /Root 1 0 R >>\n%%EOF\n',
    ].join('');
    const error = await failure(new TextEncoder().encode(pdf));
    expect(error.code).toBe('syntax');
    expect(error.message).toMatch(/^Invalid PDF: .+/);
  });

  it('reads past arrays nested 500,000 deep (the skipper overflowed the stack: exit 70)', async () => {
    const pdf = [
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
      '2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n',
      `3 0 obj\n${'['.repeat(5e5)}${']'.repeat(5e5)}\nendobj\n`,
      'trailer\n<< /Root 1 0 R >>\n%%EOF\n',
    ].join('');
    await expect(inspect(new TextEncoder().encode(pdf))).resolves.toMatch(/^PDF {2}0 pages/);
  });

  it.each([
    ['<< /A [1 (x\\)) <<>>] /B <ab> >> rest', ' rest'],
    ['[[1] [2 [3]]] rest', ' rest'],
    ['12 0 R', ' 0 R'],
    ['[unclosed', ''],
  ])('skipValue(%j) stops before %j', (text, rest) => {
    expect(text.slice(skipValue(text, 0))).toBe(rest);
  });
});
