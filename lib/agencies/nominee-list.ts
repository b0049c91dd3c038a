import { z } from 'zod';
import { eachAddressOnce } from '@/lib/text/each-address-once';
import { ZRegistrationInput } from '@/lib/registrations/schemas';

/** One officer a coordinator registers (or sends as a substitute): the registration form's rules for these fields. */
export const ZNominee = ZRegistrationInput.pick({ name: true, email: true, badgeNumber: true });
export type TNominee = { name: string; email: string; badgeNumber: string };

/** A line of a pasted list: the officer read from it, or what is wrong with it. */
export type TNomineeLine = { line: number; text: string; nominee?: TNominee; problem?: string };

export const MAX_NOMINEES = 200;

/** One officer or up to MAX_NOMINEES, each address once: what a coordinator's system sends. */
export const ZNominations = z.object({
  officers: z
    .array(ZNominee)
    .min(1, 'List at least one officer.')
    .max(MAX_NOMINEES, `At most ${MAX_NOMINEES} officers at once.`)
    .superRefine(eachAddressOnce((email) => `${email} is listed twice.`)),
});

const HEADER = /^\s*"?name"?\s*[,;\t]/i;

/** Splits one line into its fields: tabs (a spreadsheet's copy), else commas or semicolons, quotes removed. */
function fieldsOf(text: string): string[] {
  const separator = text.includes('\t') ? '\t' : /[,;]/;
  return text
    .split(separator)
    .map((field) => field.trim().replace(/^"(.*)"$/, '$1').trim())
    .filter((field) => field !== '');
}

/**
 * Reads a pasted list of officers, one a line: name, email and badge number in any order the
 * email can be told apart in (the field with an @ is the email, the first other is the name,
 * the next the badge), separated by commas, semicolons or tabs. A header line is skipped.
 * Every line is answered, each bad one with what to fix, so nothing is saved from a list
 * until it reads cleanly.
 */
export function parseNomineeList(text: string): TNomineeLine[] {
  const lines = text.split(/\r?\n/).map((raw, i) => ({ line: i + 1, text: raw.trim() }));
  const seen = new Map<string, number>();
  const answered: TNomineeLine[] = [];
  for (const { line, text: content } of lines) {
    if (content === '' || (answered.length === 0 && HEADER.test(content) && !content.includes('@'))) continue;
    const fields = fieldsOf(content);
    const emails = fields.filter((field) => field.includes('@'));
    const others = fields.filter((field) => !field.includes('@'));
    if (emails.length === 0) {
      answered.push({ line, text: content, problem: 'No email address on this line.' });
      continue;
    }
    if (emails.length > 1) {
      answered.push({ line, text: content, problem: 'Two email addresses on one line: put each officer on a line of their own.' });
      continue;
    }
    const parsed = ZNominee.safeParse({ name: others[0] ?? '', email: emails[0], badgeNumber: others[1] ?? '' });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const problem = issue.path[0] === 'name' && !others[0] ? 'No name on this line.' : issue.message;
      answered.push({ line, text: content, problem });
      continue;
    }
    const nominee = { name: parsed.data.name, email: parsed.data.email, badgeNumber: parsed.data.badgeNumber };
    const earlier = seen.get(nominee.email);
    if (earlier) {
      answered.push({ line, text: content, problem: `${nominee.email} is on line ${earlier} already.` });
      continue;
    }
    seen.set(nominee.email, line);
    answered.push({ line, text: content, nominee });
  }
  if (answered.length > MAX_NOMINEES) {
    return [{ line: answered[MAX_NOMINEES]!.line, text: answered[MAX_NOMINEES]!.text, problem: `At most ${MAX_NOMINEES} officers in one list; split it in two.` }];
  }
  return answered;
}

/** The officers of a list that reads cleanly, or undefined when any line has a problem or none is given. */
export function cleanNominees(lines: readonly TNomineeLine[]): TNominee[] | undefined {
  if (lines.length === 0 || lines.some((line) => line.problem)) return undefined;
  return lines.map((line) => line.nominee!);
}
