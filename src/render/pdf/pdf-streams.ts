import { deflateSync } from 'node:zlib';
import { contentKey } from '../../cache/content-key.ts';
import { LruCache } from '../../cache/lru-cache.ts';

/** What these changes touch of pdfkit's streams beyond its public API (pinned with pdfkit). */
interface Stream {
  buffer: Uint8Array[];
  compress: boolean;
  write(chunk: unknown): void;
  finalize(): void;
}

interface StreamMaker {
  page: { content: Stream };
  ref(data?: object): Stream;
  /** Adds a piece to the file: a string as a line of text, bytes as they are. */
  _write(data: unknown): void;
  /** The file's length so far, which pdfkit's cross-reference table is built from. */
  _offset: number;
}

/**
 * Costs of pdfkit's writing that a rebuild or a batch record paid over and over, taken out
 * with the bytes unchanged: see joinContent, deflateOnce and keepFile.
 */
export function quickerStreams(doc: PDFKit.PDFDocument): void {
  const maker = doc as unknown as StreamMaker;
  const ref = maker.ref.bind(maker);
  maker.ref = (data) => deflateOnce(ref(data));
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
 * instead, text as text, and joined once at the end.
 */
function keepFile(maker: StreamMaker): () => Uint8Array[] {
  const parts: Uint8Array[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (!lines.length) return;
    parts.push(Buffer.from(lines.join(''), 'latin1'));
    lines = [];
  };
  maker._write = (data) => {
    if (data instanceof Uint8Array) {
      flush();
      parts.push(data);
      maker._offset += data.length;
    } else {
      const line = `${data}\n`;
      lines.push(line);
      maker._offset += line.length;
    }
  };
  return () => {
    flush();
    return parts;
  };
}

/**
 * pdfkit turns each operator it is given into a byte array of its own, thousands per PDF, and
 * joins them when the page ends: as many small allocations, which made rebuilds wait on the
 * garbage collector. Text written here waits as text and becomes one array, with the same
 * bytes (pdfkit keeps each character's low byte, as latin1 does).
 */
function joinContent(content: Stream): void {
  const write = content.write.bind(content);
  const finalize = content.finalize.bind(content);
  let pending: string[] = [];
  const flush = () => {
    if (!pending.length) return;
    write(Buffer.from(pending.join(''), 'latin1'));
    pending = [];
  };
  content.write = (chunk) => {
    if (chunk instanceof Uint8Array) {
      flush();
      write(chunk);
    } else pending.push(`${chunk}\n`);
  };
  content.finalize = () => {
    flush();
    finalize();
  };
}

/**
 * Deflated streams by content: the embedded font subsets, and the pages an edit left as they
 * were, come out the same in the next rebuild or batch record, and deflating them was most
 * of the time zlib took. pdfkit deflates with zlib's defaults, as here.
 */
const deflated = new LruCache<string, Buffer>(256);

function deflateOnce(stream: Stream): Stream {
  const finalize = stream.finalize.bind(stream);
  stream.finalize = () => {
    if (stream.compress && stream.buffer.length) {
      const bytes = Buffer.concat(stream.buffer);
      stream.buffer = [deflated.remember(contentKey(bytes), () => deflateSync(bytes))];
      // Deflated already: pdfkit writes it as it is, with the filter it set on first write.
      stream.compress = false;
    }
    finalize();
  };
  return stream;
}
