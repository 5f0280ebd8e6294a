import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

/** Runs `code` as an ES module in a fresh Node process that holds nothing else, and returns what it printed. */
function runAlone(code: string): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['--eval', code, '--input-type=module'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(killer);
      resolve({ status, stdout });
    });
  });
}

describe('timeout(): a pending timeout keeps the process alive, as a per-call timer would', () => {
  it('timeout(200).execute(() => new Promise(() => {})) rejects with TimeoutError in a process that holds nothing else', async () => {
    const { status, stdout } = await runAlone(`
      import { timeout } from './src/resilience/timeout/timeout-policy.ts';
      timeout(200).execute(() => new Promise(() => {})).then(
        () => console.log('resolved'),
        (error) => console.log('rejected ' + error.name),
      );
    `);
    expect(stdout.trim()).toBe('rejected TimeoutError');
    expect(status).toBe(0);
  }, 40_000);
});
