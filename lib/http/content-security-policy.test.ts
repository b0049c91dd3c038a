import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes } from './content-security-policy';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes each inline script once, whatever its attributes, and skips scripts with a src', () => {
    const html =
      '<html><head><script src="/_next/static/a.js" async=""></script><script>self.__next_f=[]</script></head>' +
      '<body><script type="application/json" id="x">{"a":1}</script><script>self.__next_f=[]</script>' +
      '<script nonce="" >(self.__next_f.push([1,"Łukasz \\u003c/p\\u003e"]))</script></body></html>';
    expect(inlineScriptHashes(Buffer.from(html))).toEqual([sha('self.__next_f=[]'), sha('{"a":1}'), sha('(self.__next_f.push([1,"Łukasz \\u003c/p\\u003e"]))')]);
  });

  it('hashes line breaks as the browser reads them, and an empty script too', () => {
    expect(inlineScriptHashes(Buffer.from('<script>a();\r\nb();\rc();</script><script></script>'))).toEqual([sha('a();\nb();\nc();'), sha('')]);
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
