'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type TFormState } from '@/app/_lib/trainer-action';
import { z } from 'zod';
import { field } from '@/app/_lib/form-schema';
import { recordAttendance } from '@/lib/attendance/record';
import { addWalkIn } from '@/lib/attendance/walk-in';
import { attendanceWords } from './_lib/attendance-words';

/** Attendance shows on the door list and on the roster; a walk-in also changes the seat counts. */
function refreshSession(sessionId: string) {
  revalidatePath(`/trainer/sessions/${sessionId}/check-in`);
  revalidatePath(`/trainer/sessions/${sessionId}`);
}

const ZAttendanceForm = z.object({ registrationId: field.text(), status: field.text(), hours: field.decimal() });

/** One tap at the door: attended, absent, or partial with the hours typed beside it. */
export async function markAttendanceAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, ZAttendanceForm, async (db, actor, { registrationId, status, hours }) => {
    const input = status === 'partial' && hours !== undefined ? { status, hours } : { status };
    const { changed, registration } = await recordAttendance(db, actor, registrationId, input);
    refreshSession(registration.sessionId);
    const words = attendanceWords(registration.attendance, registration.attendedHours);
    return { ok: true, message: changed ? `${registration.name}: ${words}.` : `${registration.name} was already ${words}; nothing changed.` };
  });
}

/** Someone at the door without a place: added over capacity if need be and marked attended in one step. */
export async function addWalkInAction(sessionId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, z.object({ name: field.text(), email: field.text(), agency: field.text() }), async (db, actor, input) => {
    const person = await addWalkIn(db, actor, sessionId, input);
    refreshSession(sessionId);
    return { ok: true, message: `${person.name} is added and marked attended. Their confirmation is on its way by email.` };
  });
}
