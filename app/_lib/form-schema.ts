import { z } from 'zod';
import { formNumber } from '@/app/trainer/_components/form-data';

/**
 * Field shapes for the schema each server action reads its form with (runAction). They only
 * turn form text into the types the domain takes; the domain's own schemas say what is allowed,
 * so their messages are the ones shown beside the fields.
 */
export const field = {
  /** Text, '' when absent. NUL is dropped: PostgreSQL text cannot hold it and nobody types one. */
  text: () => z.string().optional().transform((value) => (value ?? '').replaceAll('\u0000', '')),
  /** A ticked checkbox or a hidden `1`. */
  flag: () => z.string().optional().transform((value) => value === '1'),
  /** A textarea read one entry per line, trimmed, blank lines left out. */
  lines: () =>
    field.text().transform((value) =>
      value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  /** A typed number: undefined when blank, NaN when not a plain decimal (see formNumber). */
  decimal: () => field.text().transform((value) => (value.trim() === '' ? undefined : formNumber(value))),
};

/** A form with no fields of its own beyond what the page's URL already says (ids bound to the action). */
export const ZNoFields = z.object({});

/** Every field as text, for a form with a parser of its own (the session and workshop forms). */
export const ZFormFields = z.record(z.string(), z.string());
