import 'server-only';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import { parseTrueType, TrueTypeSubset } from './font-subset';

type TFontkit = Parameters<PDFDocument['registerFontkit']>[0];
type TParsedFont = ReturnType<TFontkit['create']>;

const parsedFonts = new Map<Uint8Array, TParsedFont>();

/**
 * fontkit for pdf-lib, made cheap to call once per certificate. Parsing DejaVu Sans, shaping
 * text and subsetting were nearly all of a certificate's render time. pdf-lib only reads the
 * parsed font (each document takes its own subset), so one parse serves every document, the
 * lines that every certificate of a session shares are shaped once, and subsets are cut from the
 * original bytes (see font-subset.ts).
 */
export const sharedFontkit: TFontkit = {
  create(data) {
    let font = parsedFonts.get(data);
    if (!font) {
      font = shared(fontkit.create(data), data);
      parsedFonts.set(data, font);
    }
    return font;
  },
};

/**
 * pdf-lib draws glyphs by their advance widths only, so the positioning features (kerning,
 * mark placement) would be computed and thrown away.
 */
export const FONT_FEATURES = { kern: false, mark: false, mkmk: false };

const SHAPING_CACHE_LIMIT = 5000;

function shared(font: TParsedFont, data: Uint8Array): TParsedFont {
  const shaped = new Map<string, ReturnType<TParsedFont['layout']>>();
  const layout: TParsedFont['layout'] = (text, features) => {
    const key = features ? `${JSON.stringify(features)}\u0000${text}` : text;
    let run = shaped.get(key);
    if (!run) {
      run = font.layout(text, features);
      if (shaped.size >= SHAPING_CACHE_LIMIT) shaped.clear();
      shaped.set(key, run);
    }
    return run;
  };
  const source = font.cff ? undefined : parseTrueType(data);
  const createSubset = source ? () => new TrueTypeSubset(source) : undefined;
  return new Proxy(font, {
    get(target, property) {
      if (property === 'layout') return layout;
      if (property === 'createSubset' && createSubset) return createSubset;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
