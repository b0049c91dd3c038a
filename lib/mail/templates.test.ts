import { describe, expect, it } from 'vitest';
import { goldenProps } from './_golden/fixtures';
import { outboxRows } from './enqueue';
import { mailTemplates, type TMailTemplateName } from './templates';

describe('the template registry', () => {
  it('accepts every email as Muster writes it, and stores the props as given', () => {
    for (const [template, fixtures] of Object.entries(goldenProps) as [TMailTemplateName, object[]][]) {
      for (const props of fixtures) {
        const [row] = outboxRows([{ to: 'a@example.org', template, props } as never]);
        expect(row!.props, template).toEqual(props);
        expect(row!.subject, template).toBe((mailTemplates[template].subject as (p: unknown) => string)(props));
      }
    }
  });

  it('refuses, when queued, props its template could not render: a missing fact, a misspelt one, a wrong kind', () => {
    const confirmed = goldenProps['registration-confirmed'][0]!;
    const { where: _where, ...withoutWhere } = confirmed;
    for (const props of [withoutWhere, { ...confirmed, manageURL: 'https://x.example' }, { ...confirmed, reason: 'lucky' }]) {
      expect(() => outboxRows([{ to: 'a@example.org', template: 'registration-confirmed', props } as never])).toThrow();
    }
  });

  it('has a builder-made part only where a template declares it, and the invite only where its props carry one', () => {
    const declared = Object.entries(mailTemplates).flatMap(([name, template]) => template.parts.map((part) => `${name}: ${part}`));
    expect(declared.sort()).toEqual(['certificate-issued: certificate-pdf', 'registration-confirmed: check-in-qr']);
    expect(mailTemplates['sign-in'].invite).toBe(false);
    expect(mailTemplates['session-changed'].invite).toBe(true);
  });
});
