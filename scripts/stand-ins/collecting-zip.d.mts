/** The subset of JSZip that pptxgenjs uses. */
export default class CollectingZip {
  constructor(files?: Map<string, Uint8Array>, prefix?: string);
  folder(name: string): CollectingZip;
  file(name: string, data: string | Uint8Array, options?: { base64?: boolean }): CollectingZip;
  generateAsync(options: { type: 'base64' | 'nodebuffer' }): Promise<string | Buffer>;
}
