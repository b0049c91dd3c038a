import 'server-only';
import { render, toPlainText } from '@react-email/render';
import { createElement } from 'react';
import { emailComponents } from '@/emails';
import type { TMailTemplateName } from './templates';

export class UnknownTemplateError extends Error {
  override name = 'UnknownTemplateError';
}

export type TRenderedMail = { html: string; text: string };

/**
 * Renders a queued message's body to HTML and plain text from its template and props, the text
 * made from the same HTML (as `render(…, {plainText: true})` does after a second render).
 *
 * Mail to many people about one session differs only in who it is for, so a template is rendered
 * once per set of shared facts, with a marker in place of each person's own value, and each
 * message fills in its values (see bodyFromMarkers). The result is exactly the full render's.
 */
export async function renderMail(template: string, props: Record<string, unknown>): Promise<TRenderedMail> {
  const component = emailComponents[template as TMailTemplateName];
  if (!component) throw new UnknownTemplateError(`No email template named "${template}"`);
  const personal = personalValues(props);
  if (!personal) return renderFully(component, props);
  // Which personal values a message has is part of its shape (a check-in code or none); what they are is not.
  const key = `${template}\u0000${JSON.stringify(props, (name, value) => (personal.has(name) && typeof value === 'string' ? '\u0000' : value))}`;
  const known = shapes.get(key);
  if (known === UNSHAREABLE) return renderFully(component, props);
  if (known) return fill(known, personal);
  const { shape, full } = await learnShape(component, props, personal);
  remember(key, shape ?? UNSHAREABLE);
  return full;
}

async function renderFully(component: (typeof emailComponents)[TMailTemplateName], props: Record<string, unknown>): Promise<TRenderedMail> {
  const html = await render(createElement(component, props as never));
  return { html, text: toPlainText(html) };
}

/**
 * Props that name the person: each differs from one recipient to the next while the rest of a
 * message stays the same. Others (hours, a waitlist position) are part of the shared facts.
 */
const PERSONAL = new Set(['name', 'email', 'manageUrl', 'checkInUrl', 'officerName', 'officerEmail', 'decideUrl', 'confirmUrl', 'code', 'verifyUrl', 'uid']);

/**
 * Only plain values are filled in: no run of spaces, no line break, no tab, nothing at either end,
 * since the text conversion would fold those and a filled value would not be folded.
 */
const PLAIN = /^[^\s\u0000]+(?: [^\s\u0000]+)*$/u;

type TPersonal = Map<string, string>;

/** The person's values by prop name (nested ones too, as in the invite), or null when one is not plain. */
function personalValues(props: Record<string, unknown>): TPersonal | null {
  const found: TPersonal = new Map();
  let plain = true;
  const visit = (value: unknown, name: string) => {
    if (typeof value === 'string' && PERSONAL.has(name)) {
      const seen = found.get(name);
      if (!PLAIN.test(value) || (seen !== undefined && seen !== value)) plain = false;
      found.set(name, value);
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) visit(inner, key);
    }
  };
  visit(props, '');
  return plain && found.size > 0 ? found : null;
}

/** A rendered template with markers where the person's values go. */
type TShape = { html: string; text: string; markers: Map<string, string> };
const UNSHAREABLE = 'unshareable' as const;
const shapes = new Map<string, TShape | typeof UNSHAREABLE>();
const MAX_SHAPES = 200;

function remember(key: string, shape: TShape | typeof UNSHAREABLE) {
  // Oldest first out: a bulk send keeps hitting its own entry.
  if (shapes.size >= MAX_SHAPES) shapes.delete(shapes.keys().next().value!);
  shapes.set(key, shape);
}

/** Lowercase letters and digits: React escapes nothing in them and the text conversion keeps them. */
function markersFor(personal: TPersonal, salt: string): Map<string, string> {
  return new Map([...personal.keys()].map((name, i) => [name, `zq${salt}${i}mk${salt}qz`]));
}

function withMarkers(props: Record<string, unknown>, markers: Map<string, string>): Record<string, unknown> {
  const swap = (value: unknown, name: string): unknown => {
    if (typeof value === 'string' && markers.has(name)) return markers.get(name);
    if (Array.isArray(value)) return value.map((inner) => swap(inner, ''));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, swap(inner, key)]));
    return value;
  };
  return swap(props, '') as Record<string, unknown>;
}

/** What React writes for a text or attribute value (react-dom's escapeTextForBrowser). */
function escapeHtml(value: string): string {
  return value.replace(/["&'<>]/g, (c) => ({ '"': '&quot;', '&': '&amp;', "'": '&#x27;', '<': '&lt;', '>': '&gt;' })[c]!);
}

function fill(shape: TShape, personal: TPersonal): TRenderedMail {
  let { html, text } = shape;
  for (const [name, marker] of shape.markers) {
    const value = personal.get(name)!;
    html = html.replaceAll(marker, escapeHtml(value));
    text = text.replaceAll(marker, value);
  }
  return { html, text };
}

/**
 * Renders the template with markers of two lengths and keeps the first only when filling either
 * with this person's values gives exactly the full render (which is this message's body). So a template whose layout depends on
 * a value (its length in the preview's padding, its letters in an uppercase heading) is never
 * shared, and is rendered in full for everyone.
 */
async function learnShape(
  component: (typeof emailComponents)[TMailTemplateName],
  props: Record<string, unknown>,
  personal: TPersonal,
): Promise<{ shape: TShape | null; full: TRenderedMail }> {
  const shapeOf = async (salt: string): Promise<TShape> => {
    const markers = markersFor(personal, salt);
    return { ...(await renderFully(component, withMarkers(props, markers))), markers };
  };
  const [short, long, full] = await Promise.all([shapeOf('a'), shapeOf('bbbbbbb'), renderFully(component, props)]);
  const same = (a: TRenderedMail, b: TRenderedMail) => a.html === b.html && a.text === b.text;
  return { shape: same(fill(short, personal), full) && same(fill(long, personal), full) ? short : null, full };
}
