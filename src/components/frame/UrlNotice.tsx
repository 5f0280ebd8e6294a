import type { UrlNotice as Notice } from './url/widget-url.ts';

/** Tells the reader which values from the link could not be used, and what is used instead. */
export function UrlNotice({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: () => void }) {
  if (notices.length === 0) return null;
  return (
    <div className="rl-notice" role="status" data-testid="url-notice">
      <p>Some settings in this page’s link could not be used as given:</p>
      <ul>
        {notices.map((n) => (
          <li key={n.key}>
            <code>{n.key}</code>: {n.message}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
