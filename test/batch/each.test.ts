import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StopSignal } from '../../src/cli/context.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { testContext } from '../cli/helpers/context.ts';
import { pptxParts, slideNames, textRuns } from '../helpers/pptx-parts.ts';
import { tempDir } from '../helpers/sample.ts';

interface Manifest {
  records: { row: number; folder: string; files: { path: string; sha256: string }[] }[];
  failed: { row: number; label: string; errors: { code: string }[] }[];
}

const readManifest = (out: string): Manifest =>
  JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));

/** Runs `build --each` over a CSV of `text`, naming folders by `prepared_for`. */
async function eachByName(text: string) {
  const dir = tempDir('briefkit-each-');
  const csv = join(dir, 'recipients.csv');
  writeFileSync(csv, text);
  const out = join(dir, 'out');
  const context = testContext();
  const code = await runCli(
    ['build', '--each', csv, '--name', '{{prepared_for}}', '--out', out],
    context,
  );
  return { code, csv, out, context };
}

describe('build --each', () => {
  it('builds every good CSV row, reports the bad one by row and lists the rest', async () => {
    const dir = tempDir('briefkit-each-');
    const csv = join(dir, 'recipients.csv');
    writeFileSync(
      csv,
      [
        'prepared_for,summary',
        'Hill School,A short summary for Hill School.',
        '../../Escape,A summary whose recipient name tries to leave the output folder.',
        'Bad Row,""',
        '"Quote, Comma",A summary for a recipient whose name holds a comma.',
        // A blank cell keeps the dataset's value.
        'Last One,',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'out');
    const context = testContext();

    const argv = [
      'build',
      '--each',
      csv,
      '--name',
      '{{prepared_for}}',
      '--out',
      out,
      '--jobs',
      '2',
    ];
    expect(await runCli(argv, context)).toBe(1);

    // The bad row is named by its row (the header is row 1) and its field.
    expect(context.err()).toContain(`${csv} row 4 (summary)`);
    expect(context.err()).toContain('[schema]');
    expect(context.out()).toContain('Built 4 of 5 records');
    expect(context.out()).toContain(`1 failed: ${csv} row 4.`);

    const folders = readdirSync(out).sort();
    expect(folders).toEqual([
      'Hill School',
      'Last One',
      'Quote, Comma',
      '_._Escape',
      'manifest.json',
    ]);
    expect(existsSync(join(dir, 'Escape'))).toBe(false);

    const manifest = readManifest(out);
    expect(manifest.records.map((r) => r.row)).toEqual([2, 3, 5, 6]);
    expect(manifest.failed).toMatchObject([{ row: 4, errors: [{ code: 'schema' }] }]);
    for (const record of manifest.records) {
      const names = record.files.map((f) => f.path.slice(record.folder.length + 1));
      expect(names).toEqual(expect.arrayContaining(['briefing.pptx', 'summary.pdf']));
      for (const file of record.files) {
        const bytes = readFileSync(join(out, file.path));
        expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      }
    }

    // Each record's fields are merged over the dataset: the deck is prepared for its row.
    const parts = await pptxParts(readFileSync(join(out, 'Hill School', 'briefing.pptx')));
    const [title] = slideNames(parts);
    expect(textRuns(parts.get(title ?? '') ?? '').join(' ')).toContain('Prepared for Hill School');
  });

  it('stops before building when two records get the same folder, naming both rows', async () => {
    const { code, csv, out, context } = await eachByName(
      'prepared_for\nHill School\nOther\nhill school\nOther\n',
    );

    expect(code).toBe(1);

    // Each row's own spelling of the folder, not the lowercased key they collide on.
    expect(context.err()).toContain(
      `${csv} row 2 gets the folder "Hill School" and ${csv} row 4 "hill school", the same folder on case-insensitive file systems (macOS, Windows).`,
    );
    expect(context.err()).toContain(`${csv} row 3 and ${csv} row 5 both get the folder "Other"`);
    expect(context.err()).toContain('[name-collision]');
    expect(existsSync(out)).toBe(false);
  });

  it('says to write fields in double braces when --name names none, as `{school}` does not', async () => {
    const dir = tempDir('briefkit-each-');
    const csv = join(dir, 'recipients.csv');
    writeFileSync(csv, 'school\nHill\nDale\n');
    const context = testContext();
    const args = ['build', '--each', csv, '--name', '{school}', '--out', join(dir, 'out')];

    expect(await runCli(args, context)).toBe(1);

    expect(context.err()).toContain(`${csv} row 2 and ${csv} row 3 both get the folder "{school}"`);
    expect(context.err()).toContain('write fields in double braces, e.g. {{school}}-{{class}}');
  });

  it.each([
    ['a CSV', 'recipients.csv', 'school,class\nHill,9B\nDale,\n', 'school, class'],
    ['a JSON array', 'recipients.json', '[{"school":"Hill"},{"class":"9B"}]', 'school, class'],
  ])(
    'stops once, before building, when --name uses a field no record of %s has',
    async (_what, name, text, fields) => {
      const dir = tempDir('briefkit-each-');
      const file = join(dir, name);
      writeFileSync(file, text);
      const out = join(dir, 'out');
      const context = testContext();
      const args = ['build', '--each', file, '--name', '{{school}}-{{nofield}}', '--out', out];

      expect(await runCli(args, context)).toBe(1);

      const said = `${file}  --name uses {{nofield}}, but no record has a text, number or true/false field "nofield".`;
      expect(context.err().split(said)).toHaveLength(2);
      expect(context.err()).toContain(`hint: Fields of the records: ${fields}.`);
      expect(context.err()).toContain('[name-field]');
      expect(existsSync(out)).toBe(false);
    },
  );

  it('fails only the records that lack a --name field some records have', async () => {
    const { code, out, context } = await eachByName('prepared_for,class\nHill School,9B\n,9C\n');

    expect(code).toBe(1);
    expect(context.err()).toContain(
      'this record has no text, number or true/false field "prepared_for"',
    );
    expect(readManifest(out).records).toMatchObject([{ row: 2, folder: 'Hill School' }]);
    expect(readManifest(out).failed.map((f) => f.row)).toEqual([3]);
  });

  it.each([
    ['an empty CSV', 'recipients.csv', ''],
    ['a CSV with only a header row', 'recipients.csv', 'prepared_for,summary\n\n'],
    ['an empty JSON array', 'recipients.json', '[ ]\n'],
  ])('stops with an error naming %s: it has no records', async (_what, name, text) => {
    const dir = tempDir('briefkit-each-');
    const file = join(dir, name);
    writeFileSync(file, text);
    const out = join(dir, 'out');
    const context = testContext();

    expect(await runCli(['build', '--each', file, '--out', out], context)).toBe(1);

    expect(context.err()).toContain(`${file}  No records, so there is nothing to build.`);
    expect(context.err()).toContain('[no-records]');
    expect(context.out()).not.toContain('Built');
    expect(existsSync(out)).toBe(false);
  });

  it('stops before building when a record would take the manifest’s name', async () => {
    const { code, csv, out, context } = await eachByName(
      'prepared_for\nHill School\nmanifest.json\nMANIFEST.json\n',
    );

    expect(code).toBe(1);

    expect(context.err()).toContain(
      `${csv} row 3 gets the folder "manifest.json", the name of the batch's manifest.`,
    );
    expect(context.err()).toContain(`${csv} row 4 gets the folder "MANIFEST.json"`);
    expect(context.err()).toContain('[name-collision]');
    expect(context.err()).not.toContain('internal error');
    expect(existsSync(out)).toBe(false);
  });

  it('reports a folder where the manifest goes as bad input, before building', async () => {
    const dir = tempDir('briefkit-each-');
    const csv = join(dir, 'recipients.csv');
    writeFileSync(csv, 'prepared_for\nHill School\n');
    const out = join(dir, 'out');
    mkdirSync(join(out, 'manifest.json'), { recursive: true });
    const context = testContext();

    expect(await runCli(['build', '--each', csv, '--out', out], context)).toBe(1);

    expect(context.err()).toContain('a folder of that name is in the way');
    expect(context.err()).toContain('[output-path]');
    expect(readdirSync(out)).toEqual(['manifest.json']);
  });

  it('builds from a JSON array, naming bad items by index', async () => {
    const dir = tempDir('briefkit-each-');
    const json = join(dir, 'recipients.json');
    writeFileSync(json, JSON.stringify([{ prepared_for: 'Hill School' }, 'not a record', {}]));
    const out = join(dir, 'out');
    const context = testContext();

    const argv = [
      'build',
      '--each',
      json,
      '--name',
      'for-{{prepared_for}}',
      '--out',
      out,
      '--jobs',
      '1',
    ];
    expect(await runCli(argv, context)).toBe(1);

    expect(context.err()).toContain(`${json}[1]`);
    expect(context.err()).toContain('[each-record]');
    expect(context.err()).toContain(`${json}[2]`);
    expect(context.err()).toContain('[name-field]');
    const manifest = readManifest(out);
    expect(manifest.records).toMatchObject([{ row: 0, folder: 'for-Hill School' }]);
    expect(manifest.failed.map((f) => f.row)).toEqual([1, 2]);
    expect(readdirSync(join(out, 'for-Hill School'))).toEqual(
      expect.arrayContaining(['briefing.pptx', 'summary.pdf']),
    );
  });
});

/** Three recipients, built one at a time into `out`, with Ctrl-C pressed `presses` times
 * as soon as the first is reported built (the second is then in flight). */
function interruptedBatch(presses: number, signal: StopSignal = 'SIGINT') {
  const dir = tempDir('briefkit-each-');
  const json = join(dir, 'recipients.json');
  writeFileSync(json, JSON.stringify(['One', 'Two', 'Three'].map((n) => ({ prepared_for: n }))));
  const out = join(dir, 'out');
  const context = testContext();
  const write = context.stdout.write;
  let pressed = false;
  const pressing = {
    ...context,
    stdout: {
      write(text: string) {
        if (!pressed && text.includes(' built ')) {
          pressed = true;
          for (let i = 0; i < presses; i++) context.interrupt(signal);
        }
        return write(text);
      },
    },
  };
  const argv = ['build', '--each', json, '--name', '{{prepared_for}}', '--out', out];
  return { out, context, run: () => runCli([...argv, '--jobs', '1'], pressing) };
}

describe('build --each and Ctrl-C', () => {
  it('finishes the builds in flight, lists them and skips the rest', async () => {
    const { out, context, run } = interruptedBatch(1);
    expect(await run()).toBe(1);

    expect(context.out()).toContain('Built 2 of 3 records');
    expect(context.out()).toContain('Stopped by Ctrl-C');
    expect(readManifest(out).records.map((r) => r.folder)).toEqual(['One', 'Two']);
    expect(existsSync(join(out, 'Three'))).toBe(false);
  });

  it('quits at a second Ctrl-C, leaving no manifest and no half-written file', async () => {
    const { out, context, run } = interruptedBatch(2);
    // What a build that is dropped halfway leaves: an output not yet renamed into place.
    mkdirSync(join(out, 'Two'), { recursive: true });
    writeFileSync(join(out, 'Two', `summary.pdf.${process.pid}.tmp`), '%PDF-1.7 (cut short)');
    expect(await run()).toBe(130);

    expect(context.out()).toContain('Quit by a second Ctrl-C');
    expect(context.out()).not.toContain('Manifest:');
    expect(context.err()).not.toContain('internal error');
    const left = readdirSync(out, { recursive: true }).map(String);
    expect(left.filter((f) => f.endsWith('.tmp') || f === 'manifest.json')).toEqual([]);
    expect(left).toContain(join('One', 'briefing.pptx'));
    expect(existsSync(join(out, 'Three'))).toBe(false);
  });

  it('quits at once when asked to end (SIGTERM), as at a second Ctrl-C', async () => {
    const { out, context, run } = interruptedBatch(1, 'SIGTERM');
    expect(await run()).toBe(143);

    expect(context.out()).toContain('Quit by a request to end (SIGTERM)');
    const left = readdirSync(out, { recursive: true }).map(String);
    expect(left.filter((f) => f.endsWith('.tmp') || f === 'manifest.json')).toEqual([]);
    expect(existsSync(join(out, 'Three'))).toBe(false);
  });
});
