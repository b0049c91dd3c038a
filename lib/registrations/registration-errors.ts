import { AppError, RateLimitedError } from '@/lib/errors/app-error';

/**
 * What every anonymous caller is told when the session confirms by email, whatever the address's
 * state (new, already booked, already held), so the answer says nothing about who registered.
 * A new place answers `held`; an address that had one is this error. Callers answer both alike.
 */
export const CHECK_EMAIL_MESSAGE = 'Check your email to confirm your place.';
export const checkEmailAnswer = () => new AppError('check_email', CHECK_EMAIL_MESSAGE, 202);
export const isCheckEmailAnswer = (error: unknown) => error instanceof AppError && error.code === 'check_email';

export const alreadyRegisteredError = () =>
  new AppError('already_registered', 'This email address already has a place in this session.', 409, {
    email: 'This email address already has a place in this session.',
  });

/** The anonymous answer for an address that has a place: no status, and the link went to its owner. */
export const alreadyRegisteredEmailedError = () =>
  new AppError('already_registered', 'This email address is already registered for this session. We have emailed its manage link to that address.', 409, {
    email: 'This email address is already registered for this session. We have emailed its manage link to that address.',
  });

export const sessionCancelledError = () => new AppError('session_cancelled', 'This session has been cancelled.', 409);
export const registrationClosedError = () => new AppError('registration_closed', 'Registration for this session is closed.', 409);

export const tooManyRegistrations = (retryAfterMs: number) =>
  new RateLimitedError('Too many registrations from your network. Try again in a minute.', retryAfterMs);
