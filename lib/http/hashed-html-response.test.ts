import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeToNodeResponse } from 'next/dist/server/pipe-readable';
import { afterEach, describe, expect, it } from 'vitest';
import { withScriptHashPolicy } from './hashed-html-response';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

/** A server that answers as Next does: headers set, then the body piped by Next's own pipeToNodeResponse. */
async function serve(contentType: string, body: Buffer): Promise<string> {
  const server = createServer((req, res) => {
    withScriptHashPolicy(req, res);
    res.setHeader('content-type', contentType);
    void pipeToNodeResponse(new Response(new Uint8Array(body)).body!, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/download`;
}

describe('withScriptHashPolicy', () => {
  it('passes a download larger than a socket buffer straight through, to its end', async () => {
    const body = Buffer.alloc(400_000, 'a,b,c\n');
    const response = await fetch(await serve('text/csv; charset=utf-8', body), { signal: AbortSignal.timeout(10_000) });
    expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('holds a page back to name its inline scripts, and compresses it', async () => {
    const page = Buffer.from(`<!DOCTYPE html><html><body>${'<p>x</p>'.repeat(20_000)}<script>self.__next_f.push([1,"x"])</script></body></html>`);
    const response = await fetch(await serve('text/html; charset=utf-8', page), { headers: { 'accept-encoding': 'gzip' }, signal: AbortSignal.timeout(10_000) });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-[^']+'/);
    expect(Buffer.from(await response.arrayBuffer()).equals(page)).toBe(true);
  });
});
