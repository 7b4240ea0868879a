import { describe, expect, it } from 'vitest';
import { slideNumberField } from '../../src/render/pptx/slide-number.ts';

/** A text box as pptxgenjs writes it, with one paragraph. */
function shape(id: number, name: string, paragraph: string): string {
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"></p:cNvPr><p:cNvSpPr txBox="1"/>` +
    `<p:nvPr></p:nvPr></p:nvSpPr><p:txBody><a:bodyPr/><a:lstStyle/>${paragraph}</p:txBody></p:sp>`
  );
}

const run = (text: string) => `<a:r><a:rPr lang="en-US" dirty="0"/><a:t>${text}</a:t></a:r>`;
const body = shape(5, 'body', `<a:p><a:pPr></a:pPr>${run('2025 was a busy year')}</a:p>`);

describe('slideNumberField', () => {
  it('makes the number of the slide-number shape a field and keeps the total as text', () => {
    // Self-closing paragraph properties, and a shape after it whose text starts with digits.
    const number = shape(6, 'slide number', `<a:p><a:pPr algn="r"/>${run('4 / 11')}</a:p>`);
    const xml = slideNumberField(number + body);
    expect(xml.endsWith(body)).toBe(true);
    expect(xml).toContain(
      '<a:p><a:pPr algn="r"/><a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum">' +
        '<a:rPr lang="en-US" dirty="0"/><a:t>4</a:t></a:fld>' +
        '<a:r><a:rPr lang="en-US" dirty="0"/><a:t> / 11</a:t></a:r></a:p>',
    );
  });

  it('leaves alone a number shape without a leading number, and the shapes after it', () => {
    // A number shape whose first run is not the number is left as it is, and so is "2025".
    const xml = shape(6, 'slide number', `<a:p>${run('Slide 4')}</a:p>`) + body;
    expect(slideNumberField(xml)).toBe(xml);
  });
});
