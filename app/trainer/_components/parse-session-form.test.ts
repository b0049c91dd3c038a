import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { ZSessionCreate } from '@/lib/sessions/schemas';
import { parseSessionForm, sessionFieldNamer, sessionFormOrThrow } from './parse-session-form';

/** A submitted form as runAction's schema reads it: every field as text. */
function form(entries: Record<string, string>): Record<string, string> {
  return entries;
}

const base = {
  timeZone: 'America/Chicago',
  startsAt: '2026-03-03T09:00',
  endsAt: '2026-03-03T12:00',
  capacity: '24',
  'venue.name': 'Training Room B',
  'venue.address': '12 Main St',
  'venue.directions': '',
  'venue.accessibility': '',
  onlineUrl: '',
  registrationOpensAt: '',
  registrationClosesAt: '',
  minEnrolment: '',
  partnerAgencyId: '',
  visibility: 'public',
  'facilitators.0.name': '',
  'facilitators.0.email': '',
  'facilitators.1.name': '',
  'facilitators.1.email': '',
  repeat: 'once',
};

function thrownFields(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.fields ?? {};
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('parseSessionForm', () => {
  it('reads wall-clock times in the chosen zone, whatever the server zone', () => {
    const { input, fields } = parseSessionForm(form(base), 'create');
    expect(fields).toEqual({});
    expect(input.startsAt).toBe('2026-03-03T15:00:00.000Z');
    expect(input.endsAt).toBe('2026-03-03T18:00:00.000Z');
    expect(input.timeZone).toBe('America/Chicago');
  });

  it('places 09:00 on the spring-forward day in New York at 13:00Z (EDT), not 14:00Z', () => {
    const { input, fields } = parseSessionForm(
      form({ ...base, timeZone: 'America/New_York', startsAt: '2026-03-08T09:00', endsAt: '2026-03-08T12:30' }),
      'create',
    );
    expect(fields).toEqual({});
    expect(input.startsAt).toBe('2026-03-08T13:00:00.000Z');
    expect(input.endsAt).toBe('2026-03-08T16:30:00.000Z');
  });

  it('keeps 09:00 at 09:00 local the day before the change (EST, 14:00Z)', () => {
    const { input } = parseSessionForm(form({ ...base, timeZone: 'America/New_York', startsAt: '2026-03-07T09:00', endsAt: '2026-03-07T10:00' }), 'create');
    expect(input.startsAt).toBe('2026-03-07T14:00:00.000Z');
  });

  it('refuses a time the clocks skip instead of moving it', () => {
    const { fields } = parseSessionForm(form({ ...base, timeZone: 'America/New_York', startsAt: '2026-03-08T02:30', endsAt: '2026-03-08T04:00' }), 'create');
    expect(fields.startsAt).toMatch(/does not exist in America\/New_York/);
    expect(fields.endsAt).toBeUndefined();
  });

  it('accepts a space for the T and seconds that some browsers send', () => {
    const { input, fields } = parseSessionForm(form({ ...base, startsAt: '2026-03-03 09:00', endsAt: '2026-03-03T12:00:00' }), 'create');
    expect(fields).toEqual({});
    expect(input.startsAt).toBe('2026-03-03T15:00:00.000Z');
    expect(input.endsAt).toBe('2026-03-03T18:00:00.000Z');
  });

  it('gives messages beside the fields for empty or malformed times', () => {
    const { fields } = parseSessionForm(form({ ...base, startsAt: '', endsAt: 'tomorrow', registrationOpensAt: '2026-02-30T09:00' }), 'create');
    expect(fields.startsAt).toBe('Enter the date and time the session starts.');
    expect(fields.endsAt).toMatch(/as a date and time/);
    expect(fields.registrationOpensAt).toBe('2026-02-30 is not a date on the calendar.');
  });

  it('refuses an unknown time zone and does not guess the times', () => {
    const { input, fields } = parseSessionForm(form({ ...base, timeZone: 'Mars/Olympus_Mons' }), 'create');
    expect(fields.timeZone).toMatch(/known time zone/);
    expect(fields.startsAt).toBeUndefined();
    expect(input.startsAt).toBeUndefined();
  });

  it('leaves optional fields out or null so the domain defaults apply', () => {
    const { input } = parseSessionForm(form(base), 'create');
    expect(input.registrationOpensAt).toBeUndefined();
    expect(input.registrationClosesAt).toBeUndefined();
    expect(input.minEnrolment).toBeNull();
    expect(input.partnerAgencyId).toBeNull();
    expect(input.onlineUrl).toBeNull();
    expect(input.facilitators).toEqual([]);
    expect(input.venue).toEqual({ name: 'Training Room B', address: '12 Main St', directions: '', accessibility: '' });
    expect(ZSessionCreate.safeParse(input).success).toBe(true);
  });

  it('reads registration times in the same zone', () => {
    const { input } = parseSessionForm(form({ ...base, registrationOpensAt: '2026-02-01T08:00', registrationClosesAt: '2026-03-02T17:00' }), 'create');
    expect(input.registrationOpensAt).toBe('2026-02-01T14:00:00.000Z');
    expect(input.registrationClosesAt).toBe('2026-03-02T23:00:00.000Z');
  });

  it('when editing, an empty close of registration means at the start', () => {
    const { input } = parseSessionForm(form(base), 'update');
    expect(input.registrationClosesAt).toBe(input.startsAt);
    expect(input.registrationOpensAt).toBeUndefined();
  });

  it('an online session has no venue', () => {
    const { input } = parseSessionForm(
      form({ ...base, 'venue.name': '', 'venue.address': '', onlineUrl: ' https://meet.example.org/x ' }),
      'create',
    );
    expect(input.venue).toBeNull();
    expect(input.onlineUrl).toBe('https://meet.example.org/x');
  });

  it('reads numbers strictly: empty capacity and text are NaN for the schema to word', () => {
    expect(parseSessionForm(form({ ...base, capacity: '' }), 'create').input.capacity).toBeNaN();
    expect(parseSessionForm(form({ ...base, capacity: '0x10' }), 'create').input.capacity).toBeNaN();
    expect(parseSessionForm(form({ ...base, capacity: ' 30 ' }), 'create').input.capacity).toBe(30);
    const { input, fields } = parseSessionForm(form({ ...base, minEnrolment: 'six' }), 'create');
    expect(input.minEnrolment).toBeNaN();
    expect(fields.minEnrolment).toMatch(/whole number/);
  });

  it('makes a joint session from a chosen agency, and none from "none"', () => {
    const id = '3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f';
    expect(parseSessionForm(form({ ...base, partnerAgencyId: id }), 'create').input.partnerAgencyId).toBe(id);
    expect(parseSessionForm(form({ ...base, partnerAgencyId: 'none' }), 'create').input.partnerAgencyId).toBeNull();
  });

  it('skips empty co-facilitator rows and remembers which row each came from', () => {
    const parsed = parseSessionForm(
      form({ ...base, 'facilitators.1.name': 'Sgt. Dana Ortiz', 'facilitators.1.email': 'not-an-email' }),
      'create',
    );
    expect(parsed.input.facilitators).toEqual([{ name: 'Sgt. Dana Ortiz', email: 'not-an-email' }]);
    expect(parsed.facilitatorRows).toEqual([1]);
    expect(sessionFieldNamer(parsed)('facilitators.0.email', 'Bad email')).toEqual(['facilitators.1.email', 'Bad email']);
    expect(sessionFieldNamer(parsed)('venue.name', 'Name it')).toEqual(['venue.name', 'Name it']);
  });

  it('drops NUL characters, which PostgreSQL text cannot hold', () => {
    expect(parseSessionForm(form({ ...base, 'venue.name': 'Room\u0000 B' }), 'create').input.venue?.name).toBe('Room B');
  });

  describe('reminders', () => {
    it('reads the chosen hours before the start', () => {
      const { input, fields } = parseSessionForm(form({ ...base, firstReminderHours: '168', secondReminderHours: '24' }), 'create');
      expect(fields).toEqual({});
      expect(input.firstReminderHours).toBe(168);
      expect(input.secondReminderHours).toBe(24);
      expect(ZSessionCreate.safeParse(input).success).toBe(true);
    });

    it('reads "off" as null, which turns that reminder off', () => {
      const { input, fields } = parseSessionForm(form({ ...base, firstReminderHours: 'off', secondReminderHours: '2' }), 'update');
      expect(fields).toEqual({});
      expect(input.firstReminderHours).toBeNull();
      expect(input.secondReminderHours).toBe(2);
    });

    it('leaves them out when the form has no such fields, so the domain keeps its default or the saved value', () => {
      const { input } = parseSessionForm(form(base), 'create');
      expect('firstReminderHours' in input).toBe(false);
      expect('secondReminderHours' in input).toBe(false);
    });

    it('passes a value that is not a number to the schema, which refuses it beside the field', () => {
      const { input } = parseSessionForm(form({ ...base, firstReminderHours: 'soon', secondReminderHours: '24' }), 'create');
      expect(input.firstReminderHours).toBeNaN();
      const result = ZSessionCreate.safeParse(input);
      expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['firstReminderHours']);
    });

    it('refuses a second reminder that is not closer to the start than the first', () => {
      for (const second of ['24', '48']) {
        const { fields } = parseSessionForm(form({ ...base, firstReminderHours: '24', secondReminderHours: second }), 'create');
        expect(fields.secondReminderHours, second).toMatch(/closer to the start than the first/);
      }
      expect(parseSessionForm(form({ ...base, firstReminderHours: 'off', secondReminderHours: '48' }), 'create').fields).toEqual({});
    });
  });

  describe('series', () => {
    it('one session is no series', () => {
      expect(parseSessionForm(form(base), 'create').repeat).toBeNull();
    });

    it('repeats weekly 2 to 52 times', () => {
      expect(parseSessionForm(form({ ...base, repeat: 'weekly', repeatCount: '6' }), 'create').repeat).toEqual({ kind: 'weekly', count: 6 });
      for (const count of ['1', '53', '2.5', '', 'six']) {
        expect(parseSessionForm(form({ ...base, repeat: 'weekly', repeatCount: count }), 'create').fields.repeat, count).toMatch(/from 2 to 52/);
      }
    });

    it('takes chosen dates one per line, sorted and without repeats', () => {
      const { repeat, fields } = parseSessionForm(form({ ...base, repeat: 'dates', repeatDates: '2026-03-17\r\n\r\n 2026-03-03 \n2026-03-17\n' }), 'create');
      expect(fields).toEqual({});
      expect(repeat).toEqual({ kind: 'dates', dates: ['2026-03-03', '2026-03-17'] });
    });

    it('refuses a line that is not a calendar date, naming it', () => {
      expect(parseSessionForm(form({ ...base, repeat: 'dates', repeatDates: '2026-03-03\n2026-02-30' }), 'create').fields.repeat).toMatch(/“2026-02-30” is not a date/);
      expect(parseSessionForm(form({ ...base, repeat: 'dates', repeatDates: '3/10/2026' }), 'create').fields.repeat).toMatch(/YYYY-MM-DD/);
      expect(parseSessionForm(form({ ...base, repeat: 'dates', repeatDates: '  ' }), 'create').fields.repeat).toMatch(/List the dates/);
    });

    it('is not read when editing one session', () => {
      const parsed = parseSessionForm(form({ ...base, repeat: 'weekly', repeatCount: 'x' }), 'update');
      expect(parsed.repeat).toBeNull();
      expect(parsed.fields).toEqual({});
    });
  });
});

describe('sessionFormOrThrow', () => {
  it('returns the parsed form when the parser found nothing wrong', () => {
    expect(sessionFormOrThrow(form(base), 'create').input.startsAt).toBe('2026-03-03T15:00:00.000Z');
  });

  it('reports the parser’s messages together with the schema’s for the other fields', () => {
    const fields = thrownFields(() =>
      sessionFormOrThrow(form({ ...base, startsAt: '', capacity: '', 'venue.name': '', 'facilitators.1.email': 'x@y' }), 'create'),
    );
    expect(fields.startsAt).toBe('Enter the date and time the session starts.');
    expect(fields.capacity).toBe('Enter the number of seats.');
    expect(fields['venue.name']).toBe('Give the venue a name.');
    expect(fields['facilitators.1.name']).toBe('Give each co-facilitator a name.');
    expect(fields['facilitators.1.email']).toMatch(/email/);
  });

  it('does not repeat the schema’s ISO 8601 wording for times the parser could not read', () => {
    const fields = thrownFields(() => sessionFormOrThrow(form({ ...base, timeZone: 'Nowhere/Else' }), 'create'));
    expect(Object.keys(fields)).toEqual(['timeZone']);
  });
});

describe('confirm by email and registrations per network', () => {
  it('leaves "only if unlisted" to the domain, and reads on, off and a number', () => {
    expect(parseSessionForm(form({ ...base, requireEmailConfirmation: 'auto', maxRegistrationsPerAddress: '10' }), 'create').input).toMatchObject({
      maxRegistrationsPerAddress: 10,
    });
    expect(parseSessionForm(form({ ...base, requireEmailConfirmation: 'auto' }), 'create').input).not.toHaveProperty('requireEmailConfirmation');
    expect(parseSessionForm(form({ ...base, requireEmailConfirmation: 'on' }), 'update').input.requireEmailConfirmation).toBe(true);
    expect(parseSessionForm(form({ ...base, requireEmailConfirmation: 'off' }), 'update').input.requireEmailConfirmation).toBe(false);
  });

  it('reads an empty limit as no limit, and leaves it out when the form has no such field', () => {
    expect(parseSessionForm(form({ ...base, maxRegistrationsPerAddress: '' }), 'update').input.maxRegistrationsPerAddress).toBeNull();
    expect(parseSessionForm(form(base), 'update').input).not.toHaveProperty('maxRegistrationsPerAddress');
  });

  it('puts the messages beside the fields', () => {
    const fields = thrownFields(() => sessionFormOrThrow(form({ ...base, requireEmailConfirmation: 'maybe', maxRegistrationsPerAddress: 'ten' }), 'create'));
    expect(fields.requireEmailConfirmation).toBe('Choose on or off.');
    expect(fields.maxRegistrationsPerAddress).toBe('Enter how many people may register from one network, or leave it empty for no limit.');
  });
});

describe('seats reserved for agencies in the session form', () => {
  const springfield = '7d1b5e4a-2f0c-4c39-9a51-3b8e2d6f1a10';
  const shelbyville = '0a9c3e51-6b2d-4f7e-8c14-5d2a7e9b3c21';

  it('reads one number per agency, leaves empty ones out, and reads the release date in the session’s zone', () => {
    const parsed = parseSessionForm(
      form({ ...base, [`allotments.${springfield}`]: '10', [`allotments.${shelbyville}`]: '', allotmentsReleaseAt: '2026-02-24T09:00' }),
      'create',
    );
    expect(parsed.input.allotments).toEqual([{ agencyId: springfield, seats: 10 }]);
    expect(parsed.input.allotmentsReleaseAt).toBe('2026-02-24T15:00:00.000Z');
    expect(ZSessionCreate.safeParse(parsed.input).success).toBe(true);
  });

  it('asks for the default release date when the field is empty, and names the agency’s input in a message', () => {
    const parsed = parseSessionForm(form({ ...base, [`allotments.${shelbyville}`]: 'ten', allotmentsReleaseAt: '' }), 'update');
    expect(parsed.input.allotmentsReleaseAt).toBeNull();
    const fields = thrownFields(() => sessionFormOrThrow(form({ ...base, [`allotments.${shelbyville}`]: 'ten', startsAt: '' }), 'create'));
    expect(fields[`allotments.${shelbyville}`]).toBe('Enter a number of seats for each agency.');
  });

  it('leaves allotments alone when the form has no agency inputs', () => {
    expect(parseSessionForm(form(base), 'update').input).not.toHaveProperty('allotments');
  });
});
