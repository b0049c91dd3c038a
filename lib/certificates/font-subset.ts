import 'server-only';
import { EventEmitter } from 'node:events';

/**
 * A TrueType subset built by copying bytes. fontkit's own subsetter decodes every glyph and
 * re-encodes the hinting tables value by value, which took more than half of each certificate's
 * render time; this one slices the glyphs out of the original file, renumbering the components
 * of composite glyphs. It writes the tables a PDF needs (head, hhea, maxp, loca, glyf, hmtx):
 * text is addressed by glyph id, so no cmap. Hinting (the cvt, fpgm and prep programs and each
 * glyph's instructions) is left out, as PDF-producing subsetters commonly do: it only snaps
 * outlines to a screen's pixel grid, and without it every font stream is a third smaller, which
 * is time saved compressing it in each certificate.
 */
export type TTrueTypeSource = {
  tables: Map<string, Uint8Array>;
  glyphOffsets: number[];
  numberOfHMetrics: number;
  /** Simple glyphs as written into subsets, prepared once per process. */
  preparedGlyphs: Map<number, Uint8Array>;
};

export function parseTrueType(bytes: Uint8Array): TTrueTypeSource | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, Uint8Array>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    tables.set(tag, bytes.subarray(offset, offset + view.getUint32(record + 12)));
  }
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const maxp = tables.get('maxp');
  const loca = tables.get('loca');
  if (!head || !hhea || !maxp || !loca || !tables.has('glyf') || !tables.has('hmtx')) return undefined;
  const numGlyphs = dataView(maxp).getUint16(4);
  const longOffsets = dataView(head).getInt16(50) === 1;
  const locaView = dataView(loca);
  const glyphOffsets = Array.from({ length: numGlyphs + 1 }, (_, i) => (longOffsets ? locaView.getUint32(i * 4) : locaView.getUint16(i * 2) * 2));
  return { tables, glyphOffsets, numberOfHMetrics: dataView(hhea).getUint16(34), preparedGlyphs: new Map() };
}

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;
const WE_HAVE_INSTRUCTIONS = 0x0100;

/** The object pdf-lib expects from `font.createSubset()`. */
export class TrueTypeSubset {
  readonly cff = false;
  private readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly source: TTrueTypeSource) {
    this.includeGlyph(0);
  }

  includeGlyph(glyph: number | { id: number }): number {
    const id = typeof glyph === 'number' ? glyph : glyph.id;
    let subsetId = this.mapping.get(id);
    if (subsetId === undefined) {
      subsetId = this.glyphs.length;
      this.glyphs.push(id);
      this.mapping.set(id, subsetId);
    }
    return subsetId;
  }

  encodeStream(): EventEmitter {
    const stream = new EventEmitter();
    // pdf-lib attaches its listeners after this returns.
    process.nextTick(() => {
      try {
        stream.emit('data', this.encode());
        stream.emit('end');
      } catch (error) {
        stream.emit('error', error);
      }
    });
    return stream;
  }

  encode(): Uint8Array {
    const { tables, glyphOffsets } = this.source;
    const glyf = tables.get('glyf')!;
    const pieces: Uint8Array[] = [];
    const offsets: number[] = [];
    let offset = 0;
    // Components found in composite glyphs join the list while it is walked.
    for (let i = 0; i < this.glyphs.length; i++) {
      const id = this.glyphs[i]!;
      let piece = glyf.subarray(glyphOffsets[id]!, glyphOffsets[id + 1]!);
      if (piece.length >= 10) piece = dataView(piece).getInt16(0) < 0 ? this.renumberComponents(piece) : this.simpleGlyph(id, piece);
      offsets.push(offset);
      pieces.push(piece);
      offset += align4(piece.length);
    }
    offsets.push(offset);
    const count = this.glyphs.length;

    const glyfOut = new Uint8Array(offset);
    pieces.forEach((piece, i) => glyfOut.set(piece, offsets[i]!));
    const loca = new Uint8Array(4 * (count + 1));
    const locaView = dataView(loca);
    offsets.forEach((o, i) => locaView.setUint32(4 * i, o));
    const hmtx = new Uint8Array(4 * count);
    const hmtxView = dataView(hmtx);
    this.glyphs.forEach((id, i) => {
      const [advance, bearing] = this.metrics(id);
      hmtxView.setUint16(4 * i, advance);
      hmtxView.setInt16(4 * i + 2, bearing);
    });
    const head = tables.get('head')!.slice();
    dataView(head).setUint32(8, 0);
    dataView(head).setInt16(50, 1);
    const hhea = tables.get('hhea')!.slice();
    dataView(hhea).setUint16(34, count);
    const maxp = tables.get('maxp')!.slice();
    dataView(maxp).setUint16(4, count);

    const out: [string, Uint8Array][] = [
      ['head', head],
      ['hhea', hhea],
      ['loca', loca],
      ['maxp', maxp],
      ['glyf', glyfOut],
      ['hmtx', hmtx],
    ];
    return writeFont(out);
  }

  private simpleGlyph(id: number, piece: Uint8Array): Uint8Array {
    const cache = this.source.preparedGlyphs;
    let prepared = cache.get(id);
    if (!prepared) {
      prepared = withoutInstructions(piece);
      cache.set(id, prepared);
    }
    return prepared;
  }

  /** A copy of a composite glyph whose component ids point into the subset, without its instructions. */
  private renumberComponents(original: Uint8Array): Uint8Array {
    const piece = original.slice();
    const view = dataView(piece);
    let at = 10;
    for (;;) {
      const flags = view.getUint16(at);
      view.setUint16(at, flags & ~WE_HAVE_INSTRUCTIONS);
      view.setUint16(at + 2, this.includeGlyph(view.getUint16(at + 2)));
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) at += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      if (!(flags & MORE_COMPONENTS)) return piece.subarray(0, at);
    }
  }

  private metrics(id: number): [advance: number, bearing: number] {
    const { tables, numberOfHMetrics } = this.source;
    const view = dataView(tables.get('hmtx')!);
    // Glyphs past the last full metric share its advance and keep only their own bearing.
    if (id < numberOfHMetrics) return [view.getUint16(4 * id), view.getInt16(4 * id + 2)];
    return [view.getUint16(4 * (numberOfHMetrics - 1)), view.getInt16(4 * numberOfHMetrics + 2 * (id - numberOfHMetrics))];
  }
}

const X_SHORT = 0x02;
const Y_SHORT = 0x04;
const REPEAT = 0x08;
const X_SAME_OR_POSITIVE = 0x10;
const Y_SAME_OR_POSITIVE = 0x20;

/**
 * A simple glyph without its instructions and without the padding after its last coordinate:
 * header and contour ends, an instruction length of zero, then the point flags and coordinates.
 */
function withoutInstructions(piece: Uint8Array): Uint8Array {
  const view = dataView(piece);
  const contours = view.getInt16(0);
  if (contours === 0) return piece;
  const lengthAt = 10 + 2 * contours;
  const points = view.getUint16(lengthAt - 2) + 1;
  const flagsAt = lengthAt + 2 + view.getUint16(lengthAt);
  let at = flagsAt;
  let coordinates = 0;
  for (let point = 0; point < points; ) {
    const flags = piece[at++]!;
    const times = flags & REPEAT ? piece[at++]! + 1 : 1;
    const x = flags & X_SHORT ? 1 : flags & X_SAME_OR_POSITIVE ? 0 : 2;
    const y = flags & Y_SHORT ? 1 : flags & Y_SAME_OR_POSITIVE ? 0 : 2;
    coordinates += (x + y) * times;
    point += times;
  }
  const outline = piece.subarray(flagsAt, at + coordinates);
  const stripped = new Uint8Array(lengthAt + 2 + outline.length);
  stripped.set(piece.subarray(0, lengthAt));
  stripped.set(outline, lengthAt + 2);
  return stripped;
}

function writeFont(tables: [string, Uint8Array][]): Uint8Array {
  tables.sort(([a], [b]) => (a < b ? -1 : 1));
  const count = tables.length;
  const headerLength = 12 + 16 * count;
  const total = tables.reduce((sum, [, data]) => sum + align4(data.length), headerLength);
  const font = new Uint8Array(total);
  const view = dataView(font);
  const entrySelector = Math.floor(Math.log2(count));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, count);
  view.setUint16(6, 16 * 2 ** entrySelector);
  view.setUint16(8, entrySelector);
  view.setUint16(10, 16 * count - 16 * 2 ** entrySelector);
  let offset = headerLength;
  let headOffset = 0;
  tables.forEach(([tag, data], i) => {
    const record = 12 + 16 * i;
    for (let c = 0; c < 4; c++) font[record + c] = tag.charCodeAt(c);
    font.set(data, offset);
    view.setUint32(record + 4, checksum(font, offset, data.length));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, data.length);
    if (tag === 'head') headOffset = offset;
    offset += align4(data.length);
  });
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(font, 0, total)) >>> 0);
  return font;
}

function checksum(bytes: Uint8Array, start: number, length: number): number {
  const view = dataView(bytes);
  let sum = 0;
  const end = start + align4(length);
  for (let at = start; at < end; at += 4) sum = (sum + view.getUint32(at)) >>> 0;
  return sum;
}

function align4(length: number): number {
  return (length + 3) & ~3;
}

function dataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
