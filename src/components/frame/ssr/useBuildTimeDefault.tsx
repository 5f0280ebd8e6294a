import { useState, type ReactElement } from 'react';

/**
 * A value computed once, when the page is built, and carried to the browser
 * inside the server-rendered markup.
 *
 * Why: a widget's default plot must be in the static HTML (readers without
 * JavaScript see it), and hydration must render exactly that markup without
 * running the simulation again on the main thread as the page becomes
 * interactive (some default runs take a few hundred milliseconds). So the
 * server computes the value and writes it as JSON into a
 * `<script type="application/json">` next to the plot; on hydration the
 * component reads that JSON back in its first render, renders the same
 * markup, and React finds nothing to patch. The script element is rendered
 * with the very text it was read from, so it matches too. Only if the
 * element is missing (the component rendered without a server render) is the
 * value computed in the browser.
 *
 * The value must survive JSON: finite numbers, strings, booleans, null,
 * arrays and plain objects.
 */
export function useBuildTimeDefault<V>(id: string, compute: () => V): { value: V; carrier: ReactElement } {
  const [{ value, json }] = useState(() => {
    const embedded = typeof document === 'undefined' ? null : document.querySelector(`script[data-build-default="${CSS.escape(id)}"]`);
    if (embedded?.textContent) return { value: JSON.parse(embedded.textContent) as V, json: embedded.textContent };
    const v = compute();
    return { value: v, json: toScriptJson(v) };
  });
  const carrier = <script type="application/json" data-build-default={id} dangerouslySetInnerHTML={{ __html: json }} />;
  return { value, carrier };
}

/** JSON that cannot end its script element early: `<` is written as an escape. */
export function toScriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
