export async function register() {
  // `next build` loads this file too; the database and the mail worker belong to a running server.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startServerSide } = await import('./lib/startup/start-server-side');
  await startServerSide();
}
