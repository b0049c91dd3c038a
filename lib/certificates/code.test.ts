import { describe, expect, it } from 'vitest';
import { formatCertificateCode, newCertificateCode, normalizeCertificateCode } from './code';

const CROCKFORD = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{16}$/;

describe('newCertificateCode', () => {
  it('is 16 characters of the Crockford alphabet (5 bits each: 80 bits)', () => {
    const code = newCertificateCode();
    expect(code).toMatch(CROCKFORD);
  });

  it('never repeats over many codes and uses every character in every position', () => {
    const codes = Array.from({ length: 20_000 }, () => newCertificateCode());
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(CROCKFORD);
    // With 20,000 codes each of the 32 characters turns up in every position, so no bit is stuck.
    for (let position = 0; position < 16; position++) {
      expect(new Set(codes.map((code) => code[position])).size).toBe(32);
    }
  });
});

describe('formatCertificateCode', () => {
  it('prints four groups of four for reading aloud', () => {
    expect(formatCertificateCode('7K2Q9XWD4HPAM3TR')).toBe('7K2Q-9XWD-4HPA-M3TR');
  });
});

describe('normalizeCertificateCode', () => {
  it('reads a code however it was typed', () => {
    expect(normalizeCertificateCode('7K2Q-9XWD-4HPA-M3TR')).toBe('7K2Q9XWD4HPAM3TR');
    expect(normalizeCertificateCode('7k2q 9xwd 4hpa m3tr')).toBe('7K2Q9XWD4HPAM3TR');
    expect(normalizeCertificateCode('  7K2Q--9XWD\t4HPA-M3TR ')).toBe('7K2Q9XWD4HPAM3TR');
  });

  it('reads O as zero and I or L as one', () => {
    expect(normalizeCertificateCode('7K2Q-9XWD-4HPA-MOTR')).toBe('7K2Q9XWD4HPAM0TR');
    expect(normalizeCertificateCode('7K2Q-9XWD-4HPA-MiTR')).toBe('7K2Q9XWD4HPAM1TR');
    expect(normalizeCertificateCode('7K2Q-9XWD-4HPA-MlTR')).toBe('7K2Q9XWD4HPAM1TR');
  });

  it('round-trips a new code through its printed form', () => {
    const code = newCertificateCode();
    expect(normalizeCertificateCode(formatCertificateCode(code))).toBe(code);
    expect(normalizeCertificateCode(formatCertificateCode(code).toLowerCase())).toBe(code);
  });

  it('refuses anything that cannot be a code', () => {
    expect(normalizeCertificateCode('7K2Q-9XWD-4HPA-M3T')).toBeUndefined();
    expect(normalizeCertificateCode('7K2Q-9XWD-4HPA-M3TRX')).toBeUndefined();
    expect(normalizeCertificateCode('7K2Q-9XWD-4HPA-M3TU')).toBeUndefined();
    expect(normalizeCertificateCode('7K2Q-9XWD-4HPA-M3T!')).toBeUndefined();
    expect(normalizeCertificateCode('')).toBeUndefined();
  });
});
