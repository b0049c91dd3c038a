import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { appUrl, demoUrl } from './ports';

// The e2e app server runs with TRUST_PROXY=1: this test plays the nginx in front of it, which
// appends the address it saw ($proxy_add_x_forwarded_for) to whatever the client sent.
test('behind one proxy, rotating the leftmost X-Forwarded-For entry never escapes a rate limit', async ({ request }) => {
  const lookUp = (forwardedFor: string) =>
    request.get(`${appUrl}/api/v1/certificates/AAAA-BBBB-CCCC-DDDD`, { headers: { 'x-forwarded-for': forwardedFor } });
  const client = '203.0.113.41';
  const statuses: number[] = [];
  for (let i = 0; i < 31; i += 1) statuses.push((await lookUp(`192.0.2.${i}, ${client}`)).status());
  expect(statuses.slice(0, 30)).toEqual(Array(30).fill(404));
  expect(statuses[30]).toBe(429);
  expect((await lookUp(`10.9.9.9, ${client}`)).status()).toBe(429);
  // The limit is on the address the proxy saw: another client behind the same proxy is unaffected.
  expect((await lookUp('192.0.2.1, 203.0.113.42')).status()).toBe(404);
});

test.describe('the local mailbox', () => {
  for (const header of ['forwarded', 'x-forwarded-for', 'x-real-ip']) {
    test(`refuses a request from this machine that carries ${header}, as a local reverse proxy would send`, async ({ request }) => {
      const value = header === 'forwarded' ? 'for=203.0.113.7' : '203.0.113.7';
      expect((await request.get(`${demoUrl}/dev/mailbox`, { headers: { [header]: value } })).status()).toBe(404);
      expect((await request.get(`${demoUrl}/dev/mailbox`)).status()).toBe(200);
    });
  }
});

test('every response carries the security headers: pages, API routes and errors', async ({ request }) => {
  for (const path of ['/', '/signin', '/api/v1/workshops', '/no-such-page']) {
    const response = await request.get(`${appUrl}${path}`);
    const headers = response.headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['cross-origin-opener-policy'], path).toBe('same-origin');
    expect(headers['permissions-policy'], path).toContain('camera=(self)');
    // APP_URL is http here: no HSTS, which would pin browsers to an HTTPS that does not exist.
    expect(headers['strict-transport-security'], path).toBeUndefined();
    const policy = headers['content-security-policy'] ?? '';
    for (const part of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) expect(policy, path).toContain(part);
    expect(policy, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  }
});

test('a page names the hash of every inline script it has, and runs with the policy on', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  const response = await page.goto(`${appUrl}/signin`);
  const policy = response!.headers()['content-security-policy']!;
  const inline = await page.locator('script:not([src])').evaluateAll((scripts) => scripts.map((s) => s.textContent ?? ''));
  expect(inline.length).toBeGreaterThan(0);
  for (const text of inline) {
    const digest = createHash('sha256').update(text, 'utf8').digest('base64');
    expect(policy).toContain(`'sha256-${digest}'`);
  }
  // Next's client started (it sets window.next), and the browser blocked nothing.
  await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version))).toBe(true);
  expect(blocked).toEqual([]);
});

test('a page held back for its policy is still compressed for a browser that accepts it', async ({ request }) => {
  const response = await request.get(`${appUrl}/signin`, { headers: { 'accept-encoding': 'gzip' } });
  expect(response.headers()['content-encoding']).toBe('gzip');
  expect(await response.text()).toContain('<html');
});
