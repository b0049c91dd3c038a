/**
 * The only place that takes, holds or frees a seat. Callers say what they want (takeSeat,
 * takeRememberedSeat, takePlace under a lock, releasePlace, promoteFromWaitlist); how it is done
 * fast (one statement, coalesced batches, remembered sessions) stays inside.
 */
export { clockAt, systemClock, type TClock } from './clock';
export { releaseIsDue, reservesSeats } from './allotments';
export { releaseDueAllotments } from './release';
export { addressLimitError, checkAddressLimit, releasePlace, takePlace, type TEndedPlace, type TLockedSession, type TPlace } from './locked-place';
export type { TRateLimitHit } from './one-statement';
export { takeRememberedSeat, takeSeat, type TSeatOutcome, type TSeatRule } from './take-seat';
export { promoteChosen, promoteFromWaitlist, sessionFullError } from './waitlist';
