import 'server-only';
import { formatInZone } from '@/lib/time/format-in-zone';
import { PageSizes, PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { TCertificate } from '@/db/schema';
import { getEnv } from '@/lib/config/env';
import { dejaVuSans, dejaVuSansBold } from '@/lib/pdf/fonts';
import { formatLongDate, zoneAbbreviation } from '@/lib/time/zoned';
import { formatCertificateCode } from './code';
import { qrCodeOperators } from './qr';
import { FONT_FEATURES, sharedFontkit } from './shared-fontkit';

export type TCertificatePrint = Pick<
  TCertificate,
  | 'code'
  | 'holderName'
  | 'workshopTitle'
  | 'sessionStartsAt'
  | 'sessionEndsAt'
  | 'timeZone'
  | 'hours'
  | 'creditCategory'
  | 'facilitators'
  | 'partnerAgency'
  | 'issuer'
  | 'issuedAt'
  | 'paper'
>;

// Subset tags are fixed: pdf-lib would otherwise add a suffix of its own to each font name.
const REGULAR_NAME = 'MUSTRA+DejaVuSans';
const BOLD_NAME = 'MUSTRB+DejaVuSans-Bold';

const NAVY = rgb(0.09, 0.2, 0.36);
const INK = rgb(0.12, 0.12, 0.14);
const MUTED = rgb(0.36, 0.38, 0.42);

/** "Tuesday 3 March 2026, 9:00–12:30 CST", or both days, each with its zone, for a session that runs over midnight. */
export function formatCertificateDates(startsAt: Date, endsAt: Date, timeZone: string): string {
  const time = (d: Date) => formatInZone(d, timeZone, 'H:mm');
  const zone = zoneAbbreviation(startsAt, timeZone);
  const endZone = zoneAbbreviation(endsAt, timeZone);
  const startDay = formatLongDate(startsAt, timeZone);
  const endDay = formatLongDate(endsAt, timeZone);
  if (startDay === endDay && zone === endZone) return `${startDay}, ${time(startsAt)}–${time(endsAt)} ${zone}`;
  return `${startDay}, ${time(startsAt)} ${zone} – ${endDay}, ${time(endsAt)} ${endZone}`;
}

/** "3.5 hours · Trauma-informed practice"; "1 hour" when there is no category. */
export function formatCertificateHours(hours: number, creditCategory: string): string {
  const amount = Number(hours.toFixed(2));
  const text = `${amount} ${amount === 1 ? 'hour' : 'hours'}`;
  return creditCategory ? `${text} · ${creditCategory}` : text;
}

export function verificationUrl(code: string): string {
  return `${getEnv().APP_URL.replace(/\/+$/, '')}/verify/${formatCertificateCode(code)}`;
}

/**
 * The certificate as a PDF. Everything printed, and the document's metadata, comes from the
 * record, so the same record always gives the same bytes and the stored SHA-256 can tell an
 * issued file from an edited one.
 */
export async function renderCertificatePdf(c: TCertificatePrint): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(sharedFontkit);
  const fonts = {
    regular: await doc.embedFont(dejaVuSans(), { subset: true, customName: REGULAR_NAME, features: FONT_FEATURES }),
    bold: await doc.embedFont(dejaVuSansBold(), { subset: true, customName: BOLD_NAME, features: FONT_FEATURES }),
  };
  const [height, width] = c.paper === 'letter' ? PageSizes.Letter : PageSizes.A4;
  const page = doc.addPage([width, height]);
  const url = verificationUrl(c.code);

  drawBorder(page);
  drawBody(page, fonts, c);
  drawFooter(page, fonts, c, url);

  const code = formatCertificateCode(c.code);
  doc.setTitle(`Certificate of attendance: ${printable(c.holderName)}`);
  doc.setAuthor(c.issuer);
  doc.setSubject(`${c.workshopTitle}. Certificate ${code}, verify at ${url}`);
  doc.setCreator('Muster');
  doc.setProducer('Muster (pdf-lib)');
  doc.setLanguage('en');
  doc.setCreationDate(c.issuedAt);
  doc.setModificationDate(c.issuedAt);
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}

type TFonts = { regular: PDFFont; bold: PDFFont };

function drawBorder(page: PDFPage) {
  const { width, height } = page.getSize();
  page.drawRectangle({ x: 20, y: 20, width: width - 40, height: height - 40, borderColor: NAVY, borderWidth: 2.5 });
  page.drawRectangle({ x: 27, y: 27, width: width - 54, height: height - 54, borderColor: NAVY, borderWidth: 0.75 });
}

type TBlock = {
  text: string;
  font: keyof TFonts;
  size: number;
  /** The smallest size the block may shrink to before it wraps. */
  minSize?: number;
  maxLines: number;
  gapBefore: number;
  color: RGB;
};

const MARGIN_X = 70;
const BODY_TOP_INSET = 62;
/** Room kept under the body for the issuer, the code and the QR code. */
const FOOTER_HEIGHT = 185;
const LINE_HEIGHT = 1.22;

function drawBody(page: PDFPage, fonts: TFonts, c: TCertificatePrint) {
  const { width, height } = page.getSize();
  const blocks: TBlock[] = [
    { text: 'Certificate of attendance', font: 'bold', size: 30, maxLines: 1, gapBefore: 0, color: NAVY },
    { text: 'This is to certify that', font: 'regular', size: 13, maxLines: 1, gapBefore: 20, color: MUTED },
    { text: c.holderName, font: 'bold', size: 36, minSize: 18, maxLines: 2, gapBefore: 12, color: INK },
    { text: 'attended', font: 'regular', size: 13, maxLines: 1, gapBefore: 12, color: MUTED },
    { text: c.workshopTitle, font: 'bold', size: 22, minSize: 13, maxLines: 3, gapBefore: 8, color: NAVY },
    { text: formatCertificateDates(c.sessionStartsAt, c.sessionEndsAt, c.timeZone), font: 'regular', size: 13, maxLines: 2, gapBefore: 12, color: INK },
    { text: formatCertificateHours(c.hours, c.creditCategory), font: 'bold', size: 15, minSize: 11, maxLines: 2, gapBefore: 14, color: INK },
  ];
  if (c.partnerAgency) blocks.push({ text: `Joint session with ${c.partnerAgency}`, font: 'regular', size: 12, minSize: 9, maxLines: 2, gapBefore: 12, color: INK });
  if (c.facilitators) blocks.push({ text: `Facilitated by ${c.facilitators}`, font: 'regular', size: 12, minSize: 9, maxLines: 2, gapBefore: c.partnerAgency ? 4 : 12, color: INK });

  const maxWidth = width - 2 * MARGIN_X;
  const top = height - BODY_TOP_INSET;
  const available = top - FOOTER_HEIGHT;
  // Everything shrinks together, so a long name and a long title still leave the page balanced.
  let laidOut = blocks.map((block) => layOut(block, fonts[block.font], maxWidth, 1));
  for (let scale = 0.95; totalHeight(laidOut) > available && scale >= 0.5; scale -= 0.05) {
    laidOut = blocks.map((block) => layOut(block, fonts[block.font], maxWidth, scale));
  }

  // Short content sits a little below the top rather than leaving all the space above the footer.
  let y = top - Math.max(0, available - totalHeight(laidOut)) * 0.4;
  for (const block of laidOut) {
    y -= block.gapBefore;
    for (const line of block.lines) {
      y -= block.size;
      page.drawText(line.text, { x: (width - line.width) / 2, y, size: block.size, font: block.font, color: block.color });
      y -= block.size * (LINE_HEIGHT - 1);
    }
  }
}

type TLaidOutBlock = { font: PDFFont; size: number; gapBefore: number; color: RGB; lines: { text: string; width: number }[] };

function totalHeight(blocks: TLaidOutBlock[]): number {
  return blocks.reduce((sum, b) => sum + b.gapBefore + b.lines.length * b.size * LINE_HEIGHT, 0);
}

/**
 * The largest size (down to the block's minimum) at which the text fits on one line, then on up
 * to `maxLines` lines; past that the minimum size with as many lines as it takes.
 */
function layOut(block: TBlock, font: PDFFont, maxWidth: number, scale: number): TLaidOutBlock {
  const text = printable(block.text);
  const words = text.split(' ');
  // Widths scale with the size, so each word is measured once.
  const wordWidths = words.map((word) => font.widthOfTextAtSize(word, 1));
  const spaceWidth = font.widthOfTextAtSize(' ', 1);
  const base = { font, gapBefore: block.gapBefore * scale, color: block.color };
  const largest = block.size * scale;
  const smallest = (block.minSize ?? block.size) * scale;
  const oneLine = wordWidths.reduce((sum, w) => sum + w, 0) + spaceWidth * (words.length - 1);
  // Without kerning (see FONT_FEATURES) a line is exactly as wide as its words and spaces.
  const fit = maxWidth;
  if (oneLine * smallest <= fit) {
    const size = Math.min(largest, fit / oneLine);
    return { ...base, size, lines: [{ text, width: font.widthOfTextAtSize(text, size) }] };
  }
  for (let size = largest; size >= smallest - 0.01; size -= 0.5) {
    const lines = wrap(words, wordWidths, spaceWidth, fit / size);
    if (lines.length <= block.maxLines || size - 0.5 < smallest - 0.01) {
      return { ...base, size, lines: lines.flatMap((line) => splitLongWord(line, font, size, fit)) };
    }
  }
  throw new Error('unreachable: the loop returns at its last size');
}

function wrap(words: string[], widths: number[], spaceWidth: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let lineWidth = 0;
  words.forEach((word, i) => {
    const added = (line.length ? spaceWidth : 0) + widths[i]!;
    if (line.length && lineWidth + added > maxWidth) {
      lines.push(line.join(' '));
      line = [word];
      lineWidth = widths[i]!;
    } else {
      line.push(word);
      lineWidth += added;
    }
  });
  if (line.length) lines.push(line.join(' '));
  return lines;
}

/** A single word wider than the page (a long hyphenless name) is broken between characters. */
function splitLongWord(line: string, font: PDFFont, size: number, maxWidth: number): { text: string; width: number }[] {
  const width = font.widthOfTextAtSize(line, size);
  if (width <= maxWidth) return [{ text: line, width }];
  const pieces: { text: string; width: number }[] = [];
  let piece = '';
  for (const char of line) {
    if (piece && font.widthOfTextAtSize(piece + char, size) > maxWidth) {
      pieces.push({ text: piece, width: font.widthOfTextAtSize(piece, size) });
      piece = '';
    }
    piece += char;
  }
  if (piece) pieces.push({ text: piece, width: font.widthOfTextAtSize(piece, size) });
  return pieces;
}

const QR_SIZE = 104;
const FOOTER_BOTTOM = 44;

function drawFooter(page: PDFPage, fonts: TFonts, c: TCertificatePrint, url: string) {
  const { width } = page.getSize();
  const left = MARGIN_X - 14;
  const right = width - MARGIN_X + 14;
  const columnWidth = width / 2 - left;

  const qrX = right - QR_SIZE;
  const qrY = FOOTER_BOTTOM + 14;
  page.pushOperators(...qrCodeOperators(url, { x: qrX, y: qrY, size: QR_SIZE }));
  const urlSize = fittedSize(url, fonts.regular, 7, 5, columnWidth);
  const urlWidth = fonts.regular.widthOfTextAtSize(url, urlSize);
  page.drawText(url, { x: right - urlWidth, y: FOOTER_BOTTOM, size: urlSize, font: fonts.regular, color: MUTED });
  const scanSize = 8;
  const scan = 'Scan or visit to verify';
  page.drawText(scan, { x: right - fonts.regular.widthOfTextAtSize(scan, scanSize), y: qrY + QR_SIZE + 4, size: scanSize, font: fonts.regular, color: MUTED });

  // Listed top to bottom, drawn upwards from the bottom edge.
  const lines: { text: string; font: PDFFont; size: number; minSize: number; color: RGB; gapBelow: number }[] = [
    { text: `Issued by ${c.issuer}`, font: fonts.regular, size: 11, minSize: 7, color: INK, gapBelow: 4 },
    { text: `on ${formatLongDate(c.issuedAt, c.timeZone)}`, font: fonts.regular, size: 11, minSize: 11, color: INK, gapBelow: 16 },
    { text: 'Certificate code', font: fonts.regular, size: 9, minSize: 9, color: MUTED, gapBelow: 5 },
    { text: formatCertificateCode(c.code), font: fonts.bold, size: 17, minSize: 17, color: INK, gapBelow: 0 },
  ];
  let y = FOOTER_BOTTOM;
  for (const line of lines.toReversed()) {
    y += line.gapBelow;
    const text = printable(line.text);
    const size = fittedSize(text, line.font, line.size, line.minSize, columnWidth);
    page.drawText(text, { x: left, y, size, font: line.font, color: line.color });
    y += size;
  }
}

/**
 * One line of text as typed, with composed accents: a name stored with combining marks then
 * prints with the font's own accented letters and reads back as the same characters.
 */
function printable(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function fittedSize(text: string, font: PDFFont, size: number, minSize: number, maxWidth: number): number {
  const width = font.widthOfTextAtSize(text, size);
  return width <= maxWidth ? size : Math.max(minSize, (size * maxWidth) / width);
}
