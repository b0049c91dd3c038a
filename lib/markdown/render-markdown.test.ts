import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown';

describe('renderMarkdown', () => {
  it('renders formatting', () => {
    const html = renderMarkdown('# Aims\n\nWe **practise** _listening_.\n\n- one\n- two');
    expect(html).toContain('<h2>Aims</h2>');
    expect(html).toContain('<strong>practise</strong>');
    expect(html).toContain('<li>one</li>');
  });

  it('drops scripts, styles and event handlers', () => {
    const html = renderMarkdown('Hi <script>alert(1)</script><img src=x onerror="alert(2)"><style>p{}</style><b onclick="x()">b</b>');
    expect(html).not.toMatch(/<script|onerror|onclick|<style|<img/i);
    expect(html).toContain('<b>b</b>');
  });

  it('neutralises javascript: and data: links', () => {
    const html = renderMarkdown('[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) <a href="JaVaScRiPt:alert(1)">x</a>');
    expect(html).not.toMatch(/javascript:|data:/i);
  });

  it('adds rel="noopener noreferrer" to every link', () => {
    const html = renderMarkdown('[guide](https://example.org/guide) <a href="https://example.org" rel="opener" target="_blank">x</a>');
    expect(html.match(/rel="noopener noreferrer"/g)).toHaveLength(2);
    expect(html).not.toContain('rel="opener"');
  });
});
