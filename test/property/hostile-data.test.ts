/**
 * Property: whatever text the dataset holds, a build either succeeds with sound outputs that
 * show the text literally, or fails with a BriefkitError; never another error, a hang, or a
 * partial file.
 *
 * Two tiers keep CI time sane: many runs through the pure stages (read, validate, compose,
 * parse, lay out: `compile`, about 0.15 s warm) and a few full builds through every painter,
 * the atomic writer and the validators (about 2 s each).
 *
 *   PROPERTY_RUNS       compile runs        (CI: 1000, locally: 40)
 *   PROPERTY_FULL_RUNS  full builds         (CI: 30, locally: 4)
 *   PROPERTY_SEED       fast-check seed     (fixed, so a failure replays)
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { build, type Compiled, compile } from '../../src/build.ts';
import { BriefkitError } from '../../src/errors/briefkit-error.ts';
import { stripIllegalCharacters } from '../../src/template/literal.ts';
import { tempDir } from '../helpers/sample.ts';
import { hasTool, run } from '../helpers/tools.ts';
import {
  applyMutation,
  describeMutation,
  type Mutation,
  mutation,
  type Path,
  sampleData,
  textPaths,
} from './hostile.ts';
import { checkPdf, checkPptx, squash } from './validators.ts';

const ci = process.env.CI === 'true';
const runs = Number(process.env.PROPERTY_RUNS ?? (ci ? 1000 : 40));
const fullRuns = Number(process.env.PROPERTY_FULL_RUNS ?? (ci ? 30 : 4));
const seed = Number(process.env.PROPERTY_SEED ?? 20251125);
/** Full builds checked with qpdf as well, when it is installed. */
const qpdfRuns = 8;

const work = tempDir('briefkit-property-');
const key = (path: Path) => path.join('.');

function writeDataset(data: unknown, format: Mutation['format'], name = 'data'): string {
  const json = JSON.stringify(data, null, 2);
  if (format === 'yaml') {
    // The yaml package writes some strings it cannot read back the same; those go as JSON.
    const yaml = stringify(data);
    if (JSON.stringify(parse(yaml), null, 2) === json) {
      writeFileSync(join(work, `${name}.yaml`), yaml);
      return join(work, `${name}.yaml`);
    }
  }
  writeFileSync(join(work, `${name}.json`), json);
  return join(work, `${name}.json`);
}

/** Text a layout shows: runs, notes, chart labels and alt text, in order, whitespace-free. */
function layoutText(layout: unknown): string {
  const out: string[] = [];
  const walk = (value: unknown, key?: string) => {
    if (typeof value === 'string') {
      if (key === 'text' || key === 'notes' || key === 'alt') out.push(value);
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v, key === 'labels' ? 'text' : undefined);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (k !== 'lines' && k !== 'svg') walk(v, k);
    }
  };
  walk(layout);
  return squash(out.join(''));
}

/** Error codes seen, for the summary line: which stage stopped the hostile data. */
const codes = new Map<string, number>();

/** A typed failure: a BriefkitError whose every diagnostic has a code and a message. */
function expectTyped(error: unknown, m: Mutation): void {
  if (!(error instanceof BriefkitError)) {
    throw new Error(`crash (${(error as Error)?.name}) for ${describeMutation(m)}`, {
      cause: error,
    });
  }
  expect(error.exitCode).toBe(1);
  codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
  for (const d of error.diagnostics) {
    expect(d.code).toMatch(/^[a-z-]+$/);
    expect(d.message.length).toBeGreaterThan(0);
  }
}

/**
 * Which text fields the templates show, found once by building with a unique marker in every
 * field that is free text (keys, source references, the locale and date must stay valid).
 */
let shown = new Set<string>();
/** Of those, the fields the deck shows: the PPTX must show them literally. */
let shownInDeck = new Set<string>();
const constrained = new Set(['key', 'source', 'locale', 'date']);

beforeAll(async () => {
  const marked = structuredClone(sampleData);
  const markers = new Map<string, string>();
  textPaths.forEach((path, i) => {
    if (constrained.has(String(path.at(-1)))) return;
    const marker = `zq${i}x`;
    markers.set(marker, key(path));
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], marked);
    (parent as Record<string | number, unknown>)[path.at(-1) as string | number] = marker;
  });
  const compiled = await compile({ data: writeDataset(marked, 'json', 'markers') });
  const found = (text: string) =>
    new Set([...markers].filter(([marker]) => text.includes(marker)).map(([, p]) => p));
  shown = found(layoutText([compiled.deck, compiled.summary]));
  shownInDeck = found(layoutText(compiled.deck));
  expect(shown.size).toBeGreaterThan(20);
  expect(shownInDeck.size).toBeGreaterThan(10);
}, 120_000);

/** A field's text must show literally: illegal characters stripped, whitespace ignored. */
function expectShown(shownText: string, value: string, path: Path, m: Mutation): void {
  const want = squash(stripIllegalCharacters(value));
  if (!shownText.includes(want)) {
    throw new Error(`${key(path)} is not shown literally, for ${describeMutation(m)}`);
  }
}

describe('hostile text in every field of the sample dataset', () => {
  it(
    `compiles or fails with a BriefkitError (${runs} runs, seed ${seed})`,
    async () => {
      let built = 0;
      let slowest = 0;
      await fc.assert(
        fc.asyncProperty(mutation(), async (m) => {
          const started = performance.now();
          const { data: dataset, texts } = applyMutation(m);
          const data = writeDataset(dataset, m.format);
          let compiled: Compiled | undefined;
          try {
            compiled = await compile({ data });
          } catch (error) {
            expectTyped(error, m);
          }
          slowest = Math.max(slowest, performance.now() - started);
          if (!compiled) return;
          built++;
          const text = layoutText([compiled.deck, compiled.summary]);
          for (const [path, value] of texts) {
            if (shown.has(key(path))) expectShown(text, value, path, m);
          }
        }),
        { numRuns: runs, seed, endOnFailure: true },
      );
      const failed = [...codes].map(([code, n]) => `${code} ${n}`).join(', ');
      console.info(
        `property: ${runs} compile runs, ${built} built, slowest ${Math.round(slowest)} ms; failed: ${failed}`,
      );
      // The hostile data must not all fail early: most runs should reach layout.
      expect(built).toBeGreaterThan(runs * 0.3);
    },
    60_000 + runs * 3_000,
  );

  it(
    `builds sound files or none at all (${fullRuns} full builds)`,
    async () => {
      const qpdf = fullRuns > 0 && hasTool('qpdf');
      let n = 0;
      let built = 0;
      await fc.assert(
        fc.asyncProperty(mutation({ long: false }), async (m) => {
          const out = join(work, `out-${n++}`);
          rmSync(out, { recursive: true, force: true });
          let files: string[] | undefined;
          const { data, texts } = applyMutation(m);
          try {
            files = (await build({ data: writeDataset(data, m.format), out })).files;
          } catch (error) {
            expectTyped(error, m);
          }
          const left = (() => {
            try {
              return readdirSync(out).sort();
            } catch {
              return [];
            }
          })();
          if (!files) {
            expect(left, `partial output for ${describeMutation(m)}`).toEqual([]);
            return;
          }
          built++;
          expect(left).toEqual(['briefing.pptx', 'handout.pdf', 'slides.pdf', 'summary.pdf']);
          const read = (name: string) => new Uint8Array(readFileSync(join(out, name)));
          const pptx = await checkPptx(read('briefing.pptx'));
          const problems = [...pptx.problems];
          for (const name of ['summary.pdf', 'slides.pdf', 'handout.pdf']) {
            problems.push(...(await checkPdf(name, read(name))));
            if (qpdf && built <= qpdfRuns) {
              try {
                run('qpdf', ['--check', join(out, name)]);
              } catch (error) {
                problems.push(`${name}: qpdf --check: ${(error as { stdout?: string }).stdout}`);
              }
            }
          }
          expect(problems, describeMutation(m)).toEqual([]);
          const pptxText = squash(pptx.text);
          for (const [path, value] of texts) {
            if (shownInDeck.has(key(path))) expectShown(pptxText, value, path, m);
          }
          rmSync(out, { recursive: true, force: true });
        }),
        { numRuns: fullRuns, seed, endOnFailure: true },
      );
      console.info(`property: ${fullRuns} full builds, ${built} built`);
    },
    60_000 + fullRuns * 20_000,
  );
});
