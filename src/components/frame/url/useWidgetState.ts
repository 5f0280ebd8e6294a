import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { defaultValues, type ParamSpecs, type ParamValues } from '../../../params/params.ts';
import { applyPreset, defaultState, matchingPreset, withCompare, type Preset } from './widget-state.ts';
import { currentLinkVersion, type DefaultsByVersion } from './link-version.ts';
import { readWidgetUrl, widgetLinkQuery, writeWidgetUrl, type UrlNotice, type WidgetState } from './widget-url.ts';
import { throttleLatest } from './throttle.ts';

export interface WidgetStateOptions<S extends ParamSpecs, VS extends ParamSpecs> {
  /** The widget's id: its DOM id prefix and URL prefix. */
  readonly id: string;
  readonly specs: S;
  /** View state: kept in the URL, but no run depends on it. */
  readonly viewSpecs: VS;
  readonly defaultSeed: number;
  readonly presets?: readonly Preset<S>[];
  /** B's starting values when compare is switched on; A's values when absent. */
  readonly suggestB?: (a: ParamValues<S>) => ParamValues<S>;
  /** The defaults of earlier link versions, so old links keep their meaning (url/link-version.ts). */
  readonly defaultsByVersion?: DefaultsByVersion<S>;
}

export type Side = 'a' | 'b';

export interface WidgetStateApi<S extends ParamSpecs, VS extends ParamSpecs> {
  readonly state: WidgetState<S>;
  readonly viewState: ParamValues<VS>;
  /** False until the URL has been read: until then the widget shows the server-rendered default. */
  readonly ready: boolean;
  readonly notices: readonly UrlNotice[];
  readonly preset: Preset<S> | undefined;
  setParam<K extends keyof S & string>(side: Side, name: K, value: ParamValues<S>[K]): void;
  setSeed(seed: number): void;
  setView<K extends keyof VS & string>(name: K, value: ParamValues<VS>[K]): void;
  setCompare(on: boolean): void;
  choosePreset(id: string): void;
  reset(): void;
  dismissNotices(): void;
  /** A link to this widget in its current state: its anchor, every parameter and the link version (for "Copy link"). */
  link(): string;
}

const NO_PRESETS: readonly never[] = [];

const URL_WRITE_INTERVAL_MS = 250;

interface Written<S extends ParamSpecs, VS extends ParamSpecs> {
  readonly state: WidgetState<S>;
  readonly viewState: ParamValues<VS>;
}

/**
 * A widget's parameters, seed, compare mode and view state, kept in the page URL.
 *
 * The first render uses the defaults on both server and client, so hydration
 * matches the server-rendered markup; the URL is read right after mounting.
 * Only then does the widget start writing the URL (with replaceState, never
 * a new history entry), so a link is never overwritten with defaults before
 * it has been read.
 */
export function useWidgetState<S extends ParamSpecs, VS extends ParamSpecs>(o: WidgetStateOptions<S, VS>): WidgetStateApi<S, VS> {
  const { id, specs, viewSpecs, defaultSeed, presets = NO_PRESETS, suggestB, defaultsByVersion } = o;
  const version = currentLinkVersion(defaultsByVersion);
  const [state, setState] = useState<WidgetState<S>>(() => defaultState(specs, defaultSeed));
  const [viewState, setViewState] = useState<ParamValues<VS>>(() => defaultValues(viewSpecs));
  const [ready, setReady] = useState(false);
  const [notices, setNotices] = useState<readonly UrlNotice[]>([]);
  const writer = useRef<ReturnType<typeof throttleLatest<Written<S, VS>>>>(undefined);

  useEffect(() => {
    const read = readWidgetUrl(window.location.search, id, specs, defaultSeed, viewSpecs, { presets, defaultsByVersion });
    setState(read.state);
    setViewState(read.viewState);
    setNotices(read.notices);
    setReady(true);
    const w = throttleLatest<Written<S, VS>>(({ state: s, viewState: v }) => {
      // Read the URL afresh each time: other widgets on the page write their own keys.
      const search = writeWidgetUrl(window.location.search, id, specs, s, defaultSeed, { specs: viewSpecs, values: v }, version);
      if (search === window.location.search) return;
      const url = window.location.pathname + search + window.location.hash;
      window.history.replaceState(window.history.state, '', url);
    }, URL_WRITE_INTERVAL_MS);
    writer.current = w;
    const flush = () => w.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      w.flush();
      writer.current = undefined;
    };
  }, [id, specs, viewSpecs, defaultSeed, presets, defaultsByVersion, version]);

  useEffect(() => {
    if (ready) writer.current?.call({ state, viewState });
  }, [ready, state, viewState]);

  const setParam = useCallback(<K extends keyof S & string>(side: Side, name: K, value: ParamValues<S>[K]) => {
    setState((s) => (side === 'a' ? { ...s, values: { ...s.values, [name]: value } } : { ...s, valuesB: { ...s.valuesB, [name]: value } }));
  }, []);
  const setSeed = useCallback((seed: number) => setState((s) => ({ ...s, seed })), []);
  const setView = useCallback(<K extends keyof VS & string>(name: K, value: ParamValues<VS>[K]) => setViewState((v) => ({ ...v, [name]: value })), []);
  const setCompare = useCallback((on: boolean) => setState((s) => withCompare(s, on, suggestB)), [suggestB]);
  const choosePreset = useCallback(
    (presetId: string) => {
      const p = presets.find((x) => x.id === presetId);
      if (p) setState((s) => applyPreset(specs, s, p));
    },
    [presets, specs],
  );
  const reset = useCallback(() => {
    setState(defaultState(specs, defaultSeed));
    setViewState(defaultValues(viewSpecs));
    setNotices([]);
  }, [specs, viewSpecs, defaultSeed]);
  const dismissNotices = useCallback(() => setNotices([]), []);
  const preset = useMemo(() => matchingPreset(specs, state, presets), [specs, state, presets]);
  const link = useCallback(() => {
    const query = widgetLinkQuery(id, specs, state, { specs: viewSpecs, values: viewState }, version);
    return `${window.location.origin}${window.location.pathname}${query}#${id}`;
  }, [id, specs, viewSpecs, state, viewState, version]);

  return { state, viewState, ready, notices, preset, setParam, setSeed, setView, setCompare, choosePreset, reset, dismissNotices, link };
}
