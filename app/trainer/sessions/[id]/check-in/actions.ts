'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type TFormState } from '@/app/_lib/trainer-action';
import { formNumber, formText } from '@/app/trainer/_components/form-data';
import { recordAttendance } from '@/lib/attendance/record';
import { addWalkIn } from '@/lib/attendance/walk-in';
import { attendanceWords } from './_lib/attendance-words';

/** Attendance shows on the door list and on the roster; a walk-in also changes the seat counts. */
function refreshSession(sessionId: string) {
  revalidatePath(`/trainer/sessions/${sessionId}/check-in`);
  revalidatePath(`/trainer/sessions/${sessionId}`);
}

/** One tap at the door: attended, absent, or partial with the hours typed beside it. */
export async function markAttendanceAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, async (db, actor) => {
    const status = formText(formData, 'status');
    const hours = formText(formData, 'hours').trim();
    const input = status === 'partial' && hours ? { status, hours: formNumber(hours) } : { status };
    const { changed, registration } = await recordAttendance(db, actor, formText(formData, 'registrationId'), input);
    refreshSession(registration.sessionId);
    const words = attendanceWords(registration.attendance, registration.attendedHours);
    return { ok: true, message: changed ? `${registration.name}: ${words}.` : `${registration.name} was already ${words}; nothing changed.` };
  });
}

/** Someone at the door without a place: added over capacity if need be and marked attended in one step. */
export async function addWalkInAction(sessionId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, async (db, actor) => {
    const person = await addWalkIn(db, actor, sessionId, {
      name: formText(formData, 'name'),
      email: formText(formData, 'email'),
      agency: formText(formData, 'agency'),
    });
    refreshSession(sessionId);
    return { ok: true, message: `${person.name} is added and marked attended. Their confirmation is on its way by email.` };
  });
}
