/**
 * pdf.js, which only `inspect` reads PDFs with, in a module of its own: the CLI bundles it
 * into a separate script (dist/pdfjs.cjs), with its own code cache, so that a build does not
 * read its 2 MB at start-up.
 */
export * as api from 'pdfjs-dist/legacy/build/pdf.mjs';
export * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
