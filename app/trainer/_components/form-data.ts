import { AppError } from '@/lib/errors/app-error';

/** Every text field of a submitted form, as runAction's ZFormFields reads it for a form with its own parser. */
export type TFormFields = Record<string, string>;

/**
 * A text field of a submitted form: '' when absent. NUL characters are dropped: PostgreSQL text
 * cannot hold them (the query would fail with a 500) and nobody types one.
 */
export function formText(form: TFormFields, key: string): string {
  return Object.hasOwn(form, key) ? form[key]!.replaceAll('\u0000', '') : '';
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A number typed in a form, or NaN when the text is not a plain decimal, so the schema answers
 * with its own message. Number() alone would read '' as 0 and '0x10' or '1e3' as numbers.
 */
export function formNumber(raw: string): number {
  const text = raw.trim();
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

/**
 * Runs a domain call and renames the field keys of an AppError it throws, so messages land beside
 * the inputs of a form whose names differ from the domain's (`learningObjectives.3` → the textarea).
 */
export async function renamingFields<T>(run: () => Promise<T>, rename: (key: string, message: string) => [string, string]): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.fields) throw new AppError(error.code, error.message, error.status, renameFields(error.fields, rename));
    throw error;
  }
}

/** Field messages under new keys; the first message per key wins. */
export function renameFields(fields: Record<string, string>, rename: (key: string, message: string) => [string, string]): Record<string, string> {
  const renamed: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    const [newKey, newMessage] = rename(key, message);
    renamed[newKey] ??= newMessage;
  }
  return renamed;
}
