import 'server-only';
import { formatInZone } from '@/lib/time/format-in-zone';
import { PageSizes, PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { TPaperSize } from '@/db/schema';
import { FONT_FEATURES, sharedFontkit } from '@/lib/certificates/shared-fontkit';
import { dejaVuSans, dejaVuSansBold } from '@/lib/pdf/fonts';
import { categoryLabel, formatHours, type THoursLedger } from './ledger';
import type { TMyCertificateDto } from './my-certificates';

export type TTranscriptInput = {
  holderName: string;
  email: string;
  /** Valid certificates only, in the order listed. */
  certificates: readonly TMyCertificateDto[];
  ledger: THoursLedger;
  paper: TPaperSize;
  /** The one thing on the page that is not from the records. */
  generatedAt: Date;
  /** Where certificates are verified, e.g. https://muster.example.org/verify. */
  verifyUrl: string;
};

const NAVY = rgb(0.09, 0.2, 0.36);
const INK = rgb(0.12, 0.12, 0.14);
const MUTED = rgb(0.36, 0.38, 0.42);
const RULE = rgb(0.8, 0.82, 0.86);

const MARGIN = 50;
const ROW = 13;
const BODY = 9;

type TFonts = { regular: PDFFont; bold: PDFFont };
type TColumn = { title: string; width: number; align?: 'right' };

/**
 * A person's training transcript: who, hours by credit category and year, and every valid
 * certificate with its code so each line can be verified. One page for any ordinary record; a
 * long one continues on further pages rather than leaving certificates out. Fixed metadata and
 * subset names: two transcripts generated at the same moment are the same bytes.
 */
export async function renderTranscriptPdf(input: TTranscriptInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  // The parsed font is shared with certificate rendering: parsing DejaVu is most of the cost.
  doc.registerFontkit(sharedFontkit);
  const fonts: TFonts = {
    regular: await doc.embedFont(dejaVuSans(), { subset: true, customName: 'MUSTTA+DejaVuSans', features: FONT_FEATURES }),
    bold: await doc.embedFont(dejaVuSansBold(), { subset: true, customName: 'MUSTTB+DejaVuSans-Bold', features: FONT_FEATURES }),
  };
  const size = input.paper === 'letter' ? PageSizes.Letter : PageSizes.A4;
  const writer = new PageWriter(doc, fonts, size);

  writer.text('Training transcript', fonts.bold, 22, NAVY);
  writer.gap(6);
  writer.paragraph(input.holderName, fonts.bold, 15, INK);
  writer.text(input.email, fonts.regular, 10, MUTED);
  writer.text(`Generated ${formatInZone(input.generatedAt, 'UTC', 'd MMMM yyyy, H:mm')} UTC`, fonts.regular, 10, MUTED);
  writer.gap(14);

  writer.text('Hours by credit category', fonts.bold, 12, NAVY);
  writer.gap(2);
  const summary: TColumn[] = [{ title: 'Credit category', width: 300 }, { title: 'Hours', width: 60, align: 'right' }];
  writer.header(summary);
  for (const row of input.ledger.categories) writer.row(summary, [categoryLabel(row.category), formatHours(row.hours)]);
  writer.row(summary, ['Total', formatHours(input.ledger.total)], fonts.bold);
  if (input.ledger.years.length > 0) {
    writer.gap(6);
    const years = input.ledger.years.map((y) => `${y.year}: ${formatHours(y.total)} h`).join(' · ');
    writer.paragraph(`By year: ${years}`, fonts.regular, BODY, INK);
  }
  writer.gap(14);

  writer.text('Certificates', fonts.bold, 12, NAVY);
  writer.gap(2);
  if (input.certificates.length === 0) {
    writer.text('No certificates yet.', fonts.regular, BODY, INK);
  } else {
    const rows = input.certificates.map((c) => [
      formatInZone(new Date(c.sessionStartsAt), c.timeZone, 'd MMM yyyy'),
      c.workshopTitle,
      categoryLabel(c.creditCategory),
      formatHours(c.hours),
      c.code,
    ]);
    // Dates, hours and codes are never shortened: their columns take what they need, the workshop the rest.
    const measure = (i: number, title: string) =>
      Math.max(fonts.bold.widthOfTextAtSize(title, BODY), ...rows.map((r) => fonts.regular.widthOfTextAtSize(r[i]!, BODY))) + 8;
    const date = measure(0, 'Date');
    const hours = measure(3, 'Hours');
    const code = measure(4, 'Code');
    const category = Math.min(110, measure(2, 'Category'));
    const list: TColumn[] = [
      { title: 'Date', width: date },
      { title: 'Workshop', width: size[0] - 2 * MARGIN - date - category - hours - code },
      { title: 'Category', width: category },
      { title: 'Hours', width: hours, align: 'right' },
      { title: 'Code', width: code },
    ];
    writer.header(list);
    for (const row of rows) writer.row(list, row);
  }
  writer.gap(14);
  writer.paragraph(`Each certificate can be checked with its code at ${input.verifyUrl}.`, fonts.regular, BODY, MUTED);

  doc.setTitle(`Training transcript: ${input.holderName}`);
  doc.setAuthor('Muster');
  doc.setCreator('Muster');
  doc.setProducer('Muster (pdf-lib)');
  doc.setLanguage('en');
  doc.setCreationDate(input.generatedAt);
  doc.setModificationDate(input.generatedAt);
  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
}

/** Writes top to bottom, starting a new page when the next line would cross the bottom margin. */
class PageWriter {
  private page: PDFPage;
  private y: number;
  private lastHeader: TColumn[] | undefined;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: TFonts,
    private readonly size: [number, number],
  ) {
    this.page = doc.addPage(size);
    this.y = size[1] - MARGIN;
  }

  gap(points: number) {
    this.y -= points;
  }

  text(text: string, font: PDFFont, size: number, color = INK) {
    this.room(size * 1.3);
    this.y -= size;
    this.page.drawText(fit(text, font, size, this.size[0] - 2 * MARGIN), { x: MARGIN, y: this.y, size, font, color });
    this.y -= size * 0.3;
  }

  paragraph(text: string, font: PDFFont, size: number, color = INK) {
    const maxWidth = this.size[0] - 2 * MARGIN;
    let line = '';
    for (const word of text.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(next, size) > maxWidth) {
        this.text(line, font, size, color);
        line = word;
      } else line = next;
    }
    if (line) this.text(line, font, size, color);
  }

  header(columns: TColumn[]) {
    this.lastHeader = columns;
    this.room(ROW * 2);
    this.cells(columns, columns.map((c) => c.title), this.fonts.bold, MUTED);
    this.page.drawLine({ start: { x: MARGIN, y: this.y - 1 }, end: { x: this.size[0] - MARGIN, y: this.y - 1 }, thickness: 0.5, color: RULE });
    this.y -= 2;
  }

  row(columns: TColumn[], values: string[], font = this.fonts.regular) {
    if (this.y - ROW < MARGIN) {
      this.newPage();
      if (this.lastHeader === columns) this.header(columns);
    }
    this.cells(columns, values, font, INK);
  }

  private cells(columns: TColumn[], values: string[], font: PDFFont, color: typeof INK) {
    this.y -= ROW;
    let x = MARGIN;
    columns.forEach((column, i) => {
      const text = fit(values[i] ?? '', font, BODY, column.width - 6);
      const width = font.widthOfTextAtSize(text, BODY);
      this.page.drawText(text, { x: column.align === 'right' ? x + column.width - 6 - width : x, y: this.y + 3, size: BODY, font, color });
      x += column.width;
    });
  }

  private room(height: number) {
    if (this.y - height < MARGIN) this.newPage();
  }

  private newPage() {
    this.page = this.doc.addPage(this.size);
    this.y = this.size[1] - MARGIN;
  }
}

/** The text, shortened with an ellipsis when it is wider than the room (the code on the line identifies it in full). */
function fit(text: string, font: PDFFont, size: number, maxWidth: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (font.widthOfTextAtSize(clean, size) <= maxWidth) return clean;
  const chars = [...clean];
  while (chars.length > 0 && font.widthOfTextAtSize(`${chars.join('').trimEnd()}…`, size) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
