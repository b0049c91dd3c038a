'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { refreshCatalogue } from '@/app/_lib/catalogue-cache';
import { runAction, type TFormState } from '@/app/_lib/trainer-action';
import { formText, renamingFields } from '@/app/trainer/_components/form-data';
import { assertTrainer } from '@/lib/auth/actor';
import { reissueCertificate, revokeCertificate } from '@/lib/certificates/issue';
import { AppError, fieldError } from '@/lib/errors/app-error';
import { cancelRegistration } from '@/lib/registrations/cancel';
import { promoteRegistration } from '@/lib/registrations/promote';
import { registerForSession } from '@/lib/registrations/register';
import { announceToSession } from '@/lib/roster/announce';
import { cancelSession } from '@/lib/sessions/cancel-session';
import { getSessionForTrainer } from '@/lib/sessions/sessions';
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

/** Confirms one waitlisted person out of turn; `overbook=1` goes over capacity on purpose. */
export async function promoteAction(sessionId: string, _previous: TPromoteState, formData: FormData): Promise<TPromoteState> {
  if (formText(formData, 'step') === 'keep') return {};
  let full = false;
  const state = await runAction(formData, async (db, actor) => {
    const registrationId = formText(formData, 'registrationId');
    try {
      await promoteRegistration(db, actor, registrationId, { overbook: formText(formData, 'overbook') === '1' });
    } catch (error) {
      if (error instanceof AppError && error.code === 'session_full') full = true;
      throw error;
    }
    refreshRoster(sessionId);
    redirect(rosterNoticeUrl(sessionId, 'promoted', registrationId));
  });
  return full ? { ...state, full: true } : state;
}

/**
 * A walk-in or a late addition: trainers may register someone outside the registration window.
 * A full session waitlists them unless the trainer ticked the over-capacity box.
 */
export async function addPersonAction(sessionId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, async (db, actor) => {
    assertTrainer(actor);
    const input = {
      name: formText(formData, 'name'),
      email: formText(formData, 'email'),
      agency: formText(formData, 'agency'),
      badgeNumber: formText(formData, 'badgeNumber'),
      role: formText(formData, 'role'),
      accessNeeds: formText(formData, 'accessNeeds'),
    };
    const allowOverbook = formText(formData, 'overbook') === '1';
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

/** Ends someone's place: they are emailed, and a freed seat goes to the first person waiting. */
export async function removeAction(sessionId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, async (db, actor) => {
    assertTrainer(actor);
    const registrationId = formText(formData, 'registrationId');
    const reason = formText(formData, 'reason').trim();
    if (reason.length > REASON_MAX) throw fieldError('reason', `The reason can be at most ${REASON_MAX} characters.`);
    const result = await cancelRegistration(db, registrationId, { actor }, { reason: reason || undefined });
    refreshRoster(sessionId);
    redirect(rosterNoticeUrl(sessionId, 'removed', registrationId, result.promotedIds));
  });
}

/** A message to everyone confirmed. */
export async function announceAction(sessionId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, async (db, actor) => {
    const { recipients } = await announceToSession(db, actor, sessionId, {
      subject: formText(formData, 'subject'),
      message: formText(formData, 'message'),
    });
    return { ok: true, message: `Message sent to ${recipients} confirmed ${recipients === 1 ? 'person' : 'people'}.` };
  });
}

const CANCEL_MESSAGE_MAX = 5000;

/** Cancels the whole session; everyone registered is emailed, with the trainer's message if given. */
export async function cancelSessionAction(sessionId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, async (db, actor) => {
    assertTrainer(actor);
    const message = formText(formData, 'cancelMessage').trim();
    if (message.length > CANCEL_MESSAGE_MAX) throw fieldError('cancelMessage', `The message can be at most ${CANCEL_MESSAGE_MAX} characters.`);
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
  return runAction(formData, async (db, actor) => {
    await revokeCertificate(db, actor, formText(formData, 'code'), formText(formData, 'reason'));
    revalidatePath(`/trainer/sessions/${sessionId}`);
    redirect(certificateNoticeUrl(sessionId, 'revoked'));
  });
}

/** Replaces a certificate with a corrected one, emailed to the holder; the old one is revoked. */
export async function reissueCertificateAction(sessionId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, async (db, actor) => {
    await reissueCertificate(db, actor, formText(formData, 'code'), {
      holderName: formText(formData, 'holderName'),
      reason: formText(formData, 'reason'),
    });
    revalidatePath(`/trainer/sessions/${sessionId}`);
    redirect(certificateNoticeUrl(sessionId, 'reissued'));
  });
}
