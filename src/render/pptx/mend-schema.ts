/**
 * What pptxgenjs writes against the OOXML schema, mended. Parts the schema rejects risk
 * PowerPoint's repair prompt (a chart naming an axis it never defines triggers it: pptxgenjs
 * issue #1534), so every deck the tests build is checked with the Open XML SDK's validator.
 * pptxgenjs writes these parts from fixed templates and escapes user text in them, so the
 * tags matched here are always its own.
 */
/** A chart's own part (not its relationships or workbook). */
export const CHART_PART = /^ppt\/charts\/chart\d+\.xml$/;

export function mendSchema(name: string, xml: string): string {
  if (name === 'ppt/presentation.xml') return notesMasterAfterSlideMasters(xml);
  if (CHART_PART.test(name)) return mendChart(xml);
  return xml;
}

/** The notes master list goes right after the slide masters, not after the slide size. */
function notesMasterAfterSlideMasters(xml: string): string {
  const notes = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/.exec(xml)?.[0];
  if (!notes) return xml;
  return xml.replace(notes, '').replace('</p:sldMasterIdLst>', `</p:sldMasterIdLst>${notes}`);
}

function mendChart(xml: string): string {
  return axisElements(definedAxesOnly(lineGrouping(seriesElements(xml))));
}

/** 2-D bar, line and area charts name a third (series) axis that is never defined. */
function definedAxesOnly(xml: string): string {
  const defined = new Set(
    [...xml.matchAll(/<c:(?:catAx|valAx|dateAx|serAx)>\s*<c:axId val="(\d+)"\/>/g)].map(
      (m) => m[1],
    ),
  );
  return xml.replace(/<c:axId val="(\d+)"\/>/g, (axis, id: string) =>
    defined.has(id) ? axis : '',
  );
}

/** A line chart must state its grouping, first. */
function lineGrouping(xml: string): string {
  return xml.replace(
    /<c:lineChart>(?!\s*<c:grouping)/g,
    '<c:lineChart><c:grouping val="standard"/>',
  );
}

const LINE_OR_AREA_SERIES = /(<c:(lineChart|areaChart)>)([\s\S]*?)(<\/c:\2>)/g;
const MARKER = /<c:marker>[\s\S]*?<\/c:marker>/;

/**
 * Only bar series may say invertIfNegative; a line series' marker comes before its labels
 * (pptxgenjs writes it after them).
 */
function seriesElements(xml: string): string {
  return xml.replace(LINE_OR_AREA_SERIES, (_all, open: string, _kind, body: string, close) => {
    const series = body
      .replace(/<c:invertIfNegative val="\d"\/>/g, '')
      .replace(/<c:ser>[\s\S]*?<\/c:ser>/g, markerBeforeLabels);
    return `${open}${series}${close}`;
  });
}

function markerBeforeLabels(series: string): string {
  const marker = MARKER.exec(series)?.[0];
  const labels = series.indexOf('<c:dLbls>');
  if (!marker || labels < 0 || labels > series.indexOf(marker)) return series;
  const without = series.replace(marker, '');
  return `${without.slice(0, labels)}${marker}${without.slice(labels)}`;
}

/** A value axis (a scatter chart's x axis) has none of a category axis's label settings. */
function axisElements(xml: string): string {
  return xml.replace(/<c:valAx>[\s\S]*?<\/c:valAx>/g, (axis) =>
    axis.replace(/<c:(?:auto|lblAlgn|noMultiLvlLbl) val="[^"]*"\/>/g, ''),
  );
}
