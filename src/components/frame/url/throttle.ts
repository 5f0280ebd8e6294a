/**
 * Runs `fn` just after the browser's next paint (an animation frame, then a
 * task), or in a task of its own where there are no frames; returns what
 * cancels it.
 */
function afterNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(fn, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => (timer = setTimeout(fn, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Calls `fn` just after the next paint, then at most every `intervalMs`,
 * always ending with the latest call's argument. Used for
 * history.replaceState while a slider is dragged: browsers ignore (and warn
 * about) hundreds of state updates a second, yet the URL must be right as
 * soon as the reader lets go. Not at once: in Chromium a replaceState is a
 * same-document navigation that costs several milliseconds (the page's icon
 * is looked at again), which would delay the moved slider's new chart.
 */
export function throttleLatest<T>(fn: (value: T) => void, intervalMs: number): { call(value: T): void; flush(): void; cancel(): void } {
  let last = -Infinity;
  let timer: (() => void) | undefined;
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
      if (wait <= 0) timer = afterNextPaint(fire);
      else {
        const t = setTimeout(fire, wait);
        timer = () => clearTimeout(t);
      }
    },
    flush() {
      timer?.();
      fire();
    },
    cancel() {
      timer?.();
      timer = undefined;
      pending = undefined;
    },
  };
}
