import { SLIDE_NUMBER } from '../../layout/frames.ts';

/**
 * A slide's number as a slide-number field, as PowerPoint's own footers have it: a slide
 * moved, added or deleted in PowerPoint shows its new place. The total after it stays text,
 * as built (PowerPoint has no field for it).
 */
export function slideNumberField(slideXml: string): string {
  // Only within the shape: a miss must not go on to another shape's text ("2025 was…").
  return slideXml.replace(NUMBER_SHAPE, (shape) =>
    shape.replace(
      NUMBER_RUN,
      (_, before: string, props: string, number: string, rest: string) =>
        `${before}<a:fld id="${FIELD_ID}" type="slidenum">${props}<a:t>${number}</a:t></a:fld>` +
        `<a:r>${props}<a:t>${rest}</a:t></a:r>`,
    ),
  );
}

/** The slide-number shape, from its name to its end. */
const NUMBER_SHAPE = new RegExp(`<p:cNvPr id="\\d+" name="${SLIDE_NUMBER}">[\\s\\S]*?</p:sp>`);

/** An element's start, then `/>` or its content and end tag. */
const element = (tag: string) => `<${tag}\\b(?:[^>]*/>|[^>]*(?<!/)>[\\s\\S]*?</${tag}>)`;

/** The number run: the first paragraph's first run, its text starting with the number. */
const NUMBER_RUN = new RegExp(
  `^((?:(?!<a:p>)[\\s\\S])*<a:p>(?:${element('a:pPr')})?)` +
    `<a:r>(${element('a:rPr')})<a:t>(\\d+)([^<]*)</a:t></a:r>`,
);

/** The identifier PowerPoint's own templates give their slide-number fields. */
const FIELD_ID = '{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}';
