import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir, thenStored } from '../helpers/sample.ts';

describe('parsed Markdown on disk', () => {
  const saved = process.env.BRIEFKIT_CACHE_DIR;
  afterEach(() => {
    process.env.BRIEFKIT_CACHE_DIR = saved;
  });

  /** parseMarkdown from a fresh module graph: nothing in memory, as in a new process. */
  async function freshParse(store: string, markdown: string) {
    process.env.BRIEFKIT_CACHE_DIR = store;
    vi.resetModules();
    const { parseMarkdown } = await import('../../src/model/parse-markdown.ts');
    return thenStored(() => parseMarkdown(markdown, { file: 'deck.md.hbs' }));
  }

  it('reads what an earlier process parsed, and parses again to report an error', async () => {
    const store = tempDir();
    const markdown = '# Results\n\n- **86** experiments\n\n<!-- Notes. -->\n';
    const first = await freshParse(store, markdown);
    expect(first.comments).toEqual(['Notes.']);
    // Proof that the next parse reads the store: an edited entry shows.
    const [entry] = readdirSync(join(store, 'markdown'));
    const file = join(store, 'markdown', entry as string);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.value.comments = ['From the store.'];
    writeFileSync(file, JSON.stringify(stored));
    const again = await freshParse(store, markdown);
    expect(again).toEqual({ ...first, comments: ['From the store.'] });
    expect(Object.isFrozen(again.blocks)).toBe(true);

    for (let run = 0; run < 2; run++)
      await expect(freshParse(store, '```\ncode\n```\n')).rejects.toMatchObject({
        diagnostics: [{ place: { file: 'deck.md.hbs' } }],
      });
  });
});
