import type { z } from 'zod';

/**
 * A zod refinement for a list of people: an address (any case) may appear once, the repeat
 * refused beside its own email field. Empty addresses are left to the field's own rules.
 */
export function eachAddressOnce(message: (email: string) => string) {
  return (people: readonly { email: string }[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    people.forEach((person, i) => {
      const key = person.email.toLowerCase();
      if (key && seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'email'], message: message(person.email) });
      seen.add(key);
    });
  };
}
