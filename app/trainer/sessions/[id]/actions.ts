'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { refreshCatalogue } from '@/app/_lib/catalogue-cache';
import { runAction, type TFormState } from '@/app/_lib/trainer-action';
import { z } from 'zod';
import { field } from '@/app/_lib/form-schema';
import { renamingFields } from '@/app/trainer/_components/form-data';
import { assertTrainer } from '@/lib/auth/actor';
import { reissueCertificate, revokeCertificate } from '@/lib/certificates/issue';
import { AppError } from '@/lib/errors/app-error';
import { cancelRegistration } from '@/lib/registrations/cancel';
import { promoteRegistration } from '@/lib/registrations/promote';
import { registerForSession } from '@/lib/registrations/register';
import { announceToSession } from '@/lib/roster/announce';
import { cancelSession } from '@/lib/sessions/cancel-session';
import { getSessionForTrainer } from '@/lib/sessions/sessions';
import { decideRequest } from '@/app/_lib/decide-approval';
import { rosterNoticeUrl } from './_lib/notice';

/** A change of places shows on the roster, the dashboard, the workshop's page and the public pages. */
function refreshRoster(sessionId: string) {
  revalidatePath(`/trainer/sessions/${sessionId}`);
  revalidatePath('/trainer');
  revalidatePath('/trainer/workshops', 'layout');
  revalidatePath(`/sessions/${sessionId}`);
  refreshCatalogue();
}

export type TPromoteState = TFormState & {
  /** Every seat is taken: the form offers to confirm over capacity. */
  full?: boolean;
};

const ZPromoteForm = z.object({ registrationId: field.text(), overbook: field.flag() });

/** Confirms one waitlisted person out of turn; `overbook=1` goes over capacity on purpose. */
export async function promoteAction(sessionId: string, _previous: TPromoteState, formData: FormData): Promise<TPromoteState> {
  if (formData.get('step') === 'keep') return {};
  let full = false;
  const state = await runAction(formData, ZPromoteForm, async (db, actor, { registrationId, overbook }) => {
    try {
      await promoteRegistration(db, actor, registrationId, { overbook });
    } catch (error) {
      if (error instanceof AppError && error.code === 'session_full') full = true;
      throw error;
    }
    refreshRoster(sessionId);
    redirect(rosterNoticeUrl(sessionId, 'promoted', registrationId));
  });
  return full ? { ...state, full: true } : state;
}

const ZAddPersonForm = z.object({
  name: field.text(),
  email: field.text(),
  agency: field.text(),
  badgeNumber: field.text(),
  role: field.text(),
  accessNeeds: field.text(),
  overbook: field.flag(),
});

/**
 * A walk-in or a late addition: trainers may register someone outside the registration window.
 * A full session waitlists them unless the trainer ticked the over-capacity box.
 */
export async function addPersonAction(sessionId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, ZAddPersonForm, async (db, actor, { overbook: allowOverbook, ...input }) => {
    assertTrainer(actor);
    const result = await registerForSession(db, actor, sessionId, input, { allowOutsideWindow: true, allowOverbook });
    refreshRoster(sessionId);
    const name = input.name.trim();
    if (result.status === 'waitlisted') {
      return {
        ok: true,
        message: `The session is full, so ${name} is number ${result.waitlistPosition} on the waitlist. They have been emailed.`,
      };
    }
    const session = await getSessionForTrainer(db, actor, sessionId);
    const over =
      session.confirmedCount > session.capacity
        ? ` The session is now over capacity: ${session.confirmedCount} confirmed for ${session.capacity} ${session.capacity === 1 ? 'seat' : 'seats'}.`
        : '';
    return { ok: true, message: `${name} is confirmed and has been sent the calendar invite.${over}` };
  });
}

const REASON_MAX = 1000;
const CANCEL_MESSAGE_MAX = 5000;

/** Trimmed text of at most `max` characters, '' when left empty. */
const boundedText = (max: number, what: string) =>
  field
    .text()
    .transform((value) => value.trim())
    .pipe(z.string().max(max, `${what} can be at most ${max} characters.`));

/** Ends someone's place: they are emailed, and a freed seat goes to the first person waiting. */
export async function removeAction(sessionId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  const form = z.object({ registrationId: field.text(), reason: boundedText(REASON_MAX, 'The reason') });
  return runAction(formData, form, async (db, actor, { registrationId, reason }) => {
    assertTrainer(actor);
    const result = await cancelRegistration(db, registrationId, { actor }, { reason: reason || undefined });
    refreshRoster(sessionId);
    redirect(rosterNoticeUrl(sessionId, 'removed', registrationId, result.promotedIds));
  });
}

/** A message to everyone confirmed. */
export async function announceAction(sessionId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, z.object({ subject: field.text(), message: field.text() }), async (db, actor, input) => {
    const { recipients } = await announceToSession(db, actor, sessionId, input);
    return { ok: true, message: `Message sent to ${recipients} confirmed ${recipients === 1 ? 'person' : 'people'}.` };
  });
}

/** Cancels the whole session; everyone registered is emailed, with the trainer's message if given. */
export async function cancelSessionAction(sessionId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  const form = z.object({ cancelMessage: boundedText(CANCEL_MESSAGE_MAX, 'The message') });
  return runAction(formData, form, async (db, actor, { cancelMessage: message }) => {
    assertTrainer(actor);
    // The form's field is named apart from the announcement's `message`, which is on the same page.
    await renamingFields(
      () => cancelSession(db, actor, sessionId, { message }),
      (key, text) => [key === 'message' || key === 'cancellationMessage' ? 'cancelMessage' : key, text],
    );
    refreshRoster(sessionId);
    redirect(rosterNoticeUrl(sessionId, 'session-cancelled'));
  });
}

/** Where a certificate action sends the trainer back to; the code stays out of the URL (it is the holder's secret). */
function certificateNoticeUrl(sessionId: string, notice: 'revoked' | 'reissued'): string {
  return `/trainer/sessions/${sessionId}?certificate=${notice}#certificates`;
}

/** Revokes one certificate with the reason anyone verifying it will read. */
export async function revokeCertificateAction(sessionId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, z.object({ code: field.text(), reason: field.text() }), async (db, actor, { code, reason }) => {
    await revokeCertificate(db, actor, code, reason);
    revalidatePath(`/trainer/sessions/${sessionId}`);
    redirect(certificateNoticeUrl(sessionId, 'revoked'));
  });
}

/** Replaces a certificate with a corrected one, emailed to the holder; the old one is revoked. */
export async function reissueCertificateAction(sessionId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  const form = z.object({ code: field.text(), holderName: field.text(), reason: field.text() });
  return runAction(formData, form, async (db, actor, { code, ...correction }) => {
    await reissueCertificate(db, actor, code, correction);
    revalidatePath(`/trainer/sessions/${sessionId}`);
    redirect(certificateNoticeUrl(sessionId, 'reissued'));
  });
}

/** The trainer approves or declines a request for a place. */
export async function decideRequestAction(sessionId: string, registrationId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return decideRequest(registrationId, formData, () => refreshRoster(sessionId));
}
