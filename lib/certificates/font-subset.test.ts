import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { dejaVuSans, dejaVuSansBold } from '@/lib/pdf/fonts';
import { parseTrueType, TrueTypeSubset } from './font-subset';

// Accented capitals and Vietnamese letters are composite glyphs in DejaVu Sans (a base letter
// plus marks), some nested, so their component ids must be renumbered into the subset.
const TEXT = "Łukasz Żółć · Nguyễn Thị Minh Khai · Zoë O'Brien-Ånström · ǄŒÆ 0123456789 –“”";

describe.each([
  ['DejaVu Sans', dejaVuSans],
  ['DejaVu Sans Bold', dejaVuSansBold],
])('TrueTypeSubset of %s', (_name, fontBytes) => {
  const original = fontkit.create(fontBytes());

  function subsetOf(text: string) {
    const subset = new TrueTypeSubset(parseTrueType(fontBytes())!);
    const glyphs = original.layout(text).glyphs;
    const ids = glyphs.map((glyph) => subset.includeGlyph(glyph));
    return { glyphs, ids, font: fontkit.create(subset.encode()) };
  }

  it('draws every glyph with the original outline and advance', () => {
    const { glyphs, ids, font } = subsetOf(TEXT);
    expect(font.numGlyphs).toBeGreaterThanOrEqual(new Set(ids).size);
    glyphs.forEach((glyph, i) => {
      const copy = font.getGlyph(ids[i]!);
      expect(copy.path.toSVG(), String.fromCodePoint(...glyph.codePoints)).toBe(glyph.path.toSVG());
      expect(copy.advanceWidth).toBe(glyph.advanceWidth);
    });
  });

  it('keeps glyph 0 first and numbers glyphs in the order they were asked for', () => {
    const subset = new TrueTypeSubset(parseTrueType(fontBytes())!);
    const [a, b] = original.layout('AB').glyphs;
    expect(subset.includeGlyph(a!)).toBe(1);
    expect(subset.includeGlyph(b!)).toBe(2);
    expect(subset.includeGlyph(a!)).toBe(1);
  });

  it('is the same bytes for the same text', () => {
    const first = new TrueTypeSubset(parseTrueType(fontBytes())!);
    const second = new TrueTypeSubset(parseTrueType(fontBytes())!);
    for (const glyph of original.layout(TEXT).glyphs) {
      first.includeGlyph(glyph);
      second.includeGlyph(glyph);
    }
    expect(second.encode()).toEqual(first.encode());
  });
});
