import { describe, expect, it } from 'vitest';
import { renderMail } from '@/lib/mail/render';

const props = {
  name: 'Nguyễn Thị Minh Khai',
  workshopTitle: 'Trauma-informed interviewing',
  when: 'Tue 3 Mar, 9:00–12:00 CST',
  where: 'Training Room 2, 100 Main Street',
  sessionUrl: 'https://muster.example.org/sessions/s1',
  manageUrl: 'https://muster.example.org/registrations/manage?token=abc',
  checkInUrl: 'https://muster.example.org/check-in/0b6c1f0e-8d7a-4d3e-9d43-7d2b6a1c2e11.c2lnbmVk',
};

describe('the check-in code in the confirmation email', () => {
  it.each(['registered', 'promoted', 'moved'] as const)('is in the confirmation for a place %s', async (reason) => {
    const { html, text } = await renderMail('registration-confirmed', { ...props, reason });
    expect(html).toContain('Your check-in code');
    expect(html).toContain('src="cid:check-in-qr"');
    expect(html).toMatch(/alt="QR code for checking in to this session"/);
    expect(html).toContain(`href="${props.checkInUrl}"`);
    expect(text).toMatch(/your check-in code/i);
    expect(text).toContain(props.checkInUrl);
  });

  it('is left out of a message queued without a link, rather than showing an image that is not attached', async () => {
    const { checkInUrl: _omitted, ...without } = props;
    const { html, text } = await renderMail('registration-confirmed', without);
    expect(html).not.toContain('cid:check-in-qr');
    expect(text).not.toMatch(/check-in code/i);
  });
});
