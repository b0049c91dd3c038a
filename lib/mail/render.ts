import 'server-only';
import { render } from '@react-email/render';
import { createElement } from 'react';
import { emailComponents } from '@/emails';
import type { TMailTemplateName } from './templates';

export class UnknownTemplateError extends Error {
  override name = 'UnknownTemplateError';
}

/** Renders a queued message's body to HTML and plain text from its template and props. */
export async function renderMail(template: string, props: Record<string, unknown>) {
  const component = emailComponents[template as TMailTemplateName];
  if (!component) throw new UnknownTemplateError(`No email template named "${template}"`);
  const element = createElement(component, props as never);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
