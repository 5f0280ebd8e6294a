import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { endQuietlyOnBrokenPipe } from '../../src/params/broken-pipe.ts';

describe('a reader that goes away (command | head)', () => {
  it('EPIPE ends the command quietly; any other stream error is not swallowed', () => {
    const stream = new EventEmitter();
    let exits = 0;
    endQuietlyOnBrokenPipe([stream], () => exits++);
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(exits).toBe(1);
    expect(() => stream.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toThrow('disk full');
  });

  it('health-check whose stdout is closed after its first line ends with no stack trace', async () => {
    const child = spawn('scripts/health-check.sh', ['--interval', '100', '--timeout', '200', '--fail-at', '0.6', '--fail-for', '0.6', '--duration', '2.5'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Like `| head -1`: read one chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|^\s+at /m);
    expect(code).not.toBeNull();
    expect([0, 1]).toContain(code);
  }, 60_000);
});
