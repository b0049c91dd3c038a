import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPng } from './qr-png';

/** Width, height and every pixel as RGBA (hex-hashed to compare quickly), whatever the file's colour type and bit depth. */
function pixels(png: Buffer): string {
  const image = PNG.sync.read(png);
  return `${image.width}×${image.height} ${createHash('sha256').update(image.data).digest('hex')}`;
}

describe('qrPng', () => {
  it('draws the very picture qrcode draws, for links of every length and other settings, in a smaller file', async () => {
    const texts = [
      'x',
      'https://muster.example/check-in/6f1c2a9e-0d4b-4f7e-9a51-3c2b1d0e9f88.Yk3Q2m1x0Zq9w8e7r6t5y4u3i2o1p0a9s8d7f6g5h4',
      ...Array.from({ length: 10 }, (_, i) => `https://muster.example/check-in/${crypto.randomUUID()}.${'a'.repeat(i * 21)}`),
      'Łukasz Żółć — 检查',
    ];
    const settings = [
      { errorCorrectionLevel: 'M' as const, margin: 4, scale: 8 },
      { errorCorrectionLevel: 'H' as const, margin: 2, scale: 3 },
      { errorCorrectionLevel: 'L' as const, margin: 0, scale: 1 },
    ];
    for (const options of settings) {
      for (const text of texts) {
        const theirs = await QRCode.toBuffer(text, { type: 'png', ...options });
        const ours = qrPng(text, options);
        expect(pixels(ours), `${text} with ${JSON.stringify(options)}`).toBe(pixels(theirs));
        expect(ours.length).toBeLessThan(theirs.length);
      }
    }
  });

  it('draws large codes whose width is not a whole number of bytes', async () => {
    const text = Array.from({ length: 1800 }, (_, i) => String.fromCharCode(65 + ((i * 7) % 26))).join('');
    const options = { errorCorrectionLevel: 'H' as const, margin: 3, scale: 5 };
    const ours = pixels(qrPng(text, options));
    expect(PNG.sync.read(qrPng(text, options)).width % 8).not.toBe(0);
    expect(ours).toBe(pixels(await QRCode.toBuffer(text, { type: 'png', ...options })));
  });
});
