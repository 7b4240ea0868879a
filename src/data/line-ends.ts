import { Transform } from 'node:stream';

/**
 * CRLF and lone CR line ends as LF, before CSV parsing. csv-parse counts a CRLF inside a
 * quoted cell as two lines, so every row after it was reported a line late, and it takes the
 * first line's end as the row separator, so a CRLF row after LF rows read as text after a
 * closing quote. Spreadsheet exports end lines with CRLF.
 */
export function lfLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * The same over a stream of UTF-8 bytes (CR and LF are single bytes there, so latin1 keeps
 * every other byte as it is); a CR at the end of a chunk waits for the next one.
 */
export function lfLineEndsStream(): Transform {
  let carried = '';
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const text = carried + chunk.toString('latin1');
      carried = text.endsWith('\r') ? '\r' : '';
      done(null, Buffer.from(lfLineEnds(carried ? text.slice(0, -1) : text), 'latin1'));
    },
    flush(done) {
      done(null, carried ? Buffer.from('\n') : null);
    },
  });
}
