import JSZip from 'jszip';

/**
 * Makes pptxgenjs output reproducible and repair-free:
 * - fixed dates in docProps/core.xml, in each chart's embedded workbook, and on zip entries;
 * - charts renumbered from 1 (pptxgenjs counts charts per process, not per deck);
 * - [Content_Types].xml lists only parts that exist (upstream lists a master per slide);
 * - entries in a fixed order, DEFLATE-compressed.
 */
export async function normalizePptx(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, Uint8Array | string>();
  const renames = chartRenames(Object.keys(zip.files));
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    const target = rename(name, renames);
    if (name.endsWith('.xlsx')) {
      files.set(target, await normalizeWorkbook(await entry.async('uint8array'), date));
    } else if (/\.(xml|rels)$/.test(name)) {
      files.set(target, rename(fixDates(await entry.async('string'), date), renames));
    } else {
      files.set(target, await entry.async('uint8array'));
    }
  }
  const types = files.get('[Content_Types].xml');
  if (typeof types === 'string') files.set('[Content_Types].xml', pruneContentTypes(types, files));
  return zipFiles(files, date);
}

async function normalizeWorkbook(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, Uint8Array | string>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    files.set(
      name,
      name.endsWith('.xml')
        ? fixDates(await entry.async('string'), date)
        : await entry.async('uint8array'),
    );
  }
  return zipFiles(files, date);
}

function zipFiles(files: Map<string, Uint8Array | string>, date: Date): Promise<Uint8Array> {
  const out = new JSZip();
  const names = [...files.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names)
    out.file(name, files.get(name) as Uint8Array | string, { date, createFolders: false });
  return out.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'UNIX',
  });
}

/** [Content_Types].xml first, as Office writes it; then by name. */
function rank(name: string): number {
  return name === '[Content_Types].xml' ? 0 : 1;
}

function fixDates(xml: string, date: Date): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml.replace(
    /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
    `$1${iso}$2`,
  );
}

type Renames = Map<string, string>;

/** chart7.xml, chart9.xml → chart1.xml, chart2.xml, and their workbooks likewise. */
function chartRenames(names: string[]): Renames {
  const numbers = names
    .map((n) => /^ppt\/charts\/chart(\d+)\.xml$/.exec(n)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const renames: Renames = new Map();
  numbers.forEach((n, i) => {
    renames.set(`chart${n}.xml`, `chart${i + 1}.xml`);
    renames.set(`Microsoft_Excel_Worksheet${n}.xlsx`, `Microsoft_Excel_Worksheet${i + 1}.xlsx`);
  });
  return renames;
}

function rename(text: string, renames: Renames): string {
  if (renames.size === 0) return text;
  return text.replace(
    /(chart\d+\.xml|Microsoft_Excel_Worksheet\d+\.xlsx)/g,
    (m) => renames.get(m) ?? m,
  );
}

function pruneContentTypes(xml: string, files: Map<string, unknown>): string {
  return xml.replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (override, part: string) =>
    files.has(part) ? override : '',
  );
}
