import 'server-only';
import type { TFormState } from '@/app/_lib/trainer-action';
import type { Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { toFormState } from '@/lib/errors/answers';
import { AppError, RateLimitedError } from '@/lib/errors/app-error';
import { describeWait, hitRateLimit } from '@/lib/rate-limit/rate-limit';
import { emailManageLink } from '@/lib/registrations/manage-link';
import { registerForSession } from '@/lib/registrations/register';

/** The fields of the public registration form, named as the domain's input. */
export const REGISTRATION_FIELDS = ['name', 'email', 'agency', 'badgeNumber', 'role', 'accessNeeds'] as const;

export type TRegistrationOutcome =
  | { status: 'confirmed'; email: string }
  | { status: 'waitlisted'; email: string; waitlistPosition: number };

export type TRegisterFormState = TFormState & {
  outcome?: TRegistrationOutcome;
  /** The address that already holds a place here: the form offers to email its manage link. */
  alreadyRegistered?: string;
};

export type TManageLinkState = TFormState & { sent?: boolean };

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
  try {
    const result = await registerForSession(db, context.actor, sessionId, values, { rateLimit: registrationLimit(context) });
    const email = values.email!.trim().toLowerCase();
    return result.status === 'waitlisted'
      ? { ok: true, outcome: { status: 'waitlisted', email, waitlistPosition: result.waitlistPosition } }
      : { ok: true, outcome: { status: 'confirmed', email } };
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return { error: `Too many registrations from your network. Please try again in ${describeWait(error.retryAfterMs)}.`, values };
    }
    const state = { ...toFormState(error), values };
    return error instanceof AppError && error.code === 'already_registered' ? { ...state, alreadyRegistered: values.email!.trim() } : state;
  }
}

/**
 * "Email me my manage link": the answer is the same whether or not the address has a place, so
 * the form cannot be used to find out who is coming. Limited like registering, under its own key.
 */
export async function requestManageLink(db: Db, context: TRequestContext, sessionId: string, formData: FormData): Promise<TManageLinkState> {
  const email = String(formData.get('email') ?? '').trim();
  if (context.actor?.role !== 'trainer') {
    const hit = await hitRateLimit(db, `manage-link:ip:${context.ip}`, { limit: context.limitPerIp, windowMs: WINDOW_MS });
    if (!hit.allowed) return { error: `Too many requests from your network. Please try again in ${describeWait(hit.retryAfterMs)}.` };
  }
  try {
    if (email) await emailManageLink(db, sessionId, email);
  } catch (error) {
    return toFormState(error);
  }
  return { ok: true, sent: true, message: "If that address has a place, we've sent its manage link." };
}
