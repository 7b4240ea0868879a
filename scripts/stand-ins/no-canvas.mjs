// Stands in for vega-canvas in the bundle: briefkit renders charts to SVG and into its own
// recording context (src/charts/scene-drawing.ts), and measures text with its own fonts, so
// Vega never needs node-canvas.
export function canvas() {
  return null;
}
export function image() {
  return null;
}
