// Stands in for vega-canvas in the bundle: briefkit renders charts to SVG and measures
// text with its own fonts, so Vega never needs node-canvas.
export function canvas() {
  return null;
}
export function image() {
  return null;
}
