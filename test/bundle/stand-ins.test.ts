/**
 * The bundle replaces a few modules (scripts/stand-ins/). Bundled with them, fontkit's
 * shaping and linebreak's break opportunities must come out exactly as without them, and the
 * bundled CLI must write the same bytes as the pipeline run from source.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { standIns } from '../../scripts/stand-ins/index.mjs';
import type { OutputKind } from '../../src/build.ts';
import { tempDir } from '../helpers/sample.ts';

const probe = `
import { readFileSync } from 'node:fs';
import { create } from 'fontkit';
import LineBreaker from 'linebreak';
const font = create(readFileSync(${JSON.stringify(
  join(
    process.cwd(),
    'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  ),
)}));
const text = 'office fi — 中文，排版 e\\u0301 ٱلعربية';
const run = font.layout(text);
const breaks = [];
const breaker = new LineBreaker(text);
for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) breaks.push(b.position);
console.log(JSON.stringify({ glyphs: run.glyphs.map((g) => g.id), width: run.advanceWidth, breaks }));
`;

function runProbe(withStandIns: boolean): unknown {
  const dir = tempDir();
  const entry = join(dir, 'probe.mjs');
  writeFileSync(entry, probe);
  const outfile = join(process.cwd(), 'node_modules', '.cache', `probe-${withStandIns}.mjs`);
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    nodePaths: [join(process.cwd(), 'node_modules')],
    ...(withStandIns ? { alias: standIns } : {}),
    banner: {
      js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
    },
    logLevel: 'error',
  }).then(() => {
    const result = spawnSync(process.execPath, [outfile], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout);
  });
}

describe('the bundle stand-ins', () => {
  it('shape text and find line breaks exactly as the real modules do', async () => {
    const real = await runProbe(false);
    expect(await runProbe(true)).toEqual(real);
  });

  it('keep the replaced packages out of the CLI bundle', () => {
    const map = JSON.parse(readFileSync('dist/briefkit.cjs.map', 'utf8')) as { sources: string[] };
    const bundled = (name: string) => map.sources.some((s) => s.includes(`node_modules/${name}/`));
    expect(bundled('fontkit')).toBe(true);
    for (const name of ['brotli', 'vega-canvas', 'unicode-trie', '@noble/ciphers'])
      expect(bundled(name), name).toBe(false);
    // pptxgenjs's JSZip only: inspect reads decks with the real one.
    expect(map.sources.some((s) => s.endsWith('stand-ins/collecting-zip.mjs'))).toBe(true);
    expect(bundled('jszip')).toBe(true);
  });

  it('keep pdf.js out of the build script: the CLI loads dist/pdfjs.cjs to inspect a PDF', () => {
    const map = JSON.parse(readFileSync('dist/briefkit.cjs.map', 'utf8')) as { sources: string[] };
    expect(map.sources.some((s) => s.includes('node_modules/pdfjs-dist/'))).toBe(false);
    const out = tempDir();
    const built = spawnSync(process.execPath, ['dist/cli.js', 'build', '--out', out]);
    expect(built.status, String(built.stderr)).toBe(0);
    const inspected = spawnSync(
      process.execPath,
      ['dist/cli.js', 'inspect', join(out, 'summary.pdf')],
      {
        encoding: 'utf8',
      },
    );
    expect(inspected.status, inspected.stderr).toBe(0);
    expect(inspected.stdout).toMatch(/^PDF {2}2 pages/);
    expect(inspected.stdout).toContain('China Space Station science in 2025');
  });

  it('let pptxgenjs zip the same files to the same bytes at any time', async () => {
    const { default: CollectingZip } = await import('../../scripts/stand-ins/collecting-zip.mjs');
    const zipAt = (time: string) => {
      vi.useFakeTimers({ now: new Date(time) });
      try {
        return new CollectingZip().file('a.xml', '<a/>').generateAsync({ type: 'nodebuffer' });
      } finally {
        vi.useRealTimers();
      }
    };
    expect(await zipAt('2025-01-01T08:00:00Z')).toEqual(await zipAt('2026-06-30T17:45:10Z'));
  });

  /** The outputs built from a fresh module graph, with `specifier` mocked if given. */
  async function buildWith(
    outputs: OutputKind[],
    mock?: { specifier: string; factory: () => Promise<unknown> },
  ): Promise<Buffer[]> {
    vi.resetModules();
    if (mock) vi.doMock(mock.specifier, mock.factory);
    try {
      const { build: buildOutputs } = await import('../../src/build.ts');
      const { files } = await buildOutputs({ out: tempDir(), outputs });
      return files.map((file) => readFileSync(file));
    } finally {
      if (mock) vi.doUnmock(mock.specifier);
    }
  }

  it('let pptxgenjs write the same deck through the collecting zip', async () => {
    const real = await buildWith(['pptx']);
    let zips = 0;
    const factory = async () => {
      const { default: CollectingZip } = await import('../../scripts/stand-ins/collecting-zip.mjs');
      return {
        default: class extends CollectingZip {
          constructor(...args: ConstructorParameters<typeof CollectingZip>) {
            super(...args);
            zips++;
          }
        },
      };
    };
    expect(await buildWith(['pptx'], { specifier: 'jszip', factory })).toEqual(real);
    expect(zips).toBeGreaterThan(2); // the deck and each chart's workbook
  });

  it('let pdfkit deflate as zlib does, keeping results by content', async () => {
    const { default: remembering } = await import('../../scripts/stand-ins/memo-zlib.mjs');
    const stream = Buffer.from('BT /F1 12 Tf (Tiangong) Tj ET\n'.repeat(200));
    const first = remembering.deflateSync(stream);
    expect(first.equals(deflateSync(stream))).toBe(true);
    expect(remembering.deflateSync(Buffer.from(stream))).toBe(first); // kept, not deflated again
    const small = Buffer.from('q Q');
    expect(remembering.deflateSync(small).equals(deflateSync(small))).toBe(true);
  });

  it('leave the bundled CLI writing the same bytes as the pipeline run from source', async () => {
    const fromSource = await buildWith(['pptx', 'summary', 'slides', 'handout']);
    const out = tempDir();
    const run = spawnSync(process.execPath, ['dist/cli.js', 'build', '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, BRIEFKIT_NO_CACHE: '1' },
    });
    expect(run.status, run.stderr).toBe(0);
    const names = ['briefing.pptx', 'summary.pdf', 'slides.pdf', 'handout.pdf'];
    expect(names.map((name) => readFileSync(join(out, name)))).toEqual(fromSource);
  });
});

describe('the library bundle', () => {
  it('leaves built-ins alone when imported (pdf.js, which patches them, loads on inspect)', () => {
    const probe = `
      const push = Array.prototype.push;
      await import(${JSON.stringify(join(process.cwd(), 'dist/index.js'))});
      console.log(Array.prototype.push === push ? 'untouched' : 'replaced');`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('untouched');
  });
});
