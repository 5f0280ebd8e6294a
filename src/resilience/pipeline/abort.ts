/**
 * What an aborted call rejects with: the signal's reason, or the standard
 * AbortError a bare `controller.abort()` gives, as `realClock.sleep` does.
 */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
