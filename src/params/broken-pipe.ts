/** The part of a Node output stream this needs; structural, so this module stays free of Node imports. */
export interface ErrorEmitter {
  on(event: 'error', listener: (error: Error & { code?: string }) => void): unknown;
}

/**
 * `command | head -4`: once the reader has gone, the next write fails with
 * EPIPE, and an output stream with no error listener turns that into an
 * uncaught exception and a stack trace. A command whose reader has gone has
 * nothing left to do, so it ends quietly, with the status it had so far.
 */
export function endQuietlyOnBrokenPipe(streams: readonly ErrorEmitter[], exit: () => void): void {
  for (const stream of streams) {
    stream.on('error', (error) => {
      if (error.code === 'EPIPE') exit();
      else throw error;
    });
  }
}
