import 'server-only';
import type { TFormState } from '@/app/_lib/trainer-action';
import type { Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { toFormState } from '@/lib/errors/answers';
import { RateLimitedError } from '@/lib/errors/app-error';
import { describeWait } from '@/lib/rate-limit/rate-limit';
import { clientKeyOf } from '@/lib/registrations/client-key';
import { isCheckEmailAnswer, registerForSession } from '@/lib/registrations/register';

/** The fields of the public registration form, named as the domain's input. */
export const REGISTRATION_FIELDS = ['name', 'email', 'agency', 'badgeNumber', 'role', 'accessNeeds'] as const;

export type TRegistrationOutcome =
  | { status: 'confirmed'; email: string }
  | { status: 'waitlisted'; email: string; waitlistPosition: number }
  /** The session needs approval: the place is held while the approver decides. */
  | { status: 'pending_approval'; email: string }
  /** The session confirms by email: the same whatever the address's state. */
  | { status: 'check_email'; email: string };

export type TRegisterFormState = TFormState & { outcome?: TRegistrationOutcome };

/** How the server action is run: who asks, from where, and the per-IP limit. */
export type TRequestContext = { actor: TActor; ip: string; limitPerIp: number };

const WINDOW_MS = 60_000;

function typed(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of REGISTRATION_FIELDS) {
    const value = formData.get(field);
    values[field] = typeof value === 'string' ? value : '';
  }
  return values;
}

/**
 * The same budget as the JSON API's public registration (the same key), so the page is no way
 * around it. Trainers are not limited there either.
 */
function registrationLimit({ actor, ip, limitPerIp }: TRequestContext) {
  return actor?.role === 'trainer' ? undefined : { key: `register:ip:${ip}`, limit: limitPerIp, windowMs: WINDOW_MS };
}

/** The registration form's work: limit, register, and say what happened in words for the page. */
export async function submitRegistration(db: Db, context: TRequestContext, sessionId: string, formData: FormData): Promise<TRegisterFormState> {
  const values = typed(formData);
  const email = values.email!.trim().toLowerCase();
  try {
    const result = await registerForSession(db, context.actor, sessionId, values, {
      rateLimit: registrationLimit(context),
      clientKey: context.actor?.role === 'trainer' ? undefined : clientKeyOf(context.ip),
    });
    if (result.status === 'held') return { ok: true, outcome: { status: 'check_email', email } };
    if (result.status === 'pending_approval') return { ok: true, outcome: { status: 'pending_approval', email } };
    return result.status === 'waitlisted'
      ? { ok: true, outcome: { status: 'waitlisted', email, waitlistPosition: result.waitlistPosition } }
      : { ok: true, outcome: { status: 'confirmed', email } };
  } catch (error) {
    if (isCheckEmailAnswer(error)) return { ok: true, outcome: { status: 'check_email', email } };
    if (error instanceof RateLimitedError) {
      return { error: `Too many registrations from your network. Please try again in ${describeWait(error.retryAfterMs)}.`, values };
    }
    return { ...toFormState(error), values };
  }
}
