/**
 * Reads a PDF back the way a reader application does (pdf.js), so tests can assert what a person
 * could select, search and copy from it, not what the code meant to draw.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A run of text as placed on the page, in points from the bottom left. */
export type TPdfTextItem = { text: string; x: number; y: number; width: number; height: number };
export type TPdfPage = { width: number; height: number; text: string; items: TPdfTextItem[] };
export type TPdfContents = { pages: TPdfPage[]; text: string; info: Record<string, unknown> };

export async function readPdf(bytes: Uint8Array): Promise<TPdfContents> {
  // pdf.js takes ownership of the buffer it is given; the copy leaves the caller's bytes intact.
  const loading = getDocument({ data: new Uint8Array(bytes), disableFontFace: true, isEvalSupported: false, useSystemFonts: false, verbosity: 0 });
  const document = await loading.promise;
  try {
    const pages: TPdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: TPdfTextItem[] = [];
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
        if (item.str.trim()) items.push({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height });
      }
      pages.push({ width, height, text, items });
    }
    const { info } = await document.getMetadata();
    return { pages, text: pages.map((p) => p.text).join('\n'), info: info as Record<string, unknown> };
  } finally {
    await loading.destroy();
  }
}

/** All the text of a PDF, in reading order, one line per line of print. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await readPdf(bytes)).text;
}
