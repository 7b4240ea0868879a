/**
 * Every user-facing message, as functions, so wording stays consistent and tests can
 * reference codes instead of strings.
 */
import type { FileProblem } from '../data/file-inside.ts';
import type { Diagnostic, Place } from './briefkit-error.ts';
import { formatPlace } from './format.ts';

export type Message = Omit<Diagnostic, 'place'>;

/** A batch record (e.g. `classes.csv row 3`) and the folder name `--name` gives it. */
interface NamedRecord {
  label: string;
  name: string;
}

/** Details come from parsers too, which end their sentences without a full stop. */
function syntax(format: string, detail: string): Message {
  return { code: 'syntax', message: `Invalid ${format}: ${sentence(detail)}` };
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** `1 cell`, `3 cells`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A value as a JavaScript caller would write it: `"a3"`, `4`, `["bogus"]`. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(shown).join(', ')}]`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Hints for data that YAML read otherwise than its author meant (unquoted text). */
export const yamlTextHints = {
  colon: (text: string): string =>
    `YAML reads unquoted text holding ": " as a field and its value: put the whole text in quotes (${JSON.stringify(text)}).`,
  comma: 'Inside { … }, a comma ends a value: put text that holds commas in quotes.',
};

/** What to do about the Vega warnings a template author meets most (each fails the build). */
const vegaHints: readonly [RegExp, string][] = [
  [
    /^Symbol legend count exceeds limit/,
    'The legend would leave out categories: draw fewer (group the smallest as "Other"), or use a bar chart, whose axis names every category.',
  ],
  [
    // "sort": "-x" on an axis that a bar layer and its text layer share.
    /conflicting sort properties/,
    'Each layer sorts the shared axis its own way: sort by an operation on the value field, as in {"op": "sum", "field": "value", "order": "descending"} (with your field), or put the rows in order and write "sort": null.',
  ],
];

/** Why a file named by a template or dataset cannot be read, in the words of its folder. */
export const fileProblems: Record<FileProblem, (folder: string) => string> = {
  leaves: (folder) => `it leaves ${folder}`,
  missing: (folder) => `no such file in ${folder}`,
  'resolves-outside': (folder) => `it resolves outside ${folder}`,
  'not-a-file': () => 'it is not a regular file',
};

export const messages = {
  fileNotFound: (file: string, what: string): Message => ({
    code: 'file-not-found',
    message: `Cannot read ${what} "${file}".`,
    hint: 'Check the path; it is resolved from the current folder.',
  }),
  namedFileMissing: (name: string, what: string): Message => ({
    code: 'file-not-found',
    message: `Cannot read ${what} "${name}": the template folder has no such file.`,
    hint: 'Paths in template.yaml are relative to the template folder.',
  }),
  // A FIFO would block the read for good, a folder would fail inside the reader.
  notRegularFile: (file: string, what: string): Message => ({
    code: 'file-not-found',
    message: `Cannot read ${what} "${file}": ${fileProblems['not-a-file']('')}.`,
    hint: 'Name a file, not a folder, pipe or device.',
  }),
  syntax,
  yamlColonInText: (detail: string, quoted: string): Message => ({
    ...syntax('YAML', detail),
    hint: `Text with ": " (a colon and a space) in it needs quotes: ${quoted}`,
  }),
  pdfPassword: (): Message => ({
    code: 'pdf-password',
    message: 'This PDF needs a password to open; inspect cannot read it.',
    hint: 'Inspect a copy saved without a password, e.g. `qpdf --decrypt --password=… in.pdf out.pdf`.',
  }),
  openDocument: (mimetype: string): Message => ({
    code: 'not-pptx',
    message: `This is an OpenDocument file (${mimetype}), not a PPTX; inspect reads PPTX and PDF.`,
    hint: 'Save it as PPTX first, e.g. `soffice --headless --convert-to pptx FILE`.',
  }),
  // CSV faults, in the same words for datasets, `!csv` tables and `build --each` records.
  csvCellCount: (row: number, cells: number, columns: number): Message =>
    syntax(
      'CSV',
      `row ${row} has ${count(cells, 'cell')}, but the header has ${count(columns, 'column')}.`,
    ),
  csvQuoteNotClosed: (row: number): Message =>
    syntax('CSV', `row ${row}: a quoted cell is never closed; the file ends inside it.`),
  csvTextAfterQuote: (row: number): Message =>
    syntax(
      'CSV',
      `row ${row}: a quoted cell has text after its closing quote; write a quote inside quotes as "".`,
    ),
  csvQuoteInCell: (row: number): Message =>
    syntax(
      'CSV',
      `row ${row}: a cell that does not start with a quote has one inside; quote the whole cell and write the quote as "".`,
    ),
  csvRestUnread: (row: number): Message =>
    syntax(
      'CSV',
      `nothing after row ${row} was read: after a quote fault the rest of the file reads as part of that row.`,
    ),
  csvHeaderUnnamed: (column: number): Message =>
    syntax('CSV', `column ${column} of the header row has no name.`),
  csvSeparator: (by: string): Message => ({
    ...syntax(
      'CSV',
      `the header row is one column with ${by} in it: the file is separated by ${by}, not commas.`,
    ),
    hint: 'Save it again as CSV with commas between the columns (in a spreadsheet: comma-separated values).',
  }),
  csvHeaderTwice: (name: string): Message =>
    syntax('CSV', `the header names column "${name}" twice.`),
  schema: (detail: string, hint?: string): Message => ({
    code: 'schema',
    message: detail,
    ...(hint ? { hint } : {}),
  }),
  unsupportedPattern: (pattern: string, reason: string, isRegExp: boolean): Message => ({
    code: 'schema',
    message: `The data schema's pattern ${JSON.stringify(pattern)} cannot be used: ${reason}.`,
    hint: isRegExp
      ? 'Patterns are matched with RE2, in time linear in the text, since the data is not to be trusted: write it without lookaround or backreferences, as JSON Schema recommends.'
      : 'Check its brackets and escapes: in JSON, a backslash in a pattern is written twice ("\\\\d").',
  }),
  badColor: (detail: string): Message => ({
    code: 'schema',
    message: detail,
    hint: 'Write a colour as 6 hex digits without "#", quoted if in doubt: "000000".',
  }),
  frontMatter: (detail: string): Message => ({
    code: 'front-matter',
    message: `Invalid slide front matter: ${detail}`,
    hint: 'Each slide starts with a block such as:\n---\nlayout: bullets\n---',
  }),
  strayFence: (): Message => ({
    code: 'front-matter',
    message:
      'A line of only "---" here starts no slide: no "layout: …" and closing "---" follow it. In a deck such a line opens front matter, so it cannot be a horizontal rule.',
    hint: 'Remove the line, or start a slide here with:\n---\nlayout: bullets\n---',
  }),
  unknownLayout: (layout: string, known: readonly string[]): Message => ({
    code: 'unknown-layout',
    message: `Unknown slide layout "${layout}".`,
    hint: `Use one of: ${known.join(', ')}.`,
  }),
  layoutContent: (layout: string, detail: string): Message => ({
    code: 'layout-content',
    message: `The "${layout}" layout cannot show this slide: ${detail}`,
  }),
  unsupportedMarkdown: (what: string): Message => ({
    code: 'markdown',
    message: `${what} is not supported here.`,
    hint: 'Use headings, paragraphs, flat lists, tables, > quotes and ![alt](chart:NAME).',
  }),
  // `**{{field}}**` with an empty field comes out as `****`: the usual way to make one.
  horizontalRule: (): Message => ({
    code: 'markdown',
    message:
      'A line of only *, - or _ reads as a horizontal rule, which is not supported here (`**{{field}}**` with an empty field makes one).',
    hint: 'Write an optional value inside {{#if field}}…{{/if}}. In a deck, front matter (---, layout: …, ---) separates slides, not a rule.',
  }),
  unknownSource: (key: string, keys: readonly string[]): Message => ({
    code: 'unknown-source',
    message: `No entry "${key}" in the dataset's sources.`,
    hint: keys.length
      ? `The sources are ${keys.map((k) => `"${k}"`).join(', ')}.`
      : 'The dataset lists no sources.',
  }),
  crowdedChart: (
    chart: string,
    page: string,
    { rows, fit }: { rows: number; fit: number },
    onSlide: boolean,
  ): Message => ({
    code: 'crowded-chart',
    message: `Chart "${chart}" (first on ${page}) lists ${rows} categories down its side, and in the PDFs their labels print over each other: about ${fit} fit.`,
    hint: onSlide
      ? 'Show fewer categories (a filter in the spec, or a shorter list in the data), or draw the chart in the summary, which makes a chart taller for a long list.'
      : 'Show fewer categories (a filter in the spec, or a shorter list in the data): the summary makes a chart no taller than a page.',
  }),
  lowContrast: (
    page: string,
    text: { color: string; on: string; size: number },
    ratio: number,
    needs: number,
  ): Message => ({
    code: 'low-contrast',
    message: `Text in ${text.color} on ${text.on} (first on ${page}) has a contrast of ${Math.floor(ratio * 10) / 10}:1; text of ${text.size} pt needs ${needs}:1 to be easy to read (WCAG AA).`,
    hint: 'Make one of these theme colours darker or lighter, or the text larger.',
  }),
  missingGlyphs: (shown: readonly string[], more: number): Message => ({
    code: 'missing-glyphs',
    message: `No configured font has ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}; they will show as empty boxes.`,
    hint: 'The fonts cover Latin, Greek, Cyrillic and Chinese (with kana); replace or remove the other characters.',
  }),
  /** `latin`: the locale with Latin digits (`fa-IR-u-nu-latn`), unless it has them already. */
  missingLocaleGlyphs: (
    locale: string,
    shown: readonly string[],
    more: number,
    latin: string | null,
  ): Message => ({
    code: 'missing-glyphs',
    message: `Numbers or dates in ${locale} are written with ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}, which no configured font has; they will show as empty boxes.`,
    hint: latin
      ? `The fonts cover Latin, Greek, Cyrillic and Chinese (with kana). For Latin digits in this language, set report.locale to ${latin}.`
      : 'The fonts cover Latin, Greek, Cyrillic and Chinese (with kana): choose a report locale written in one of those.',
  }),
  template: (
    detail: string,
    hint = 'Variables must exist in the data; helpers must be one of briefkit’s helpers.',
  ): Message => ({
    code: 'template',
    message: `Template error: ${detail}`,
    hint,
  }),
  unknownHelper: (name: string, own: readonly string[], builtIn: readonly string[]): Message => ({
    code: 'template',
    message: `Template error: Unknown helper "${name}".`,
    hint: `briefkit’s helpers: ${own.join(', ')}; Handlebars’ own: ${builtIn.join(', ')}.`,
  }),
  englishStrings: (locale: string, sets: readonly string[]): Message => ({
    code: 'english-strings',
    message: `The template's strings have no set for ${locale}: the English set is used, while numbers and dates follow ${locale}.`,
    hint: `Add a ${locale} set to the template's strings.yaml (it has ${sets.join(', ')}), or set report.locale to one of those.`,
  }),
  noStringSet: (locale: string, language: string, sets: readonly string[]): Message => ({
    code: 'template',
    message: `Template error: the template strings have no set for ${locale}: they have ${sets.join(', ')}.`,
    hint: `Name a set in strings.yaml by the tag (${locale}) or its language (${language}), or add an en set.`,
  }),
  helperArgument: (helper: string, detail: string): Message => ({
    code: 'helper-argument',
    message: `Helper "${helper}": ${detail}`,
  }),
  unknownChart: (name: string, known: readonly string[]): Message => ({
    code: 'unknown-chart',
    message: `Unknown chart "${name}".`,
    hint: known.length
      ? `Charts in this template: ${known.join(', ')}.`
      : 'Add a spec as charts/NAME.vl.json.',
  }),
  chartData: (name: string, detail: string): Message => ({
    code: 'chart-data',
    message: `Chart "${name}": ${detail}`,
    hint: 'Bind charts to a named list of the dataset: "data": {"name": "LIST"}.',
  }),
  chartUnknownList: (name: string, source: string, lists: readonly string[]): Message => ({
    code: 'chart-data',
    message: `Chart "${name}": the dataset has no list named "${source}".`,
    hint: lists.length
      ? `Lists in the dataset: ${lists.join(', ')}.`
      : 'The dataset has no top-level list; charts draw one, e.g. "data": {"name": "LIST"}.',
  }),
  chartField: (name: string, field: string, source: string, known: string[]): Message => ({
    code: 'chart-data',
    message: `Chart "${name}": field "${field}" is not in "${source}".`,
    hint: `Fields of ${source}: ${known.join(', ')}.`,
  }),
  chartReservedValue: (name: string, path: string): Message => ({
    code: 'chart-data',
    message: `Chart "${name}" cannot draw ${path}: Vega fails on the text "__proto__".`,
    hint: 'Change that value, for example to "proto".',
  }),
  chartUnreadableValue: (
    name: string,
    path: string,
    found: string,
    reads: 'number' | 'date',
  ): Message => ({
    code: 'chart-data',
    message: `Chart "${name}" cannot draw ${path}: ${found} does not read as a ${reads}, so the chart would leave it out.`,
    hint:
      reads === 'number'
        ? 'Write the number without thousands separators or units, e.g. 1512750.5, or null to leave a gap.'
        : 'Write the date as YYYY-MM-DD, a day that exists, e.g. 2025-03-01, or null to leave a gap.',
  }),
  chartRefused: (name: string, detail: string): Message => ({
    code: 'chart-refused',
    message: `Chart "${name}": ${detail}`,
    hint: 'Charts may only draw data from the dataset; they cannot load files, URLs or images.',
  }),
  chartNotANumber: (name: string, property: string, value: unknown): Message => ({
    code: 'chart-compile',
    message: `Chart "${name}": "${property}" is ${JSON.stringify(value)}, not a number.`,
    hint: `Write a number, e.g. "${property}": 8, or an expression, {"expr": "…"}. Vega-Lite passes mark properties on unchecked, and Vega may leave out, without a word, marks it cannot draw from them.`,
  }),
  chartCompile: (name: string, detail: string): Message => {
    const hint = vegaHints.find(([pattern]) => pattern.test(detail))?.[1];
    return {
      code: 'chart-compile',
      message: `Chart "${name}" could not be rendered: ${detail}`,
      ...(hint ? { hint } : {}),
    };
  },
  pptxPartTooLarge: (part: string, limit: number): Message =>
    syntax(
      'PPTX',
      `part "${part}" inflates to more than the ${limit / 2 ** 20} MB a part may hold`,
    ),
  pptxPartUnreadable: (part: string, reason: string): Message =>
    syntax('PPTX', `part "${part}" cannot be read: ${reason}`),
  templateFile: (file: string, detail: string): Message => ({
    code: 'template-file',
    message: `Template file "${file}" cannot be used: ${detail}.`,
    hint: 'A template reads only regular files inside its own folder; copy the file in instead of linking to it.',
  }),
  imagePath: (src: string, detail: string): Message => ({
    code: 'image-path',
    message: `Picture "${src}" cannot be used: ${detail}.`,
    hint: 'Put pictures in the template folder and refer to them by a relative path, e.g. images/photo.png.',
  }),
  /**
   * `opening`: the text's first words, to find it by, since it may come from the data;
   * `field`: where the data writes the longest part of it.
   */
  textOverflow: (layout: string, box: string, opening?: string, field?: Place): Message => ({
    code: 'text-overflow',
    message: `The "${box}" text of this ${layout} slide${opening ? ` ("${opening}")` : ''} does not fit, even at the smallest allowed size.`,
    hint: field
      ? `Shorten the text or split it over two slides. Its longest part from the data is at ${formatPlace(field)}.`
      : 'Shorten the text or split it over two slides.',
  }),
  illegalCharacters: (): Message => ({
    code: 'illegal-characters',
    message: 'Removed control or unpaired surrogate characters that cannot appear in documents.',
  }),
  badLocale: (found: string): Message => ({
    code: 'locale',
    message: `"${found}" is not a language tag.`,
    hint: 'Use a BCP 47 tag such as en-US, de-DE or zh-CN.',
  }),
  badDate: (found: string): Message => ({
    code: 'date',
    message: `"${found}" is not a date.`,
    hint: 'Write report.date as YYYY-MM-DD, a day that exists, such as 2025-07-20.',
  }),
  badSourceDateEpoch: (found: string): Message => ({
    code: 'source-date-epoch',
    message: `SOURCE_DATE_EPOCH "${found}" is not a time briefkit can embed.`,
    hint: 'Set it to whole seconds since 1970-01-01 UTC, before the year 10000, such as 1767225600; or unset it.',
  }),
  buildOption: (
    name: string,
    found: unknown,
    allowed: readonly (string | number | boolean)[],
    list: boolean,
  ): Message => ({
    code: 'build-option',
    message: `Build option ${name} cannot be ${shown(found)}.`,
    hint: `Use ${list ? 'a list of one or more of' : 'one of'} ${allowed.map(shown).join(', ')}${list ? ', or leave it out for all of them' : ''}.`,
  }),
  handoutNotesNeedThree: (handout: unknown): Message => ({
    code: 'build-option',
    message: `Build option handoutNotes needs handout 3, not ${shown(handout)}: only that handout has room beside each slide.`,
  }),
  badArgument: (detail: string): Message => ({
    code: 'usage',
    message: detail,
    hint: usageHint('briefkit'),
  }),
  dataLimit: (detail: string, hint: string): Message => ({
    code: 'data-limit',
    message: detail,
    hint,
  }),
  badNumber: (found: string, largest: number): Message => ({
    code: 'bad-number',
    message: `Numbers must be finite and at most ${largest.toExponential().replace('e+', 'e')} in size; found ${found}.`,
    hint: 'Use a larger unit (e.g. billion tonnes), or quote the value if it is a code rather than a number.',
  }),
  dataFile: (ref: string, detail: string): Message => ({
    code: 'data-file',
    message: `Table "${ref}" cannot be used: ${detail}.`,
    hint: 'Refer to a .csv file in the dataset’s folder by a relative path, e.g. figures: !csv figures.csv',
  }),
  // Batch builds (`build --each`).
  eachFormat: (file: string): Message => ({
    code: 'each-format',
    message: `Cannot tell the format of "${file}" from its name.`,
    hint: 'Use a .csv file with a header row, or a .json file holding an array of objects.',
  }),
  eachTooLarge: (file: string, limitMb: number): Message => ({
    code: 'each-too-large',
    message: `"${file}" is larger than ${limitMb} MB; JSON record files are read whole.`,
    hint: 'Use a CSV file: it is read as a stream, however long.',
  }),
  notAnArray: (found: string): Message => ({
    code: 'each-format',
    message: `Expected a JSON array of records, found ${found}.`,
    hint: 'Write the records as [{"prepared_for": "…"}, …].',
  }),
  noRecords: (): Message => ({
    code: 'no-records',
    message: 'No records, so there is nothing to build.',
    hint: 'A CSV needs a header row and a row per record; a JSON file, an array holding at least one object.',
  }),
  notAnObject: (found: string): Message => ({
    code: 'each-record',
    message: `A record must be an object of fields, not ${found}.`,
  }),
  nameField: (field: string, known: readonly string[]): Message => ({
    code: 'name-field',
    message: `--name uses {{${field}}}, but this record has no text, number or true/false field "${field}".`,
    hint: known.length
      ? `Fields of this record: ${known.join(', ')}.`
      : 'This record has no fields.',
  }),
  nameFieldInNoRecord: (field: string, known: readonly string[]): Message => ({
    code: 'name-field',
    message: `--name uses {{${field}}}, but no record has a text, number or true/false field "${field}".`,
    hint: known.length
      ? `Fields of the records: ${known.join(', ')}.`
      : 'The records have no fields.',
  }),
  nameEmpty: (pattern: string): Message => ({
    code: 'name-empty',
    message: `--name "${pattern}" gives this record an empty folder name.`,
  }),
  nameCollision: (first: NamedRecord, second: NamedRecord, fieldless: boolean): Message => ({
    code: 'name-collision',
    message:
      first.name === second.name
        ? `${first.label} and ${second.label} both get the folder "${first.name}".`
        : `${first.label} gets the folder "${first.name}" and ${second.label} "${second.name}", the same folder on case-insensitive file systems (macOS, Windows).`,
    hint: fieldless
      ? '--name names no field, so every record gets the same folder: write fields in double braces, e.g. {{school}}-{{class}}.'
      : 'Make --name unique for every record, e.g. add a column such as {{id}}. Names that differ only in case collide too.',
  }),
  nameReserved: (name: string, record: string): Message => ({
    code: 'name-collision',
    message: `${record} gets the folder "${name}", the name of the batch's manifest.`,
    hint: 'Make --name give this record another name; manifest.json lists what the batch built. Names that differ only in case collide too.',
  }),
  folderInTheWay: (target: string): Message => ({
    code: 'output-path',
    message: `Cannot write "${target}": a folder of that name is in the way.`,
    hint: 'Move or rename the folder, or choose another --out.',
  }),
  outputFolder: (folder: string, { reason, hint }: OutputRefusal): Message => ({
    code: 'output-path',
    message: `Cannot write to the output folder "${folder}": ${reason}.`,
    hint,
  }),
} satisfies Record<string, (...args: never[]) => Message>;

/** Why an output folder cannot be written, in plain words, and what to do about it. */
export interface OutputRefusal {
  reason: string;
  hint: string;
}

const elsewhere = 'Choose another --out.';
const notWritable = 'Choose another --out, or make this folder one you can write to.';
const fileInTheWay = 'Move the file out of the way, or choose another --out.';

/** The refusal for each system error code met while writing outputs. */
export const outputFolderReasons = {
  byCode: {
    EACCES: { reason: 'permission denied', hint: notWritable },
    EPERM: { reason: 'permission denied', hint: notWritable },
    EBUSY: { reason: 'a file is in use', hint: notWritable },
    EROFS: {
      reason: 'the file system is read-only',
      hint: 'Choose another --out, on a disk you can write to.',
    },
    ENOSPC: {
      reason: 'the disk is full',
      hint: 'Free some space on the disk, or choose another --out on a disk with room.',
    },
    EDQUOT: {
      reason: 'the disk quota is used up',
      hint: 'Free some space within your quota, or choose another --out outside it.',
    },
    ENOENT: { reason: 'a folder cannot be created there', hint: elsewhere },
    ENOTDIR: { reason: 'part of its path is a file, not a folder', hint: fileInTheWay },
    EEXIST: { reason: 'a file of that name is in the way', hint: fileInTheWay },
    ENAMETOOLONG: {
      reason: 'a name in its path is too long',
      hint: 'Choose a shorter --out, nearer the top of the disk.',
    },
    EFBIG: {
      reason: 'a file would be larger than the system allows',
      hint: 'Choose another --out, on a disk that takes larger files.',
    },
  } as Record<string, OutputRefusal>,
  /** A rename over an earlier output refused: most often a program has that file open. */
  cannotReplace: (file: string, why: string): OutputRefusal => ({
    reason: `"${file}" in it cannot be replaced (${why})`,
    hint: 'Close it in any program that has it open (a PDF viewer or PowerPoint), or make it writable, then build again.',
  }),
  fileInPath: (file: string, folder: string): OutputRefusal => ({
    reason: file === folder ? 'it is a file' : `"${file}" is a file, not a folder`,
    hint: fileInTheWay,
  }),
  other: (code: string): OutputRefusal => ({
    reason: `the system refused (${code})`,
    hint: elsewhere,
  }),
};

/** Where usage is explained, with the command as the user runs it (`node …/cli.js` from a checkout). */
export const usageHint = (command: string): string => `Run \`${command} --help\` for usage.`;

/** What is wrong with the command line, for badArgument (exit 2). */
export const usageProblems = {
  noCommand: () => 'No command given.',
  unknownCommand: (words: string) => `Unknown command "${words}".`,
  helpTakesOne: () => 'help takes one COMMAND, e.g. help build.',
  unknownOption: (option: string) => `Unknown option "${option}".`,
  takesNoValue: (option: string) => `Option ${option} takes no value.`,
  needsValue: (option: string) => `Option ${option} needs a value.`,
  givenTwice: (option: string) => `Option ${option} is given twice; give it once.`,
  /** `--data --out x`: the value looks like the next option. */
  needsValueNotOption: (option: string) =>
    `Option ${option} needs a value; write ${option}=VALUE for a value that starts with "-".`,
  /** A word after a command that takes only options (`build data.yaml`). */
  unexpectedArgument: (command: string, argument: string) =>
    `Unexpected argument "${argument}": ${command} takes only options; name a dataset with --data FILE, a template with --template DIR.`,
  inspectTakesOne: () => 'inspect takes one FILE (a .pptx or .pdf).',
  initTakesOne: () => 'init takes one DIR, a new or empty folder.',
  paper: (value: string | undefined) => `--paper must be a4 or letter, not "${value}".`,
  handout: (value: string | undefined) => `--handout must be 2, 3 or 6, not "${value}".`,
  handoutNotes: (because: string) =>
    `--handout-notes needs 3 slides a page: only that handout has room beside each slide${because}.`,
  jobs: (value: string | undefined) =>
    `--jobs must be a whole number from 1 to 256, not "${value}".`,
  batchOnly: () => '--name and --jobs only apply with --each FILE.',
  notInBatch: (flags: string[]) =>
    `${flags.join(' and ')} ${flags.length > 1 ? 'do' : 'does'} not apply with --each: a batch writes each record's briefing.pptx and summary.pdf, not handouts.`,
};

/** The last word on a batch stopped by a write no record could escape. */
export const batchStopped = (reason: string, unbuilt: number): string =>
  `Stopped: ${reason}, so no other record could be written; ${unbuilt} record${unbuilt === 1 ? ' was' : 's were'} left unbuilt, and no manifest was written.`;
