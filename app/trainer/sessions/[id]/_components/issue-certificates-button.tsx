'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { TIssueEvent } from '../certificates/_lib/issue-stream';
import { ConfirmStep } from './confirm-step';

type TPhase =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number | null }
  | { phase: 'finished'; issued: number; alreadyIssued: number }
  | { phase: 'failed'; message: string };

const LOST = 'The connection was lost before the end. Reload the page to see which certificates were issued.';

function finishedText(issued: number, alreadyIssued: number): string {
  if (issued === 0) return alreadyIssued > 0 ? 'Nobody new to certify: everyone who earned one already has a certificate.' : 'The roster is closed. Nobody’s attendance earned a certificate.';
  return `Issued ${issued} ${issued === 1 ? 'certificate' : 'certificates'}. Each holder is being emailed their PDF.`;
}

/** Reads the NDJSON answer line by line, as it arrives. */
async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (event: TIssueEvent) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onEvent(JSON.parse(line) as TIssueEvent);
  }
}

/**
 * "Close roster and issue certificates", after a confirm step, with a progress bar fed by the
 * streamed answer: a roster of hundreds takes seconds, and the trainer sees it moving.
 */
export function IssueCertificatesButton({
  sessionId,
  toIssue,
  startLabel,
  question,
  children,
  offer = true,
}: {
  sessionId: string;
  toIssue: number;
  startLabel: string;
  question: string;
  children?: React.ReactNode;
  /** False once there is nothing left to issue: the button goes, but a finished run's outcome stays. */
  offer?: boolean;
}) {
  const router = useRouter();
  const [state, setState] = useState<TPhase>({ phase: 'idle' });
  const panel = useRef<HTMLDivElement>(null);
  const phase = state.phase;
  useEffect(() => {
    if (phase !== 'idle') panel.current?.focus();
  }, [phase]);

  async function issue() {
    setState({ phase: 'running', done: 0, total: null });
    let outcome: TPhase | undefined;
    try {
      const response = await fetch(`/trainer/sessions/${encodeURIComponent(sessionId)}/certificates/issue`, {
        method: 'POST',
        headers: { accept: 'application/x-ndjson' },
      });
      if (!response.ok || !response.body) {
        const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setState({ phase: 'failed', message: answer?.error?.message ?? 'The certificates could not be issued. Try again.' });
        return;
      }
      await readEvents(response.body, (event) => {
        if (event.type === 'progress') setState({ phase: 'running', done: event.done, total: event.total });
        else if (event.type === 'done') outcome = { phase: 'finished', issued: event.issued, alreadyIssued: event.alreadyIssued };
        else outcome = { phase: 'failed', message: event.message };
      });
    } catch {
      outcome = undefined;
    }
    setState(outcome ?? { phase: 'failed', message: LOST });
    if (outcome?.phase === 'finished') router.refresh();
  }

  if (state.phase === 'idle') {
    if (!offer) return null;
    return (
      <ConfirmStep
        startLabel={startLabel}
        startClassName="btn-primary"
        question={question}
        keepLabel="Not yet"
        confirm={
          <button type="button" className="btn-primary" onClick={issue}>
            Yes, close the roster and issue {toIssue === 1 ? 'the certificate' : 'certificates'}
          </button>
        }
      >
        {children}
      </ConfirmStep>
    );
  }

  return (
    <div ref={panel} tabIndex={-1} className="space-y-2 rounded-md border border-slate-300 p-4">
      {state.phase === 'running' && (
        <>
          <label htmlFor={`issue-progress-${sessionId}`} className="font-semibold">
            {state.total === null ? 'Closing the roster…' : 'Issuing certificates…'}
          </label>
          <progress
            id={`issue-progress-${sessionId}`}
            className="block h-3 w-full"
            value={state.total === null ? undefined : state.done}
            max={state.total === null ? undefined : Math.max(state.total, 1)}
          />
          <p role="status" aria-live="polite">
            {state.total === null ? 'Starting…' : `Issued ${state.done} of ${state.total}`}
          </p>
        </>
      )}
      {state.phase === 'finished' && (
        <p role="status" className="text-green-900">
          {finishedText(state.issued, state.alreadyIssued)}
        </p>
      )}
      {state.phase === 'failed' && (
        <div role="alert" className="space-y-2 text-red-900">
          <p className="font-semibold">{state.message}</p>
          <button type="button" className="btn-secondary" onClick={() => setState({ phase: 'idle' })}>
            Back
          </button>
        </div>
      )}
    </div>
  );
}
