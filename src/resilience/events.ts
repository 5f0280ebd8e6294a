/**
 * Typed events in the cockatiel style: a policy exposes `onX(listener)`,
 * which returns a handle whose `dispose()` unsubscribes. Listeners are called
 * synchronously, in subscription order, at the moment the policy decides
 * something; they must not throw (an exception propagates into the call that
 * emitted the event).
 *
 * An emitter with no listener costs one property check per emit site, so a
 * policy nobody observes builds no event objects at all (`hasListeners`).
 */
export interface Disposable {
  dispose(): void;
}

export type Listener<T> = (event: T) => void;

/** Subscribes a listener; what a policy exposes as `onRetry`, `onGiveUp`, ... */
export type Event<T> = (listener: Listener<T>) => Disposable;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];

  /** True when someone listens: check it before building an event object. */
  get hasListeners(): boolean {
    return this.listeners.length > 0;
  }

  readonly subscribe: Event<T> = (listener) => {
    // Copy on write, so a listener that unsubscribes during emit does not skip its neighbour.
    this.listeners = [...this.listeners, listener];
    let disposed = false;
    return {
      dispose: () => {
        if (disposed) return;
        disposed = true;
        const i = this.listeners.indexOf(listener);
        if (i >= 0) this.listeners = [...this.listeners.slice(0, i), ...this.listeners.slice(i + 1)];
      },
    };
  };

  emit(event: T): void {
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) listeners[i](event);
  }
}

// ---- The retry family's events --------------------------------------------

/** An attempt is about to start. */
export interface AttemptEvent {
  /** 1 for the first attempt. */
  readonly attempt: number;
}

/** An attempt failed and another one will start after `delayMs`. */
export interface RetryScheduledEvent {
  /** Number of the attempt that will start after the delay (2 for the first retry). */
  readonly attempt: number;
  readonly delayMs: number;
  /** What the failed attempt threw. */
  readonly error: unknown;
}

/**
 * Why a retry stopped without a success: the core's reasons, plus 'aborted'
 * when the caller's signal aborted.
 */
export type GiveUpReason = 'max-attempts' | 'deadline' | 'not-retryable' | 'budget' | 'aborted';

/** The retry stopped with the operation still failing. */
export interface GiveUpEvent {
  readonly reason: GiveUpReason;
  /** Attempts made, the first one included. */
  readonly attempts: number;
  /** What the last attempt threw (the abort reason for 'aborted' before any attempt failed). */
  readonly error: unknown;
}

/** A timeout policy abandoned an attempt. */
export interface TimeoutEvent {
  readonly timeoutMs: number;
  /** The attempt number the enclosing retry (if any) was on. */
  readonly attempt: number;
}
