'use client';

import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFeedLinks, TFeedResetAction, TFeedResetState } from './feed-state';

type Props = {
  links: TFeedLinks;
  action: TFeedResetAction;
  /** Proof of who is asking, sent with the reset (a manage token). */
  hidden?: Record<string, string>;
  subscribeLabel: string;
};

function CopyableLink({ url }: { url: string }) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="field-label">
        Link to paste into your calendar app
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          type="text"
          readOnly
          value={url}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
          className="field-input min-w-0 flex-1 font-mono text-sm"
        />
        <button type="button" className="btn-secondary" onClick={copy}>
          Copy link
        </button>
      </div>
      <p aria-live="polite" className="text-sm">
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'no' && 'Could not copy: select the link and copy it yourself.'}
      </p>
    </div>
  );
}

/** The feed's links, and a reset that asks before it revokes the current link. */
export function FeedLinks({ links, action, hidden = {}, subscribeLabel }: Props) {
  const questionId = useId();
  const [confirming, setConfirming] = useState(false);
  const [state, formAction] = useActionState(async (previous: TFeedResetState, formData: FormData) => {
    const next = await action(previous, formData);
    if (next.ok) setConfirming(false);
    return next;
  }, {});
  const current = state.links ?? links;
  const question = useRef<HTMLDivElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const asked = useRef(false);
  const keptIt = useRef(false);
  useEffect(() => {
    // Focus follows the step: to the question when it opens; after, to the outcome of the reset,
    // or back to the button when the person kept the link.
    if (confirming) question.current?.focus();
    else if (asked.current) (keptIt.current ? start.current : outcome.current)?.focus();
    asked.current = confirming;
    keptIt.current = false;
  }, [confirming, state]);

  return (
    <div className="space-y-4">
      <p>
        <a href={current.webcal} className="btn-primary">
          {subscribeLabel}
        </a>
      </p>
      <CopyableLink key={current.web} url={current.web} />
      <div ref={outcome} tabIndex={-1}>
        <FormMessage state={state} />
      </div>
      <form action={formAction} className="space-y-3">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {confirming ? (
          <div
            ref={question}
            tabIndex={-1}
            role="group"
            aria-labelledby={questionId}
            className="space-y-3 rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-950"
          >
            <p id={questionId} className="font-semibold">
              Reset this link? Calendars subscribed with the current link stop updating; you subscribe again with the new one.
            </p>
            <div className="flex flex-wrap gap-3">
              <SubmitButton pendingText="Resetting…">Yes, reset the link</SubmitButton>
              <button
                type="button"
                className="btn-secondary"
                onClick={() => {
                  keptIt.current = true;
                  setConfirming(false);
                }}
              >
                No, keep it
              </button>
            </div>
          </div>
        ) : (
          <button ref={start} type="button" className="btn-secondary" onClick={() => setConfirming(true)}>
            Reset this link…
          </button>
        )}
      </form>
    </div>
  );
}
