/** What these changes touch of pdfkit's streams beyond its public API (pinned with pdfkit). */
interface Stream {
  write(chunk: unknown): void;
  finalize(): void;
}

interface StreamMaker {
  page: { content: Stream };
  /** Adds a piece to the file: a string as a line of text, bytes as they are. */
  _write(data: unknown): void;
  /** The file's length so far, which pdfkit's cross-reference table is built from. */
  _offset: number;
}

/**
 * Costs of pdfkit's writing that a rebuild or a batch record paid over and over, taken out
 * with the bytes unchanged: see joinContent and keepFile. (The bundle also keeps what pdfkit's
 * deflate makes: scripts/stand-ins/memo-zlib.mjs.)
 */
export function quickerStreams(doc: PDFKit.PDFDocument): void {
  const maker = doc as unknown as StreamMaker;
  doc.on('pageAdded', () => joinContent(maker.page.content));
  kept.set(doc, keepFile(maker));
}

/** Ends the document and collects its bytes. */
export function finishPdf(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // What pdfkit wrote before keepFile took over (the header) comes through its stream.
    const head: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => head.push(chunk));
    doc.on('end', () => {
      const rest = kept.get(doc)?.() ?? [];
      resolve(new Uint8Array(Buffer.concat([...head, ...rest])));
    });
    doc.on('error', reject);
    doc.end();
  });
}

/** Per document, the pieces of its file keepFile kept. */
const kept = new WeakMap<PDFKit.PDFDocument, () => Uint8Array[]>();

/**
 * pdfkit pushes each piece of the file (an object's number, its dictionary, its stream) through
 * a Node stream as a byte array of its own: about two thousand per build. They are kept here
 * instead, and joined once at the end.
 */
function keepFile(maker: StreamMaker): () => Uint8Array[] {
  const parts: Uint8Array[] = [];
  const file = batched((bytes) => parts.push(bytes));
  maker._write = (data) => {
    maker._offset += file.write(data);
  };
  return () => {
    file.flush();
    return parts;
  };
}

/**
 * pdfkit turns each operator of a page into a byte array of its own, thousands per PDF, and
 * joins them when the page ends: as many small allocations, which made rebuilds wait on the
 * garbage collector. Here the page gets its text as one array.
 */
function joinContent(content: Stream): void {
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

/**
 * Writes as pdfkit makes them, batched: text (each piece a line of its own) waits and goes on
 * as one byte array, with the bytes pdfkit makes of it (each character's low byte, as latin1);
 * bytes go on as they are, after the text before them. `write` says how many bytes it added.
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
