import { describeRange, kebabCase, type ParamSpec, type ParamSpecs } from '../../../params/params.ts';
import { appliesWhenText } from '../controls/applies-when-text.ts';
import { currentLinkVersion } from './link-version.ts';
import { seedSpecs } from './seed.ts';

/** What the reference needs of a widget definition (any `WidgetDefinition` is one). */
export interface UrlKeysSource {
  readonly id: string;
  readonly title: string;
  readonly specs: ParamSpecs;
  readonly viewSpecs: ParamSpecs;
  readonly defaultSeed: number;
  readonly presets: readonly { readonly id: string; readonly label: string; readonly values: object; readonly compareWith?: object }[];
  readonly defaultsByVersion?: Readonly<Record<number, object>>;
}

/**
 * A widget's URL keys as a table, generated from its definition when the site
 * is built, so the reference cannot drift from the widgets: every parameter
 * (label, unit, range, default, options), the view state, the seed and the
 * frame's own keys, then its presets by name.
 */
export function UrlKeys({ definition: d }: { definition: UrlKeysSource }) {
  const rows: { key: string; spec: ParamSpec; note: string }[] = [
    ...Object.entries(d.specs).map(([k, spec]) => ({
      key: kebabCase(k),
      spec,
      note: `B side: ${d.id}-b.${kebabCase(k)}${spec.appliesWhen ? `. ${appliesWhenText(spec, d.specs)}` : ''}`,
    })),
    ...Object.entries(d.viewSpecs).map(([k, spec]) => ({ key: kebabCase(k), spec, note: 'view state: no rerun' })),
    ...Object.entries(seedSpecs(d.defaultSeed)).map(([k, spec]) => ({ key: k, spec, note: 'A and B run on it' })),
  ];
  const version = currentLinkVersion(d.defaultsByVersion);
  return (
    // It scrolls sideways on a phone: focusable, so the keyboard can scroll it too (axe: scrollable-region-focusable).
    <div className="rl-url-keys" data-url-keys={d.id} tabIndex={0} role="region" aria-label={`URL keys of “${d.title}”`}>
      <p>
        <strong>{d.title}</strong>: anchor <code>{`#${d.id}`}</code>, keys <code>{`${d.id}.*`}</code>, link version <code>{version}</code>.
      </p>
      <table>
        <caption className="sr-only">URL keys of the widget “{d.title}”</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Setting</th>
            <th scope="col">Values</th>
            <th scope="col">Default</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>
                <code>{`${d.id}.${r.key}`}</code>
              </td>
              <td>{r.spec.label}</td>
              <td>{values(r.spec)}</td>
              <td>
                <code>{String(r.spec.default)}</code>
              </td>
              <td>{r.note}</td>
            </tr>
          ))}
          <tr>
            <td>
              <code>{`${d.id}.compare`}</code>
            </td>
            <td>Compare A/B</td>
            <td>1 | 0</td>
            <td>
              <code>0</code>
            </td>
            <td>B's keys are read only when it is 1</td>
          </tr>
          <tr>
            <td>
              <code>{`${d.id}.preset`}</code>
            </td>
            <td>Preset by name</td>
            <td>{d.presets.length > 0 ? d.presets.map((p) => p.id).join(' | ') : 'none'}</td>
            <td>none</td>
            <td>explicit keys override it</td>
          </tr>
          <tr>
            <td>
              <code>{`${d.id}.v`}</code>
            </td>
            <td>Link version</td>
            <td>1 to {version}</td>
            <td>
              <code>1</code>
            </td>
            <td>omitted keys take that version's defaults</td>
          </tr>
        </tbody>
      </table>
      {d.presets.length > 0 ? (
        <ul className="rl-url-keys__presets">
          {d.presets.map((p) => (
            <li key={p.id}>
              <code>{`${d.id}.preset=${p.id}`}</code> ({p.label}): {assignments(p.values) || 'the defaults'}
              {p.compareWith ? <>; compare on, B: {assignments(p.compareWith) || 'the defaults'}</> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function values(p: ParamSpec): string {
  if (p.kind === 'number') return `${describeRange(p)}${p.integer ? '' : `, step ${p.step}`}`;
  if (p.kind === 'enum') return p.options.map((o) => (p.optionLabels?.[o] ? `${o} (${p.optionLabels[o]})` : o)).join(' | ');
  return 'true | false';
}

function assignments(values: object): string {
  return Object.entries(values)
    .map(([k, v]) => `${kebabCase(k)}=${String(v)}`)
    .join(', ');
}
