import type { TInviteSpec } from '@/lib/calendar/invite-spec';

/** Sample invite for template previews. */
export const previewInvite: TInviteSpec = {
  method: 'REQUEST',
  uid: 'preview@localhost',
  sequence: 0,
  startsAt: '2027-03-03T15:00:00.000Z',
  endsAt: '2027-03-03T18:00:00.000Z',
  title: 'Trauma-informed interviewing',
  description: 'Trauma-informed interviewing',
  location: 'Training Room 2, 100 Main Street, Springfield',
  url: 'http://localhost:3000/sessions/preview',
  attendee: { name: 'Alex Rivera', email: 'alex.rivera@example.org' },
};
