import 'server-only';
import type { TFormState } from '@/app/_lib/trainer-action';
import type { Db } from '@/db';
import { toFormState } from '@/lib/errors/answers';
import { cancelRegistration } from '@/lib/registrations/cancel';
import { getManageViewOf, type TManageViewDto } from '@/lib/registrations/manage-view';
import { replacePrivateDetails, type TPrivateDetailsChange } from '@/lib/registrations/private-details';
import { openManageLink } from '@/lib/registrations/tokens';
import { moveRegistration } from '@/lib/registrations/move';

/** Where the manage page of a registration is; the token is the only key to it. */
export function managePath(token: string, done?: 'cancelled' | 'moved'): string {
  return `/registrations/manage?token=${encodeURIComponent(token)}${done ? `&done=${done}` : ''}`;
}

export type TManageStepResult = { state: TFormState; redirectTo?: undefined } | { redirectTo: string; state?: undefined };

const linkFailed: TFormState = { error: 'This link does not work any more. Open the latest email about your place and use its link.' };
const unchangeable: TFormState = { error: 'This place can no longer be changed: it is cancelled, or the session has started or been cancelled.' };

const linkExpired: TFormState = { error: 'This link has expired: links stop working 30 days after the session ends.' };

async function changeableView(db: Db, token: string): Promise<TManageViewDto | TFormState> {
  const link = await openManageLink(db, token);
  if (link.kind === 'expired') return linkExpired;
  const view = link.kind === 'valid' ? await getManageViewOf(db, link.registrationId) : null;
  if (!view) return linkFailed;
  if (!view.changeable) return unchangeable;
  return view;
}

const isView = (value: TManageViewDto | TFormState): value is TManageViewDto => 'registration' in value;

function refused(error: unknown): TManageStepResult {
  const { values: _typed, ...state } = toFormState(error);
  return { state };
}

/** "Cancel my place", for the holder of the link; back to the same page, which then says so. */
export async function cancelPlace(db: Db, token: string): Promise<TManageStepResult> {
  const view = await changeableView(db, token);
  if (!isView(view)) return { state: view };
  try {
    await cancelRegistration(db, view.registration.id, { manageToken: token });
  } catch (error) {
    return refused(error);
  }
  return { redirectTo: managePath(token, 'cancelled') };
}

/**
 * Moves the place to a session the page offered: anything else (a session since closed, filled
 * by someone with this address, or never offered) is refused with a word, not attempted.
 */
export async function movePlace(db: Db, token: string, targetSessionId: string): Promise<TManageStepResult> {
  const view = await changeableView(db, token);
  if (!isView(view)) return { state: view };
  if (!targetSessionId) return { state: { error: 'Choose a session to move to.', fields: { targetSessionId: 'Choose a session to move to.' } } };
  if (!view.moveTargets.some((target) => target.id === targetSessionId)) {
    const message = 'That session is no longer open for registration. Choose another.';
    return { state: { error: message, fields: { targetSessionId: message } } };
  }
  try {
    const moved = await moveRegistration(db, view.registration.id, { manageToken: token }, targetSessionId);
    return { redirectTo: managePath(moved.manageToken, 'moved') };
  } catch (error) {
    return refused(error);
  }
}

/**
 * Replaces the badge number or access needs the person gave, without showing either back: the
 * page says only whether each was given. Nothing else about the place changes.
 */
export async function replaceDetails(db: Db, token: string, change: TPrivateDetailsChange): Promise<TFormState> {
  const view = await changeableView(db, token);
  if (!isView(view)) return view;
  try {
    const changed = await replacePrivateDetails(db, view.registration.id, change);
    return changed.length === 0
      ? { error: 'Type a new value, or tick a box to remove one.' }
      : { ok: true, message: `Saved: your ${changed.join(' and ')} ${changed.length === 1 ? 'is' : 'are'} updated. The trainers see the new ${changed.length === 1 ? 'one' : 'ones'}.` };
  } catch (error) {
    return refused(error).state!;
  }
}
