import { describe, expect, it } from 'vitest';
import { certificateHours } from './eligibility';

const workshop = { creditHours: 3, minimumCertificateHours: 1.5 };
const confirmed = (attendance: 'attended' | 'absent' | 'partial' | null, attendedHours: number | null = null) => ({
  status: 'confirmed' as const,
  attendance,
  attendedHours,
});

describe('the hours a certificate carries', () => {
  it('gives an attendee the workshop’s credit hours, whatever hours were typed', () => {
    expect(certificateHours(confirmed('attended'), workshop)).toBe(3);
    expect(certificateHours(confirmed('attended', 1), workshop)).toBe(3);
  });

  it('gives partial attendance the hours recorded, from the workshop’s minimum up', () => {
    expect(certificateHours(confirmed('partial', 2.25), workshop)).toBe(2.25);
    expect(certificateHours(confirmed('partial', 1.5), workshop)).toBe(1.5);
    expect(certificateHours(confirmed('partial', 1.49), workshop)).toBeNull();
  });

  it('never gives partial attendance more than full attendance, even when the session ran longer', () => {
    expect(certificateHours(confirmed('partial', 3.5), workshop)).toBe(3);
    expect(certificateHours(confirmed('partial', 2.5), { creditHours: 0, minimumCertificateHours: null })).toBe(2.5);
  });

  it('counts any positive partial hours when the workshop sets no minimum', () => {
    const loose = { creditHours: 3, minimumCertificateHours: null };
    expect(certificateHours(confirmed('partial', 0.25), loose)).toBe(0.25);
    expect(certificateHours(confirmed('partial', 0), loose)).toBeNull();
    expect(certificateHours(confirmed('partial', null), loose)).toBeNull();
  });

  it('gives nothing for absence, no record, or a place that was not confirmed', () => {
    expect(certificateHours(confirmed('absent'), workshop)).toBeNull();
    expect(certificateHours(confirmed(null), workshop)).toBeNull();
    for (const status of ['waitlisted', 'pending_approval', 'cancelled'] as const) {
      expect(certificateHours({ status, attendance: 'attended', attendedHours: null }, workshop)).toBeNull();
    }
  });
});
