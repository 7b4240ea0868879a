import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { lfLineEnds, lfLineEndsStream } from '../../src/data/line-ends.ts';

describe('line ends before CSV parsing', () => {
  it('turns CRLF and lone CR into LF, and leaves LF alone', () => {
    expect(lfLineEnds('a\r\nb\rc\nd\r\n\r\n')).toBe('a\nb\nc\nd\n\n');
  });

  it('reads the same over a stream, with a CRLF or a multi-byte character split across chunks', async () => {
    const bytes = Buffer.from('a,b\r\n"空\r\n间",2\r\n3,4\r');
    for (let cut = 1; cut < bytes.length; cut++) {
      const chunks = [bytes.subarray(0, cut), bytes.subarray(cut)];
      const read = await text(Readable.from(chunks).pipe(lfLineEndsStream()));
      expect(read, `cut at ${cut}`).toBe('a,b\n"空\n间",2\n3,4\n');
    }
  });
});
