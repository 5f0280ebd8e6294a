import { useCallback, useEffect, useRef, useState } from 'react';

/** A whole run plays in about this long, whatever its length: long enough to follow, short enough to watch. */
const PLAY_SECONDS = 15;
/** The slowest playback, simulated seconds per second: a short run should not crawl. */
const MIN_SPEED = 2;
/** Replay time moves at most this often: smooth enough, and the widget re-renders on every move. */
const FRAME_MS = 50;

export interface Playback {
  readonly playing: boolean;
  /** Plays from `t`, or from the start when `t` is at the end. */
  play(): void;
  pause(): void;
}

/**
 * Moves the replay time forward on the wall clock while playing, at a speed
 * that plays the whole run in about 15 s, and stops at the end. The time
 * itself belongs to the caller (it lives in the URL); this only calls
 * `onTime` with the next value.
 */
export function usePlayback(t: number, end: number, onTime: (t: number) => void): Playback {
  const [playing, setPlaying] = useState(false);
  const latest = useRef({ t, end, onTime });
  latest.current = { t, end, onTime };

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    let now = latest.current.t >= latest.current.end ? 0 : latest.current.t;
    latest.current.onTime(now);
    const tick = (at: number) => {
      const { end: stop, onTime: set } = latest.current;
      if (at - last >= FRAME_MS) {
        const speed = Math.max(MIN_SPEED, stop / PLAY_SECONDS);
        // Hundredths of a second: enough for the eye, and the URL stays short.
        now = Math.min(stop, Math.round((now + ((at - last) / 1000) * speed) * 100) / 100);
        last = at;
        set(now);
        if (now >= stop) {
          setPlaying(false);
          return;
        }
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  const play = useCallback(() => setPlaying(true), []);
  const pause = useCallback(() => setPlaying(false), []);
  return { playing, play, pause };
}

/** Whether the reader asked for less motion: then nothing starts moving on its own. */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
