'use client';

import { useEffect, useRef } from 'react';
import type { TRegistrationOutcome } from '@/app/sessions/[id]/registration-steps';

/** Replaces the form once a place is taken; focus moves here so the result is heard and seen first. */
export function RegistrationConfirmation({ outcome }: { outcome: TRegistrationOutcome }) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, []);
  const confirmed = outcome.status === 'confirmed';
  return (
    <div
      ref={panel}
      tabIndex={-1}
      role="status"
      className={
        confirmed
          ? 'space-y-2 rounded-md border border-green-300 bg-green-50 p-4 text-green-950'
          : 'space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950'
      }
    >
      {outcome.status === 'confirmed' && (
        <p className="font-semibold">
          {"You're booked. We've emailed "}
          <span className="break-all">{outcome.email}</span>
          {' a confirmation with a calendar invite.'}
        </p>
      )}
      {outcome.status === 'waitlisted' && (
        <p className="font-semibold">
          {`The session is full. You are number ${outcome.waitlistPosition} on the waitlist; we'll email you if a place frees.`}
        </p>
      )}
      {outcome.status === 'pending_approval' && (
        <p className="font-semibold">
          {'Your request is sent for approval. Your place is held while it is decided; we have emailed '}
          <span className="break-all">{outcome.email}</span>
          {' who decides and by when, and your calendar invite follows once it is approved.'}
        </p>
      )}
      {outcome.status === 'check_email' ? (
        <>
          <p className="font-semibold">Check your email to confirm your place.</p>
          <p>
            {'We have sent a message to '}
            <span className="break-all">{outcome.email}</span>
            {'. Your place is held for 30 minutes: use the button in the email to confirm it, and your calendar invite follows.'}
          </p>
        </>
      ) : (
        <p>{'The email has a link to manage your place: use it to cancel or to move to another session.'}</p>
      )}
    </div>
  );
}
