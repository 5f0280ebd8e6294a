/**
 * Calls `fn` at once, then at most every `intervalMs`, always ending with the
 * latest call's argument. Used for history.replaceState while a slider is
 * dragged: browsers ignore (and warn about) hundreds of state updates a
 * second, yet the URL must be right as soon as the reader lets go.
 */
export function throttleLatest<T>(fn: (value: T) => void, intervalMs: number): { call(value: T): void; flush(): void; cancel(): void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { value: T } | undefined;
  const fire = () => {
    timer = undefined;
    if (!pending) return;
    const { value } = pending;
    pending = undefined;
    last = Date.now();
    fn(value);
  };
  return {
    call(value) {
      pending = { value };
      if (timer) return;
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    flush() {
      if (timer) clearTimeout(timer);
      fire();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}
