// Minimal typings for the parts of untyped dependencies that briefkit uses.

declare module 'linebreak' {
  interface Break {
    position: number;
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}

declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

/** png-js, which pdfkit decodes PNG pictures with: tests watch its decoder. */
declare module 'png-js' {
  export default class PNG {
    decodePixels(fn: (pixels: Uint8Array) => void): void;
  }
}
