/**
 * Files a template or a dataset names are read only when they are regular files inside its
 * own folder, after symlinks: a template from elsewhere cannot copy other files into the
 * outputs, and neither can hang the build on a FIFO or crash it on a folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/build.ts';
import { readSource } from '../../src/data/read-source.ts';
import { BriefkitError } from '../../src/errors/briefkit-error.ts';
import { inspect } from '../../src/index.ts';
import { sampleTemplateCopy, tempDir } from '../helpers/sample.ts';

async function failure(run: () => Promise<unknown>): Promise<BriefkitError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(BriefkitError);
    return error as BriefkitError;
  }
  throw new Error('expected the build to fail');
}

/** A file outside every folder the build may read, holding text that must not leak. */
function outsideFile(name: string, text: string): string {
  const file = join(tempDir('briefkit-outside-'), name);
  writeFileSync(file, text);
  return file;
}

describe('a template reads only regular files inside its folder', () => {
  it.each([
    ['deck.md.hbs', '# Leaked\n\nSECRET\n'],
    ['strings.yaml', 'en:\n  prepared_for: SECRET\n'],
    ['theme.yaml', 'name: SECRET\n'],
    ['charts/mass-transport.vl.json', '{"mark": "bar", "title": "SECRET"}'],
  ])('a symlink from %s to a file outside is refused', async (name, text) => {
    const template = sampleTemplateCopy();
    const link = join(template, name);
    renameSync(link, `${link}.old`);
    symlinkSync(outsideFile(name.replace('/', '-'), text), link);
    const error = await failure(() => compile({ template }));
    expect(error.code).toBe('template-file');
    expect(error.message).toContain('resolves outside the template folder');
  });

  it('a charts folder linked to a folder outside is refused', async () => {
    const template = sampleTemplateCopy();
    const elsewhere = tempDir('briefkit-outside-charts-');
    renameSync(join(template, 'charts'), join(elsewhere, 'charts'));
    symlinkSync(join(elsewhere, 'charts'), join(template, 'charts'));
    expect((await failure(() => compile({ template }))).code).toBe('template-file');
  });

  it('a FIFO in place of the deck fails at once instead of waiting on it', async () => {
    const template = sampleTemplateCopy();
    const deck = join(template, 'deck.md.hbs');
    renameSync(deck, `${deck}.old`);
    execFileSync('mkfifo', [deck]);
    const error = await failure(() => compile({ template }));
    expect(error.message).toContain('not a regular file');
  });
});

describe('a !csv table is a regular file', () => {
  function datasetWithTable(make: (file: string) => void): string {
    const dir = tempDir('briefkit-csv-kind-');
    make(join(dir, 'rows.csv'));
    const data = join(dir, 'data.yaml');
    writeFileSync(data, 'report:\n  title: x\nrows: !csv rows.csv\n');
    return data;
  }

  it.each([
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file])],
    ['a folder', (file: string) => mkdirSync(file)],
  ])('%s named rows.csv fails clearly at the tag', async (_, make) => {
    const data = datasetWithTable(make);
    const error = await failure(() => compile({ data }));
    expect(error.code).toBe('data-file');
    expect(error.message).toContain('not a regular file');
    expect(error.diagnostics[0]?.place).toMatchObject({ line: 3 });
  });
});

describe('a file named on the command line is a regular file', () => {
  it.each([
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file])],
    ['a folder', (file: string) => mkdirSync(file)],
  ])('%s as --data, or to inspect, fails at once, naming it', async (_, make) => {
    const file = join(tempDir('briefkit-cli-kind-'), 'data.yaml');
    make(file);
    for (const run of [() => compile({ data: file }), () => inspect(file)]) {
      const error = await failure(run);
      expect(error.message).toContain('is not a regular file');
      expect(error.diagnostics[0]?.place).toEqual({ file });
    }
  });
});

describe('YAML tags from outside the JSON-like core', () => {
  it.each([
    ['!!binary aGVsbG8=', 'aGVsbG8='],
    ['!!timestamp 2001-12-14', '2001-12-14'],
    ['!!set {a: null}', { a: null }],
  ])('%s reads as plain data', (tagged, plain) => {
    expect(readSource('tags.yaml', `x: ${tagged}\n`).value).toEqual({ x: plain });
  });
});
