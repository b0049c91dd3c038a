import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';

// This file's own module state: Muster configured for https before anything reads the settings.
const dataDir = mkdtempSync(path.join(tmpdir(), 'muster-secure-cookies-'));
process.env.APP_URL = 'https://muster.example';
process.env.DATA_DIR = dataDir;
delete process.env.DATABASE_URL;

describe('Auth.js cookies when Muster is served over https', () => {
  afterAll(async () => {
    const { closeDb } = await import('@/db');
    await closeDb();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('are Secure and __Host- prefixed, even when the request reaching Muster is plain HTTP from a proxy', async () => {
    const { handlers } = await import('./auth');
    const response = await handlers.GET(new NextRequest('http://127.0.0.1:3000/api/auth/csrf'));
    const cookies = response.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/^__(Host|Secure)-/);
    }
  });
});
