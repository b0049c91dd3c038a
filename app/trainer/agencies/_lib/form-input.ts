import { AppError } from '@/lib/errors/app-error';

/** A text field of a submitted form ('' when absent or a file). */
export function text(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === 'string' ? value : '';
}

/** The agency fields as the domain takes them; units come one per line. */
export function agencyInput(formData: FormData) {
  return {
    name: text(formData, 'name'),
    kind: text(formData, 'kind'),
    units: text(formData, 'units')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
    notes: text(formData, 'notes'),
  };
}

/** The fields of a prefixed form (`contact.name` → `name`), trimmed. */
export function prefixedInput<K extends string>(formData: FormData, prefix: string, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, text(formData, `${prefix}${key}`).trim()])) as Record<K, string>;
}

/**
 * Runs a domain call and renames the field keys of an AppError it throws, so messages land beside
 * the inputs of a form whose names differ from the domain's (a prefix, or `units.3` → `units`).
 */
export async function renamingFields<T>(run: () => Promise<T>, rename: (key: string) => string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.fields) {
      const fields: Record<string, string> = {};
      for (const [key, message] of Object.entries(error.fields)) fields[rename(key)] ??= message;
      throw new AppError(error.code, error.message, error.status, fields);
    }
    throw error;
  }
}

/** `units.3` → `units`: one message beside the textarea for any of its lines. */
export const agencyFieldKey = (key: string) => key.split('.')[0] ?? key;
