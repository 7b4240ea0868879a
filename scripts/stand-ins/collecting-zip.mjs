// Stands in for JSZip under pptxgenjs (only there: briefkit's inspect reads zips with the
// real one). pptxgenjs zips each chart's workbook and then the deck, and briefkit's
// normaliser unzips the deck again to rewrite it: JSZip's pure-JS CRCs, base64 and stream
// machinery cost more than the rest of the deck. This collects the files and writes a
// stored (uncompressed) zip with fflate, which the normaliser reads back unchanged.
import { strToU8, zipSync } from 'fflate';

const FIXED_TIME = new Date(1980, 0, 1, 12);

export default class CollectingZip {
  #files;
  #prefix;

  constructor(files = new Map(), prefix = '') {
    this.#files = files;
    this.#prefix = prefix;
  }

  /** A view of the same files under a folder, as JSZip's folder() returns. */
  folder(name) {
    return new CollectingZip(this.#files, `${this.#prefix}${name.replace(/\/$/, '')}/`);
  }

  file(name, data, options = {}) {
    const bytes =
      typeof data !== 'string'
        ? data
        : options.base64
          ? Buffer.from(data, 'base64')
          : strToU8(data);
    this.#files.set(`${this.#prefix}${name}`, bytes);
    return this;
  }

  async generateAsync({ type }) {
    // A fixed time (fflate's default is now): the same files make the same bytes, which the
    // normaliser recognises from one deck to the next (a chart's workbook, say).
    const zip = Buffer.from(
      zipSync(Object.fromEntries(this.#files), { level: 0, mtime: FIXED_TIME }),
    );
    if (type === 'base64') return zip.toString('base64');
    if (type === 'nodebuffer') return zip;
    throw new Error(`Zip output "${type}" is not supported.`);
  }
}
