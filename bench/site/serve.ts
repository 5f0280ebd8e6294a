import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * `astro preview` of an existing build on loopback. Started through
 * node_modules/.bin (not npx), so stopping this process stops the server.
 */
export async function serveDist(distDir: string, port: number): Promise<{ origin: string; stop(): void }> {
  // astro preview moves to the next free port when its own is taken, and the
  // check below would then reach whatever holds it: a preview left running by
  // an earlier run, of another build, measured in place of this one.
  if (!(await portFree(port))) throw new Error(`port ${port} on 127.0.0.1 is in use (an astro preview left running?): stop what holds it, or pass --port`);
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
  // Stopped however this process ends, so no server outlives its run to answer the next one's requests.
  const stop = () => child.kill();
  process.once('exit', stop);
  return { origin, stop };
}

/** Whether nothing listens on the port on loopback. */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, '127.0.0.1');
  });
}
