import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeChanges, outermost } from '../../src/cli/commands/watch.ts';
import { pendingChanges } from '../../src/cli/watch/pending-changes.ts';

/** Changes over a pretend file system holding `files`. */
function overFiles(...files: string[]) {
  const present = new Set(files);
  return { present, changes: pendingChanges((path) => present.has(path)) };
}

describe('pendingChanges', () => {
  it('lists each changed path once, in the order first heard, and starts afresh', () => {
    const { changes } = overFiles('/t/deck.md.hbs', '/t/theme.yaml');
    changes.note('change', '/t/deck.md.hbs');
    changes.note('change', '/t/theme.yaml');
    changes.note('change', '/t/deck.md.hbs');
    expect(changes.take()).toEqual(['/t/deck.md.hbs', '/t/theme.yaml']);
    expect(changes.take()).toEqual([]);
  });

  it('leaves out a temp file that came and went before the build', () => {
    const { changes } = overFiles('/t/deck.md.hbs');
    changes.note('add', '/t/sedAb12Cd');
    changes.note('change', '/t/deck.md.hbs');
    changes.note('unlink', '/t/sedAb12Cd');
    expect(changes.take()).toEqual(['/t/deck.md.hbs']);
  });

  it('leaves out a temp file whose removal is heard only after the build it was batched into', () => {
    const { changes } = overFiles('/t/deck.md.hbs');
    changes.note('add', '/t/sedAb12Cd');
    changes.note('change', '/t/deck.md.hbs');
    expect(changes.take()).toEqual(['/t/deck.md.hbs']);
    changes.note('unlink', '/t/sedAb12Cd');
    expect(changes.take()).toEqual([]);
  });

  it('keeps an input that was deleted, created again, or created and later deleted', () => {
    const { changes, present } = overFiles('/d/data.yaml');
    present.delete('/d/data.yaml');
    changes.note('unlink', '/d/data.yaml');
    expect(changes.take()).toEqual(['/d/data.yaml']);

    present.add('/d/data.yaml');
    changes.note('add', '/d/data.yaml');
    expect(changes.take()).toEqual(['/d/data.yaml']);

    present.add('/t/charts/new.vl.json');
    changes.note('add', '/t/charts/new.vl.json');
    expect(changes.take()).toEqual(['/t/charts/new.vl.json']);
    present.delete('/t/charts/new.vl.json');
    changes.note('unlink', '/t/charts/new.vl.json');
    expect(changes.take()).toEqual(['/t/charts/new.vl.json']);
  });

  it('keeps a file deleted and created again between builds (cp over, git checkout)', () => {
    const { changes } = overFiles('/t/deck.md.hbs');
    changes.note('unlink', '/t/deck.md.hbs');
    changes.note('add', '/t/deck.md.hbs');
    expect(changes.take()).toEqual(['/t/deck.md.hbs']);
  });

  it('counts a folder moved away once, not again for the files in it heard later', () => {
    const { changes, present } = overFiles('/t', '/t/deck.md.hbs', '/t/charts');
    for (const path of ['/t', '/t/deck.md.hbs', '/t/charts']) present.delete(path);
    changes.note('unlinkDir', '/t/charts');
    changes.note('unlinkDir', '/t');
    expect(changes.take()).toEqual(['/t/charts', '/t']);
    changes.note('unlink', '/t/deck.md.hbs');
    expect(changes.take()).toEqual([]);

    for (const path of ['/t', '/t/deck.md.hbs']) present.add(path);
    changes.note('addDir', '/t');
    changes.note('add', '/t/deck.md.hbs');
    expect(changes.take()).toEqual(['/t', '/t/deck.md.hbs']);
    present.delete('/t/deck.md.hbs');
    changes.note('unlink', '/t/deck.md.hbs');
    expect(changes.take()).toEqual(['/t/deck.md.hbs']);
  });
});

describe('outermost', () => {
  it('names a folder for the files in it that changed with it', () => {
    const changed = ['/t', '/t/deck.md.hbs', '/t/charts', '/t/charts/a.vl.json', '/d/data.yaml'];
    expect(outermost(changed)).toEqual(['/t', '/d/data.yaml']);
    expect(outermost(['/t/charts/a.vl.json', '/t2/x'])).toEqual(['/t/charts/a.vl.json', '/t2/x']);
  });
});

describe('describeChanges', () => {
  it('says "removed" for paths that are gone, "changed" for the others', () => {
    const here = (name: string) => join(process.cwd(), name);
    expect(describeChanges({ changed: [here('d.yaml')], removed: [here('d.yaml')] })).toBe(
      'd.yaml removed: ',
    );
    expect(
      describeChanges({ changed: [here('a.csv'), here('d.yaml')], removed: [here('d.yaml')] }),
    ).toBe('a.csv changed; d.yaml removed: ');
    expect(describeChanges({ changed: [], removed: [] })).toBe('');
  });
});
