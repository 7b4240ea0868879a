import { describe, expect, it } from 'vitest';
import type { PathSegment } from '../../src/data/data-path.ts';
import { BriefkitError } from '../../src/errors/briefkit-error.ts';
import { refusedLinkMessage } from '../../src/model/parse-markdown.ts';
import { dataLinks, dataPlaces } from '../../src/template/data-links.ts';
import { escapeMarkdown, toLiteralData } from '../../src/template/literal.ts';

const refusal = (url: string) =>
  new BriefkitError({ ...refusedLinkMessage(url), place: { file: 'deck.md.hbs', line: 9 } });

/** Where a link is reported after `note(url, paths, value)`, or undefined if left alone. */
function placeAfter(data: unknown, paths: string[], value: unknown): unknown {
  const literal = toLiteralData(data);
  const links = dataLinks(
    dataPlaces(literal, (path: PathSegment[]) => ({ file: 'data.yaml', line: path.length })),
  );
  links.note('javascript:1', paths, value);
  try {
    links.placed(() => {
      throw refusal('javascript:1');
    });
  } catch (error) {
    return (error as BriefkitError).diagnostics[0]?.place;
  }
}

describe('links from the data', () => {
  const link = '[x](javascript:1)';
  it('places a refused link at the field it came from', () => {
    expect(placeAfter({ thanks: link }, ['thanks'], escapeMarkdown(link))).toEqual({
      file: 'data.yaml',
      line: 1,
      path: 'thanks',
    });
  });

  it('reads list indexes as numbers and object keys as written, escaped or not', () => {
    const data = {
      list: [{}, { note: link }],
      byYear: { '2020': link },
      regions: { north_a: link },
    };
    const literal = (text: string) => escapeMarkdown(text);
    expect(placeAfter(data, ['x.list.1.note', 'list.1.note'], literal(link))).toMatchObject({
      path: 'list[1].note',
    });
    expect(placeAfter(data, ['byYear.2020'], literal(link))).toMatchObject({
      path: 'byYear.2020',
    });
    expect(placeAfter(data, [`regions.${escapeMarkdown('north_a')}`], literal(link))).toMatchObject(
      { path: 'regions.north_a' },
    );
  });

  it('leaves the template line when no path holds the value given', () => {
    expect(placeAfter({ thanks: 'other' }, ['thanks'], escapeMarkdown(link))).toEqual({
      file: 'deck.md.hbs',
      line: 9,
    });
  });
});
