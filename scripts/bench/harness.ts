/**
 * Shared by the benchmarks: start a Muster server on its own data, load it with autocannon,
 * and print figures next to GET /api/health measured in the same run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export type TLoadResult = { label: string; rps: number; p50: number; p99: number; errors: number; non2xx: number };

export async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  // Its own process group, so stopping it stops npm's children too.
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, PORT: String(port), APP_URL: `http://localhost:${port}`, MAIL_WORKER: 'off', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`server exited with ${code}`))));
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      const ready = await Promise.race([fetch(`http://localhost:${port}/api/health/ready`), exited]);
      if (ready.ok) return child;
    } catch (error) {
      if ((error as Error).message.startsWith('server exited')) throw error;
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function stopServer(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGTERM');
  });
  // npm exits before the server has drained and closed its database: wait for the whole group,
  // so a benchmark that drops its database next does not cut the server's last statements.
  for (let waited = 0; waited < 15_000; waited += 100) {
    try {
      process.kill(-child.pid!, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function load(
  label: string,
  options: autocannon.Options,
): Promise<TLoadResult> {
  const result = await autocannon({ connections: 50, duration: 10, ...options });
  return {
    label,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export function printTable(results: TLoadResult[]): void {
  console.log('');
  console.log('| route | requests/s | p50 ms | p99 ms | errors | non-2xx |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(`| ${r.label} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`);
  }
}

export type TCountingSink = { url: string; accepted(): Promise<number>; stop(): void };

/**
 * A local SMTP server in a process of its own (scripts/bench/smtp-counter.ts), so its work is not
 * counted as Muster's; it accepts everything and counts.
 */
export async function startCountingSink(port: number): Promise<TCountingSink> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/smtp-counter.ts'], {
    env: { ...process.env, SINK_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`SMTP sink exited with ${code}`)));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted: async () => Number(await (await fetch(`http://127.0.0.1:${port + 1}/count`)).text()),
    stop: () => child.kill('SIGTERM'),
  };
}

/** Resident memory (MiB) of each process in a server's process group (npm, tsx and the server itself). */
export function processGroupRssMiB(groupId: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        // The command may hold spaces and parentheses; the fields after its closing one are fixed.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
        if (group !== groupId) return [];
        const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return rss ? [Number(rss[1]) / 1024] : [];
      } catch {
        return []; // gone since the listing
      }
    });
}
