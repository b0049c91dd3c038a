import { render, toPlainText } from '@react-email/render';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { emailComponents } from '@/emails';
import { goldenProps } from './_golden/fixtures';
import { renderMail } from './render';

async function fullRender(template: keyof typeof emailComponents, props: object) {
  const html = await render(createElement(emailComponents[template], props as never));
  return { html, text: toPlainText(html) };
}

/** The same message for someone else: every value that names the person changed. */
function forSomeoneElse(props: Record<string, unknown>, who: { name: string; tag: string }): Record<string, unknown> {
  const swap = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      if (key === 'name' || key === 'officerName') return who.name;
      if (key === 'email' || key === 'officerEmail') return `${who.tag}@example.org`;
      if (['manageUrl', 'checkInUrl', 'decideUrl', 'confirmUrl', 'verifyUrl'].includes(key)) return `${value}&who=${who.tag}`;
      if (key === 'code' || key === 'uid') return `${value}${who.tag.toUpperCase()}`;
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v, k)]));
    return value;
  };
  return swap(props, '') as Record<string, unknown>;
}

const people = [
  { name: 'Ana Ruiz', tag: 'ana' },
  { name: "Zoë O'Brien-Ånström", tag: 'zoe' },
  { name: 'Nguyễn Thị Minh Khai <Khai> & Co', tag: 'khai' },
  { name: 'X', tag: 'x' },
  // Not plain: rendered in full, never filled in.
  { name: 'Two  spaces', tag: 'two' },
  { name: ' Leading', tag: 'lead' },
];

describe('renderMail', () => {
  it('gives every person exactly the full render of their message, for every template, shared or not', async () => {
    for (const [template, fixtures] of Object.entries(goldenProps) as [keyof typeof emailComponents, Record<string, unknown>[]][]) {
      for (const fixture of fixtures) {
        for (const who of people) {
          const props = forSomeoneElse(fixture, who);
          expect(await renderMail(template, props), `${template} for ${who.name}`).toEqual(await fullRender(template, props));
        }
      }
    }
  });

  it('keeps messages with and without a personal part apart', async () => {
    const [confirmed] = goldenProps['registration-confirmed'];
    const withCode = { ...confirmed, name: 'Ana Ruiz' };
    const { checkInUrl: _omit, ...withoutCode } = withCode;
    await renderMail('registration-confirmed', withCode);
    const rendered = await renderMail('registration-confirmed', withoutCode);
    expect(rendered).toEqual(await fullRender('registration-confirmed', withoutCode));
    expect(rendered.html).not.toContain('cid:check-in-qr');
  });
});
