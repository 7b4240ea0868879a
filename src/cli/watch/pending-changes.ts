import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The paths that changed since the last build. Editors and tools write a temp file beside
 * the one they save, then rename it over it: `sed -i` (`sedXXXXXX`), vim (`4913`), JetBrains
 * (`___jb_old___`). The watcher may report such a file as added, and its removal only later,
 * after the build it was batched into; and it reports a folder moved away before the files
 * in it. A path that was missing when the last build began and is missing still changed
 * nothing that build read, so it is left out, and a batch of nothing else starts no build.
 */
export function pendingChanges(exists: (path: string) => boolean = existsSync) {
  /** Path → the last event heard for it since the last build. */
  let heard = new Map<string, string>();
  /** Paths known to be missing when the last build began, as are the paths inside them. */
  const absent = new Set<string>();
  const wasMissing = (path: string): boolean => {
    for (let at = path; ; at = dirname(at)) {
      if (absent.has(at)) return true;
      if (dirname(at) === at) return false;
    }
  };

  return {
    /** `event` as chokidar names it: `add`, `change`, `unlink`, `addDir` or `unlinkDir`. */
    note(event: string, path: string): void {
      // Added first thing since the last build: it was not there when that build began.
      if (!heard.has(path) && (event === 'add' || event === 'addDir')) absent.add(path);
      heard.set(path, event);
    },
    /** The changes that can matter to a build, in the order first heard; clears the list. */
    take(): string[] {
      const found = [...heard].map(([path, event]) => ({
        path,
        there: exists(path),
        missing: wasMissing(path),
        gone: event === 'unlink' || event === 'unlinkDir',
      }));
      heard = new Map();
      for (const { path, there, missing, gone } of found) {
        // A path that stays away once it was removed is forgotten: its next event is an add.
        if (there || (missing && gone)) absent.delete(path);
        else absent.add(path);
      }
      return found.filter((change) => change.there || !change.missing).map((c) => c.path);
    },
  };
}
