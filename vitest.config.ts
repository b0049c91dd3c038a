import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const shared = {
  alias: {
    '@': root,
    // Outside Next there is no react-server condition; lib/ and db/ guard against client imports only.
    'server-only': path.join(root, 'test/server-only-stub.ts'),
  },
};

export default defineConfig({
  resolve: { alias: shared.alias },
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        resolve: { alias: shared.alias },
        test: { name: 'unit', include: ['**/*.test.ts', '**/*.test.tsx'], exclude: ['**/*.integration.test.ts', 'node_modules/**', 'e2e/**'] },
      },
      {
        resolve: { alias: shared.alias },
        test: {
          name: 'integration',
          include: ['**/*.integration.test.ts'],
          exclude: ['node_modules/**'],
          globalSetup: ['test/integration-global-setup.ts'],
          // next-auth imports `next/server` without an extension, which only a bundler resolves.
          server: { deps: { inline: ['next-auth'] } },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
