import { useRef, useState } from 'react';

type Outcome = { kind: 'idle' } | { kind: 'copied' } | { kind: 'select'; link: string };

/**
 * "Copy link": the widget's link (its anchor and its whole state) to the
 * clipboard, with "Copied" said in a live region. Where the Clipboard API is
 * missing or refused (an insecure origin, a denied permission), the link is
 * shown in a text field, selected, for the reader to copy by hand.
 */
export function CopyLink({ id, link }: { id: string; link: () => string }) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);
  const copy = async () => {
    const url = link();
    setOutcome({ kind: 'idle' }); // a second "Copied" is announced afresh
    try {
      if (!navigator.clipboard) throw new Error('no Clipboard API');
      await navigator.clipboard.writeText(url);
      setOutcome({ kind: 'copied' });
    } catch {
      setOutcome({ kind: 'select', link: url });
      requestAnimationFrame(() => field.current?.select());
    }
  };
  return (
    <span className="rl-copy-link">
      <button type="button" onClick={() => void copy()}>
        Copy link
      </button>
      <span className="rl-copy-link__status" role="status" aria-live="polite">
        {outcome.kind === 'copied' ? 'Copied' : outcome.kind === 'select' ? 'Press Ctrl+C (⌘C) to copy the selected link' : ''}
      </span>
      {outcome.kind === 'select' ? (
        <span className="rl-copy-link__fallback">
          <label htmlFor={`${id}-link`}>Link to this widget</label>
          <input id={`${id}-link`} ref={field} type="text" readOnly value={outcome.link} onFocus={(e) => e.currentTarget.select()} />
        </span>
      ) : null}
    </span>
  );
}
