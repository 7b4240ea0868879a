import type { ReadOptions } from '../data/read-source.ts';
import type { FontFamilyKey } from '../layout/fonts.ts';

export type Aspect = '16:9' | '4:3';

export interface Theme {
  slide: { aspect: Aspect };
  colors: {
    background: string;
    text: string;
    muted: string;
    primary: string;
    accent: string;
    surface: string;
    chart: string[];
  };
  font: FontFamilyKey;
  sizes: {
    title: number;
    heading: number;
    body: number;
    minimum: number;
    stat: number;
    footer: number;
  };
  /** A Handlebars template for the slide footer, filled with the (literal) data. */
  footer?: string;
  /**
   * A PNG or JPEG in the template folder: the organisation's logo, in the bottom right corner
   * of every slide and at the top right of every summary page. It is decoration: screen
   * readers skip it, so the name it shows belongs in the text too.
   */
  logo?: string;
}

/**
 * Colours are hex digits written unquoted, and YAML reads `000000`, `006400` or `1E5000` as
 * numbers: read them as the text written.
 */
export const themeReadOptions: ReadOptions = { asWritten: [['colors']] };

/** Slide sizes in points. 16:9 matches PowerPoint's default 13.333 × 7.5 in. */
export const slideSizes: Record<Aspect, { width: number; height: number }> = {
  '16:9': { width: 960, height: 540 },
  '4:3': { width: 720, height: 540 },
};
