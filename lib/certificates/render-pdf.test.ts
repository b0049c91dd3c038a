import { describe, expect, it } from 'vitest';
import { getEnv } from '@/lib/config/env';
import { readPdf } from '@/test/pdf-text';
import { formatCertificateCode } from './code';
import { sha256Hex } from './hash';
import { formatCertificateDates, formatCertificateHours, renderCertificatePdf, verificationUrl, type TCertificatePrint } from './render-pdf';

const record: TCertificatePrint = {
  code: '7K2Q9XWD4HPAM3TR',
  holderName: 'Alex Rivera',
  workshopTitle: 'Trauma-informed interviewing',
  sessionStartsAt: new Date('2026-03-03T15:00:00Z'),
  sessionEndsAt: new Date('2026-03-03T18:30:00Z'),
  timeZone: 'America/Chicago',
  hours: 3.5,
  creditCategory: 'Trauma-informed practice',
  facilitators: 'Dr Ana Ruiz, Sam Lee',
  partnerAgency: 'Riverside Police Department',
  issuer: 'Dr Ana Ruiz',
  issuedAt: new Date('2026-03-04T16:20:00Z'),
  paper: 'a4',
};

/** Text as a reader extracts it, with line breaks and runs of spaces made single spaces. */
async function flatText(bytes: Uint8Array): Promise<string> {
  return (await readPdf(bytes)).text.replace(/\s+/g, ' ');
}

describe('renderCertificatePdf', () => {
  it('gives the same bytes for the same record, whenever it runs and whatever ran before', async () => {
    const first = await renderCertificatePdf(record);
    expect(Buffer.from(first.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(await renderCertificatePdf({ ...record })).toEqual(first);

    await renderCertificatePdf({ ...record, code: 'ZZZZ0000ZZZZ0000', holderName: 'Łukasz Żółć', paper: 'letter' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const later = await renderCertificatePdf(record);
    expect(sha256Hex(later)).toBe(sha256Hex(first));
  });

  it('renders exactly the file issued earlier (a change in pdf-lib, fontkit, the font or the zone data changes the bytes)', async () => {
    // Issued certificates keep their stored bytes, so a rendering change never breaks them: it only
    // changes the files issued from then on. This makes such a change deliberate: check the new
    // output looks right, then update the hash.
    expect(getEnv().APP_URL).toBe('http://localhost:3000');
    const pdf = await renderCertificatePdf({ ...record, holderName: 'Nguyễn Thị Minh Khai' });
    expect(sha256Hex(pdf)).toBe('cacaf4a69062dfd7bb8803530e1bbeae40ccd5cd4aed97ffe82ac5a9968103ea');
  });

  it('differs when any printed fact differs', async () => {
    const hash = sha256Hex(await renderCertificatePdf(record));
    expect(sha256Hex(await renderCertificatePdf({ ...record, holderName: 'Alex Riviera' }))).not.toBe(hash);
    expect(sha256Hex(await renderCertificatePdf({ ...record, code: '7K2Q9XWD4HPAM3TS' }))).not.toBe(hash);
    expect(sha256Hex(await renderCertificatePdf({ ...record, hours: 3 }))).not.toBe(hash);
  });

  it.each(['Łukasz Żółć', 'Nguyễn Thị Minh Khai', "Zoë O'Brien-Ånström"])('prints %s as text a reader can find', async (holderName) => {
    const pdf = await readPdf(await renderCertificatePdf({ ...record, holderName }));
    expect(pdf.text).toContain(holderName);
    expect(pdf.info.Title).toBe(`Certificate of attendance: ${holderName}`);
  });

  it('finds a name stored with combining accents as the same name', async () => {
    const text = await flatText(await renderCertificatePdf({ ...record, holderName: 'Nguyễn Thị Minh Khai'.normalize('NFD') }));
    expect(text).toContain('Nguyễn Thị Minh Khai'.normalize('NFC'));
  });

  it('prints the facts of the record, the code in groups and the verification link', async () => {
    const text = await flatText(await renderCertificatePdf(record));
    const url = verificationUrl(record.code);
    expect(url).toBe(`${getEnv().APP_URL.replace(/\/+$/, '')}/verify/7K2Q-9XWD-4HPA-M3TR`);
    for (const expected of [
      'Certificate of attendance',
      'Alex Rivera',
      'Trauma-informed interviewing',
      'Tuesday 3 March 2026, 9:00–12:30 CST',
      '3.5 hours · Trauma-informed practice',
      'Joint session with Riverside Police Department',
      'Facilitated by Dr Ana Ruiz, Sam Lee',
      'Issued by Dr Ana Ruiz',
      'on Wednesday 4 March 2026',
      formatCertificateCode(record.code),
      url,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('leaves out the joint session and facilitator lines when there are none', async () => {
    const text = await flatText(await renderCertificatePdf({ ...record, partnerAgency: '', facilitators: '' }));
    expect(text).not.toContain('Joint session');
    expect(text).not.toContain('Facilitated by');
  });

  it('sets fixed metadata from the record, not from the clock', async () => {
    const { info } = await readPdf(await renderCertificatePdf(record));
    expect(info).toMatchObject({
      Author: 'Dr Ana Ruiz',
      Creator: 'Muster',
      Producer: 'Muster (pdf-lib)',
      CreationDate: 'D:20260304162000Z',
      ModDate: 'D:20260304162000Z',
    });
  });

  it('is landscape A4 or US Letter as chosen', async () => {
    const a4 = (await readPdf(await renderCertificatePdf(record))).pages;
    expect(a4).toHaveLength(1);
    expect(a4[0]!.width).toBeCloseTo(842, 0);
    expect(a4[0]!.height).toBeCloseTo(595, 0);
    const letter = (await readPdf(await renderCertificatePdf({ ...record, paper: 'letter' }))).pages;
    expect(letter).toHaveLength(1);
    expect(letter[0]!.width).toBe(792);
    expect(letter[0]!.height).toBe(612);
  });

  it('fits a very long name and title inside the border', async () => {
    const workshopTitle = `Advanced ${'interagency critical incident response and coordination '.repeat(6)}workshop`;
    const holderName = 'Maximiliana Alexandrina Wolfeschlegelsteinhausenbergerdorff-Świętokrzyska de la Fuente';
    for (const paper of ['a4', 'letter'] as const) {
      const pdf = await readPdf(await renderCertificatePdf({ ...record, paper, workshopTitle, holderName, facilitators: 'Dr Ana Ruiz, Sam Lee, '.repeat(8) + 'Jo Park' }));
      const page = pdf.pages[0]!;
      const words = page.text.replace(/\s+/g, ' ');
      expect(words).toContain('Wolfeschlegelsteinhausenbergerdorff');
      expect(words).toContain('coordination');
      expect(words).toContain(formatCertificateCode(record.code));
      for (const item of page.items) {
        expect(item.x, item.text).toBeGreaterThanOrEqual(28);
        expect(item.x + item.width, item.text).toBeLessThanOrEqual(page.width - 28);
        expect(item.y, item.text).toBeGreaterThanOrEqual(28);
        expect(item.y + item.height, item.text).toBeLessThanOrEqual(page.height - 28);
      }
    }
  });
});

describe('certificate lines', () => {
  it('names the session zone, and both days for a session that runs past midnight', () => {
    expect(formatCertificateDates(record.sessionStartsAt, record.sessionEndsAt, 'America/Chicago')).toBe('Tuesday 3 March 2026, 9:00–12:30 CST');
    expect(formatCertificateDates(new Date('2026-07-01T18:00:00Z'), new Date('2026-07-02T02:00:00Z'), 'Europe/London')).toBe(
      'Wednesday 1 July 2026, 19:00 BST – Thursday 2 July 2026, 3:00 BST',
    );
  });

  it('prints hours with the credit category', () => {
    expect(formatCertificateHours(3.5, 'Trauma-informed practice')).toBe('3.5 hours · Trauma-informed practice');
    expect(formatCertificateHours(1, '')).toBe('1 hour');
    expect(formatCertificateHours(2.25, 'Ethics')).toBe('2.25 hours · Ethics');
  });
});
