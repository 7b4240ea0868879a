// Stands in for JSZip under pptxgenjs (only there: briefkit's inspect reads zips with the
// real one). pptxgenjs zips each chart's workbook and then the deck, and briefkit's
// normaliser unzips the deck again to rewrite it: JSZip's pure-JS CRCs, base64 and stream
// machinery cost more than the rest of the deck. This collects the files and writes a
// stored (uncompressed) zip with fflate, which the normaliser reads back unchanged.
import { strToU8, zipSync } from 'fflate';

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
    const zip = Buffer.from(zipSync(Object.fromEntries(this.#files), { level: 0 }));
    if (type === 'base64') return zip.toString('base64');
    if (type === 'nodebuffer') return zip;
    throw new Error(`Zip output "${type}" is not supported.`);
  }
}
