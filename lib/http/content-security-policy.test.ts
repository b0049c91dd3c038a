import { createHash } from 'node:crypto';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes } from './content-security-policy';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('inlineScriptHashes', () => {
  const bootstrap = '(self.__next_f=self.__next_f||[]).push([0])';
  const chunk = 'self.__next_f.push([1,"Łukasz \\u003c/p\\u003e"])';
  const loader = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/a.js"],"runtimeModuleIds":[1]});';

  it('hashes each of Next’s inline scripts once, whatever its attributes, and skips scripts with a src', () => {
    const html =
      `<html><head><script src="/_next/static/a.js" async=""></script><script>${bootstrap}</script><script>${loader}</script></head>` +
      `<body><script>${chunk}</script><script>${bootstrap}</script><script nonce="" >${chunk}</script></body></html>`;
    expect(inlineScriptHashes(Buffer.from(html))).toEqual([sha(bootstrap), sha(loader), sha(chunk)]);
  });

  it('hashes the script React writes before a form whose action is a function', () => {
    const html = renderToString(createElement('form', { action: async () => {} }, createElement('button', null, 'Register')));
    const replay = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
    expect(replay).toContain('$$reactFormReplay');
    expect(inlineScriptHashes(Buffer.from(html))).toEqual([sha(replay!)]);
    expect(inlineScriptHashes(Buffer.from(`<script>${replay};alert(1)</script>`))).toEqual([]);
  });

  it('names no other inline script: code beside Next’s data, or a script of its own, stays blocked', () => {
    const injected = [
      'alert(1)',
      'self.__next_f.push([1,"x"]);alert(1)',
      'self.__next_f.push(alert(1))',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(fetch("//evil"))',
      `${bootstrap};alert(1)`,
    ];
    expect(inlineScriptHashes(Buffer.from(injected.map((text) => `<script>${text}</script>`).join('')))).toEqual([]);
  });

  it('hashes line breaks as the browser reads them', () => {
    expect(inlineScriptHashes(Buffer.from('<script>self.__next_f.push([1,\r\n"a"])</script>'))).toEqual([sha('self.__next_f.push([1,\n"a"])')]);
  });

  it('names nothing that is not a lower-case script element, so such a script stays blocked', () => {
    const html = '<p>&lt;script&gt; is text.</p><scripts>x</scripts><script-box>y</script-box><SCRIPT>z</SCRIPT>';
    expect(inlineScriptHashes(Buffer.from(html))).toEqual([]);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows scripts from Muster and the named hashes only, and nothing framed or embedded', () => {
    const policy = contentSecurityPolicy(["'sha256-abc='"]);
    expect(policy).toContain("script-src 'self' 'sha256-abc='");
    for (const part of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "default-src 'self'"]) {
      expect(policy).toContain(part);
    }
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(contentSecurityPolicy()).toContain("script-src 'self';");
  });
});
