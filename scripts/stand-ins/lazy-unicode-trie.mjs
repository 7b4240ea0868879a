// Stands in for unicode-trie in the bundle. fontkit decodes three tables for OpenType
// shaping when it loads, and briefkit never shapes (PDF text is set with the advances layout
// measured). Each table is now decoded on its first lookup, if any (linebreak's is), and
// inflated by Node's zlib: unicode-trie's pure-JS inflate costs ~20 ms in a fresh process.
import { createRequire } from 'node:module';
import { endianness } from 'node:os';
import { inflateRawSync } from 'node:zlib';

let UnicodeTrie;

export default class LazyUnicodeTrie {
  #data;
  #trie;

  constructor(data) {
    this.#data = data;
  }

  get(codePoint) {
    this.#trie ??= decode(this.#data);
    return this.#trie.get(codePoint);
  }
}

/** unicode-trie's serialised form: a 12-byte header, then the table deflated twice. */
function decode(data) {
  UnicodeTrie ??= createRequire(import.meta.url)('unicode-trie');
  if (!(data instanceof Uint8Array)) return new UnicodeTrie(data);
  const header = Buffer.from(data.buffer, data.byteOffset, 12);
  const table = inflateRawSync(inflateRawSync(data.subarray(12)));
  if (endianness() === 'BE') table.swap32(); // stored little-endian
  const words = new Uint32Array(new Uint8Array(table).buffer); // a copy, aligned
  return new UnicodeTrie({
    data: words,
    highStart: header.readUInt32LE(0),
    errorValue: header.readUInt32LE(4),
  });
}
