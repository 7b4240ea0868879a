// Stands in for unicode-trie in the bundle. fontkit decodes three tables for OpenType
// shaping when it loads, and briefkit never shapes (PDF text is set with the advances layout
// measured). Each table is now decoded on its first lookup, if any, by the real package.
import { createRequire } from 'node:module';

let UnicodeTrie;

export default class LazyUnicodeTrie {
  #data;
  #trie;

  constructor(data) {
    this.#data = data;
  }

  get(codePoint) {
    UnicodeTrie ??= createRequire(import.meta.url)('unicode-trie');
    this.#trie ??= new UnicodeTrie(this.#data);
    return this.#trie.get(codePoint);
  }
}
