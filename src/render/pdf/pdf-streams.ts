/** A stream object of pdfkit's (PDFReference), as far as these changes touch it. */
interface PdfkitRef {
  write(chunk: unknown): void;
  finalize(): void;
}

/** pdfkit's document internals these changes touch (pinned with pdfkit). */
interface PdfkitInternals {
  page?: { content: PdfkitRef };
  /** Adds a piece to the file: a string as a line of text, bytes as they are. */
  _write(data: unknown): void;
  /** The file's length so far, from which pdfkit builds its cross-reference table. */
  _offset: number;
  /** Hands bytes to the document's readers; null ends the file. */
  push(chunk: Uint8Array | null): boolean;
}

/**
 * pdfkit makes a byte array of every operator on a page and of every piece of the file, about
 * two thousand a build: these are gathered as text instead, and made into one array per page
 * and per run of text in the file, with the same bytes.
 */
export function quickerStreams(doc: PDFKit.PDFDocument): void {
  const pdfkit = doc as unknown as PdfkitInternals;
  if (pdfkit.page) joinContent(pdfkit.page.content);
  doc.on('pageAdded', () => joinContent((pdfkit.page as { content: PdfkitRef }).content));
  batchFile(pdfkit);
}

/** A page's operators reach its content stream as one array, when the page ends. */
function joinContent(content: PdfkitRef): void {
  const finalize = content.finalize.bind(content);
  const page = batched(content.write.bind(content));
  content.write = (chunk) => {
    page.write(chunk);
  };
  content.finalize = () => {
    page.flush();
    finalize();
  };
}

/** The file's pieces reach the document's readers in runs, the last before the file ends. */
function batchFile(pdfkit: PdfkitInternals): void {
  const push = pdfkit.push.bind(pdfkit);
  const file = batched((bytes) => push(bytes));
  pdfkit._write = (data) => {
    pdfkit._offset += file.write(data);
  };
  pdfkit.push = (chunk) => {
    if (chunk === null) file.flush();
    return push(chunk);
  };
}

/**
 * Writes batched: text (each piece a line) waits and goes on as one array of the bytes pdfkit
 * makes of it (each character's low byte, as latin1 does); bytes go on as they are, after the
 * text before them. `write` returns how many bytes it added.
 */
function batched(send: (bytes: Uint8Array) => void) {
  let lines: string[] = [];
  const flush = () => {
    if (!lines.length) return;
    send(Buffer.from(lines.join(''), 'latin1'));
    lines = [];
  };
  return {
    flush,
    write(chunk: unknown): number {
      if (chunk instanceof Uint8Array) {
        flush();
        send(chunk);
        return chunk.length;
      }
      const line = `${chunk}\n`;
      lines.push(line);
      return line.length;
    },
  };
}
