import { describe, expect, it } from 'vitest';
import { renderMail } from '@/lib/mail/render';
import { mailTemplates } from '@/lib/mail/templates';

const common = {
  name: 'Alex Rivera',
  workshopTitle: 'Trauma-informed interviewing',
  when: 'Tue 3 Mar, 9:00–12:00 CST',
  manageUrl: 'https://muster.example.org/registrations/manage?token=abc123',
};

describe('registration emails', () => {
  it('confirmation: says when and where, links to the session and to manage the place', async () => {
    const props = { ...common, where: 'Training Room 2, 100 Main Street', sessionUrl: 'https://muster.example.org/sessions/s1' };
    expect(mailTemplates['registration-confirmed'].subject(props)).toBe("You're booked: Trauma-informed interviewing, Tue 3 Mar, 9:00–12:00 CST");
    const { html, text } = await renderMail('registration-confirmed', props);
    expect(html).toContain('lang="en"');
    expect(html).toContain('href="https://muster.example.org/sessions/s1"');
    expect(html).toContain('href="https://muster.example.org/registrations/manage?token=abc123"');
    expect(text).toContain('Training Room 2, 100 Main Street');
    expect(text).toContain('Tue 3 Mar, 9:00–12:00 CST');
  });

  it('waitlist: gives the place in line and a way to leave', async () => {
    const props = { ...common, position: 7 };
    expect(mailTemplates['registration-waitlisted'].subject(props)).toBe("You're on the waitlist (number 7): Trauma-informed interviewing");
    const { html, text } = await renderMail('registration-waitlisted', props);
    expect(text).toContain('You are number 7 on the waitlist');
    expect(html).toContain('href="https://muster.example.org/registrations/manage?token=abc123"');
  });
});
