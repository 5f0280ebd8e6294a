import type { RunnerView } from './runner-view.ts';
import { exitCode, verdictSentence } from './runner-verdict.ts';

const statusWords = { held: 'Held', refuted: 'Refuted', aborted: 'Aborted', pending: 'Pending' } as const;

/** The verdict of each side, in words, with the exit code the command-line runner would give it (none while a preview's verdict is pending). */
export function RunnerVerdicts({ view }: { view: RunnerView }) {
  return (
    <ul className="rl-verdicts" aria-label="Verdicts">
      {view.sides.map((s) => {
        const code = exitCode(s);
        return (
          <li key={s.label || 'verdict'} className={`rl-verdict rl-verdict--${s.verdict.status}`} data-verdict={s.verdict.status}>
            <strong>
              {s.label ? `${s.label}: ` : ''}
              {statusWords[s.verdict.status]}
            </strong>{' '}
            {verdictSentence(s)}
            {code === undefined ? null : (
              <>
                {' '}
                <span className="rl-verdict__exit">(exit code {code})</span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
