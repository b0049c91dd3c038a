import type { TInviteSpec } from '@/lib/calendar/invite-spec';
import type { TMailTemplates } from '@/lib/mail/templates';

/**
 * One message of every template with everything a person could find in it filled in, for the
 * golden tests: what each template renders for these props is stored beside this file and must
 * not change unless the email is meant to.
 */
const invite = (method: 'REQUEST' | 'CANCEL', sequence = 0): TInviteSpec => ({
  method,
  uid: '6f1c2a9e-0d4b-4f7e-9a51-3c2b1d0e9f88@muster.example',
  sequence,
  startsAt: '2027-03-03T15:00:00.000Z',
  endsAt: '2027-03-03T18:00:00.000Z',
  title: 'Trauma-informed interviewing',
  description: 'Trauma-informed interviewing\n\nWhat to bring: A notebook\n\nSession details: https://muster.example/sessions/5d2f',
  location: 'Riverside Training Center, 100 River St, Riverside',
  url: 'https://muster.example/sessions/5d2f',
  attendee: { name: 'Łukasz Żółć', email: 'lukasz.zolc@riverside.example' },
});

const place = {
  name: 'Łukasz Żółć',
  workshopTitle: 'Trauma-informed interviewing',
  when: 'Wed 3 Mar 2027, 9:00–12:00 CST',
  where: 'Riverside Training Center, 100 River St, Riverside',
  manageUrl: 'https://muster.example/registrations/manage?token=mt_abc123',
  sessionUrl: 'https://muster.example/sessions/5d2f',
  onlineUrl: null,
  whatToBring: 'A notebook & a pen <for notes>',
};

export const goldenProps: { [K in keyof TMailTemplates]: TMailTemplates[K][] } = {
  'sign-in': [{ url: 'https://muster.example/api/auth/callback/email?token=t0k&email=a%40b.example', email: 'a@b.example', expiresInMinutes: 15 }],
  'registration-confirmed': [
    { ...place, invite: invite('REQUEST'), reason: 'registered', checkInUrl: 'https://muster.example/check-in/6f1c.mac' },
    { ...place, invite: invite('REQUEST'), reason: 'promoted', checkInUrl: 'https://muster.example/check-in/6f1c.mac', nominatedBy: 'Springfield PD' },
    { ...place, onlineUrl: 'https://meet.example/room?a=1&b=2', invite: invite('REQUEST'), reason: 'moved' },
  ],
  'registration-waitlisted': [{ name: 'Zoë O’Brien', workshopTitle: 'Trauma-informed interviewing', when: place.when, position: 3, manageUrl: place.manageUrl }],
  'registration-cancelled': [
    { name: place.name, workshopTitle: place.workshopTitle, when: place.when, sessionUrl: place.sessionUrl, by: 'self', wasConfirmed: true, invite: invite('CANCEL', 1) },
    { name: place.name, workshopTitle: place.workshopTitle, when: place.when, sessionUrl: place.sessionUrl, by: 'agency', agencyName: 'Springfield PD', wasConfirmed: false, reason: 'Another officer goes.' },
    { name: place.name, workshopTitle: place.workshopTitle, when: place.when, sessionUrl: place.sessionUrl, by: 'declined', approver: 'Springfield PD', wasConfirmed: false },
  ],
  'registration-manage-link': [{ name: place.name, workshopTitle: place.workshopTitle, when: place.when, manageUrl: place.manageUrl }],
  'registration-confirm-place': [
    { name: place.name, workshopTitle: place.workshopTitle, when: place.when, heldUntil: '10:30 CST', waitlistPosition: null, confirmUrl: 'https://muster.example/registrations/confirm?token=c1' },
  ],
  'session-reminder': [{ ...place, invite: invite('REQUEST'), leadTime: 'tomorrow' }],
  'session-changed': [{ ...place, invite: invite('REQUEST', 1), previousWhen: 'Tue 2 Mar 2027, 9:00–12:00 CST', previousWhere: 'Old Hall' }],
  'session-cancelled': [{ name: place.name, workshopTitle: place.workshopTitle, when: place.when, workshopUrl: 'https://muster.example/workshops/ti', message: 'The room flooded.', invite: invite('CANCEL', 2) }],
  'session-announcement': [
    { name: place.name, workshopTitle: place.workshopTitle, when: place.when, subject: 'Parking', message: 'Use the car park on River St.\n\nThe other is closed <today>.', sessionUrl: place.sessionUrl, manageUrl: place.manageUrl },
  ],
  'partner-session-update': [
    { name: 'Sgt. Dana Whitfield', agencyName: 'Riverside PD', workshopTitle: place.workshopTitle, when: place.when, where: place.where, kind: 'changed', previousWhen: 'Tue 2 Mar 2027, 9:00–12:00 CST', previousWhere: 'Old Hall', agencyUrl: 'https://muster.example/agency' },
  ],
  'co-facilitator-invite': [
    { name: 'Sgt. Dana Whitfield', leadName: 'Dr Ana Ruiz', workshopTitle: place.workshopTitle, when: place.when, where: place.where, kind: 'added', rosterUrl: 'https://muster.example/trainer/sessions/5d2f', invite: invite('REQUEST') },
  ],
  'approval-requested': [
    { officerName: place.name, officerEmail: 'lukasz.zolc@riverside.example', agencyName: 'Riverside PD', workshopTitle: place.workshopTitle, when: place.when, decideBy: 'Fri 26 Feb 2027, 9:00 CST', decideUrl: 'https://muster.example/approvals/a1' },
  ],
  'registration-pending': [
    { name: place.name, workshopTitle: place.workshopTitle, when: place.when, approver: 'Riverside PD', decideBy: 'Fri 26 Feb 2027, 9:00 CST', waitlistPosition: null, manageUrl: place.manageUrl },
  ],
  'certificate-issued': [
    {
      name: 'Nguyễn Thị Minh Khai',
      workshopTitle: place.workshopTitle,
      when: place.when,
      hours: 3.5,
      creditCategory: 'POST continuing education',
      code: '7K2Q-9XWD-4HPA-M3TR',
      verifyUrl: 'https://muster.example/verify/7K2Q-9XWD-4HPA-M3TR',
      myTrainingUrl: 'https://muster.example/me',
      facilitators: 'Dr Ana Ruiz, Sam Lee',
      partnerAgency: 'Riverside PD',
    },
  ],
};

/** The certificate the golden certificate email carries, as its outbox row stores it. */
export const GOLDEN_CERTIFICATE_CODE = '7K2Q9XWD4HPAM3TR';

/** The stored bytes the golden certificate email attaches. */
export const GOLDEN_PDF = Buffer.from('%PDF-1.7\n% golden certificate\n%%EOF\n');
