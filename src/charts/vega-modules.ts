/**
 * Vega and Vega-Lite, the largest part of briefkit, in a module of their own: the CLI
 * bundles them into a separate script (dist/vega.cjs), with its own code cache, that only
 * builds drawing a chart load.
 */
export * as vega from 'vega';
export * as vegaLite from 'vega-lite';
