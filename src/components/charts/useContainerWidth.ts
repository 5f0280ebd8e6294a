import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * The width of an element, following it as the page resizes. Charts draw in
 * CSS pixels (viewBox = measured width) so that text stays 12 px on a phone
 * instead of shrinking with a scaled-down drawing. The server render, and
 * the first render in the browser (which must match it), use `initial`.
 */
export function useContainerWidth<E extends HTMLElement>(initial: number): [RefObject<E | null>, number] {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const w = Math.round(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}
