import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPng } from './qr-png';

describe('qrPng', () => {
  it('makes exactly the bytes qrcode makes, for links of every length and other settings', async () => {
    const texts = [
      'x',
      'https://muster.example/check-in/6f1c2a9e-0d4b-4f7e-9a51-3c2b1d0e9f88.Yk3Q2m1x0Zq9w8e7r6t5y4u3i2o1p0a9s8d7f6g5h4',
      ...Array.from({ length: 30 }, (_, i) => `https://muster.example/check-in/${crypto.randomUUID()}.${'a'.repeat(i * 7)}`),
      'Łukasz Żółć — 检查',
    ];
    const settings = [
      { errorCorrectionLevel: 'M' as const, margin: 4, scale: 8 },
      { errorCorrectionLevel: 'H' as const, margin: 2, scale: 3 },
      { errorCorrectionLevel: 'L' as const, margin: 0, scale: 1 },
    ];
    for (const options of settings) {
      for (const text of texts) {
        const expected = await QRCode.toBuffer(text, { type: 'png', ...options });
        expect((await qrPng(text, options)).equals(expected), `${text} with ${JSON.stringify(options)}`).toBe(true);
      }
    }
  });

  it('splits large images into IDAT chunks as the stream does', async () => {
    // Varied enough not to compress away, so the image passes one 32 KiB chunk at a modest scale.
    const text = Array.from({ length: 1800 }, (_, i) => String.fromCharCode(65 + ((i * 7) % 26))).join('');
    const expected = await QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'H', margin: 4, scale: 10 });
    expect(expected.length).toBeGreaterThan(32 * 1024);
    expect((await qrPng(text, { errorCorrectionLevel: 'H', margin: 4, scale: 10 })).equals(expected)).toBe(true);
  });
});
