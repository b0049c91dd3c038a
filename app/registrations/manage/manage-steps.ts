import 'server-only';
import type { TFormState } from '@/app/_lib/trainer-action';
import type { Db } from '@/db';
import { toFormState } from '@/lib/errors/answers';
import { cancelRegistration } from '@/lib/registrations/cancel';
import { getManageView, type TManageViewDto } from '@/lib/registrations/manage-view';
import { moveRegistration } from '@/lib/registrations/move';

/** Where the manage page of a registration is; the token is the only key to it. */
export function managePath(token: string, done?: 'cancelled' | 'moved'): string {
  return `/registrations/manage?token=${encodeURIComponent(token)}${done ? `&done=${done}` : ''}`;
}

export type TManageStepResult = { state: TFormState; redirectTo?: undefined } | { redirectTo: string; state?: undefined };

const linkFailed: TFormState = { error: 'This link does not work any more. Open the latest email about your place and use its link.' };
const unchangeable: TFormState = { error: 'This place can no longer be changed: it is cancelled, or the session has started or been cancelled.' };

async function changeableView(db: Db, token: string): Promise<TManageViewDto | TFormState> {
  const view = await getManageView(db, token);
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
