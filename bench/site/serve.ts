import { spawn, type ChildProcess } from 'node:child_process';

/**
 * `astro preview` of an existing build on loopback. Started through
 * node_modules/.bin (not npx), so stopping this process stops the server.
 */
export async function serveDist(distDir: string, port: number): Promise<{ origin: string; stop(): void }> {
  const child: ChildProcess = spawn('node_modules/.bin/astro', ['preview', '--host', '127.0.0.1', '--port', String(port), '--outDir', distDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro preview exited (${child.exitCode}): ${stderr.trim()}`);
    try {
      if ((await fetch(`${origin}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`astro preview did not answer on ${origin} within 60 s: ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { origin, stop: () => child.kill() };
}
