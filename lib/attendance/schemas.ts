import { z } from 'zod';

export const attendanceStatuses = ['attended', 'absent', 'partial'] as const;

/**
 * Attendance as a trainer records it. The upper limit for `hours` depends on the session's length,
 * so recordAttendance checks it; here only what holds for every session.
 */
export const ZAttendanceInput = z.object({
  status: z.enum(attendanceStatuses, { error: 'Choose attended, absent or partial.' }),
  hours: z
    .number({ error: 'Enter the hours as a number, like 1.5.' })
    .refine((n) => n > 0, 'Enter the hours attended: more than 0.')
    .refine((n) => n < 1000, 'Enter fewer than 1,000 hours.')
    // Stored as numeric(5,2); 1.1 * 100 is not exactly 110 in floating point, hence the tolerance.
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'Use at most two decimal places.')
    .optional(),
});

export type TAttendanceInput = z.input<typeof ZAttendanceInput>;
export type TAttendanceStatus = (typeof attendanceStatuses)[number];
