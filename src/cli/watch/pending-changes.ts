import { existsSync } from 'node:fs';

/**
 * The paths that changed since the last build. Editors and tools write a temp file beside
 * the one they save, then rename it over it: `sed -i` (`sedXXXXXX`), vim (`4913`), JetBrains
 * (`___jb_old___`). The watcher may report such a file as added, and its removal only later,
 * after the build it was batched into: a path that appeared and vanished between two builds
 * was never an input, so it is left out, and a batch of nothing else starts no build.
 */
export function pendingChanges(exists: (path: string) => boolean = existsSync) {
  /** Path → the last event heard for it since the last build. */
  let heard = new Map<string, string>();
  /** Paths known to be missing when the last build began; any other path existed then. */
  const absent = new Set<string>();

  return {
    /** `event` as chokidar names it: `add`, `change`, `unlink`, `addDir` or `unlinkDir`. */
    note(event: string, path: string): void {
      // Added first thing since the last build: it was not there when that build began.
      if (!heard.has(path) && (event === 'add' || event === 'addDir')) absent.add(path);
      heard.set(path, event);
    },
    /** The changes that can matter to a build, in the order first heard; clears the list. */
    take(): string[] {
      const batch: string[] = [];
      for (const [path, event] of heard) {
        const there = exists(path);
        if (there || !absent.has(path)) batch.push(path);
        // Once removed, a path's next event is an `add`, which marks it missing again.
        if (there || event === 'unlink' || event === 'unlinkDir') absent.delete(path);
        else absent.add(path);
      }
      heard = new Map();
      return batch;
    },
  };
}
