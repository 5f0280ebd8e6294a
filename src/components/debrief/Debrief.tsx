import { format } from 'd3-format';
import type { DebriefEntry, DebriefRange } from './debrief-compute.ts';
import debriefs from './debriefs.json';

const entries: Readonly<Record<string, DebriefEntry>> = debriefs as Readonly<Record<string, DebriefEntry>>;

/**
 * An exercise's debrief, opened by the reader: what the simulator gives for
 * the exercise's preset, as a range over seeds 1-20 (or the first few, for
 * a costly preset; the text names them). The numbers come from
 * debriefs.json, which `npm run debriefs` computes with the widget's own plan
 * and reduce and a test recomputes, so this text cannot drift from the code.
 */
export default function Debrief({ id }: { id: string }) {
  const e = entries[id];
  if (!e) throw new Error(`<Debrief id="${id}">: no such entry in debriefs.json; add the exercise to scripts/debriefs/exercises.ts and run npm run debriefs`);
  return (
    <details className="rl-debrief" data-debrief={id}>
      <summary>Debrief: what the simulator shows</summary>
      <p>
        Preset “{e.presetLabel}” (<code>{`${e.widget}.preset=${e.preset}`}</code>), seeds {e.seeds[0]} to {e.seeds[1]}: the smallest, the median and the
        largest value.
      </p>
      <ul>
        {e.ranges.map((r) => (
          <li key={r.label}>
            {r.label}: {range(r)}
          </li>
        ))}
      </ul>
    </details>
  );
}

function range(r: DebriefRange): string {
  const digits = Math.max(decimals(r.min), decimals(r.median), decimals(r.max));
  const f = format(`,.${digits}f`);
  const unit = r.unit ? (r.unit === '%' ? '%' : ` ${r.unit}`) : '';
  if (r.min === r.max) return `${f(r.min)}${unit} on every seed`;
  return `${f(r.min)} to ${f(r.max)}${unit} (median ${f(r.median)})`;
}

function decimals(x: number): number {
  const s = String(x);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}
