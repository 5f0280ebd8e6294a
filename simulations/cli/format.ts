import { describeRange, formatValue, kebabCase, toDecimal } from '../../src/params/params.ts';
import type { ParamSpec } from '../../src/params/params.ts';
import type { Scenario, Summary } from '../scenario.ts';
import type { ScenarioRegistry } from '../scenarios/index.ts';
import { DEFAULT_BUDGET_SECONDS, MAX_BUDGET_SECONDS, MAX_RUNS, MAX_SEED, DEFAULT_SEED } from './parse-args.ts';
import type { CliCommand } from './parse-args.ts';

type RunCommand = Extract<CliCommand, { kind: 'run' }>;

export function formatHelp(registry: ScenarioRegistry): string {
  return [
    'Runs a simulation scenario headlessly: the same code the widgets run.',
    '',
    'usage:',
    '  npm run sim -- <scenario> [--<param> <value>]... [--seed N] [--runs K] [--time-budget S] [--json]',
    '  npm run sim -- --list [--json]       every scenario, its parameters and summary keys',
    '  npm run sim -- <scenario> --help     one scenario (-h works too; help never runs anything)',
    '',
    'options:',
    `  --seed N         run seed, an integer from 0 to ${MAX_SEED} (default ${DEFAULT_SEED}); same seed, same result`,
    `  --runs K         average the summary over K runs (1 to ${MAX_RUNS}) on seeds N, N+1, ..., N+K-1;`,
    '                   booleans become the fraction of runs in which they held; N+K-1 may not pass the largest seed',
    `  --time-budget S  refuse a run estimated to take longer than S seconds (default ${DEFAULT_BUDGET_SECONDS}, up to ${MAX_BUDGET_SECONDS});`,
    '                   a run estimated over a few seconds shows its progress on stderr',
    '  --json           print one JSON object { scenario, params, seed, runs, summary }',
    '',
    `scenarios: ${Object.keys(registry).join(', ')}`,
    '',
  ].join('\n');
}

export function formatList(registry: ScenarioRegistry): string {
  return Object.values(registry).map(formatScenarioHelp).join('\n');
}

/**
 * A scenario's flags (range, default, label) and summary keys with their
 * meaning. Each flag takes two lines, so a long list of options or a long
 * help text does not push every other column off the screen.
 */
export function formatScenarioHelp(s: Scenario): string {
  const flags = Object.entries(s.params).map(([k, p]) => ({ flag: `--${kebabCase(k)}`, p }));
  const width = Math.max(...flags.map((f) => f.flag.length));
  const paramLines = flags.flatMap(({ flag, p }) => [
    `${flag.padEnd(width)}  ${describeRange(p)}, default ${formatValue(p, p.default)}`,
    ...wrap(describeParam(p), 76 - width).map((l) => `${' '.repeat(width)}  ${l}`),
  ]);
  const summaryRows = Object.entries(s.summaryDoc).map(([k, doc]) => [k, doc]);
  return [
    `${s.name}: ${s.title}`,
    ...wrap(s.description, 76).map((l) => '  ' + l),
    '  parameters:',
    ...paramLines.map((l) => '    ' + l),
    '  summary:',
    ...alignRows(summaryRows).map((l) => '    ' + l),
    '',
  ].join('\n');
}

function describeParam(p: ParamSpec): string {
  return p.help ? `${p.label}: ${p.help}` : p.label;
}

/** The registry as data, for `--list --json`. */
export function listAsJson(registry: ScenarioRegistry): unknown {
  return Object.values(registry).map((s) => ({
    name: s.name,
    title: s.title,
    description: s.description,
    params: Object.entries(s.params).map(([k, p]) => ({ name: k, flag: `--${kebabCase(k)}`, ...p })),
    summary: s.summaryDoc,
  }));
}

/** The object `--json` prints. */
export function runAsJson(
  cmd: RunCommand,
  summary: Summary,
): { scenario: string; params: Record<string, unknown>; seed: number; runs: number; summary: Summary } {
  return { scenario: cmd.scenario.name, params: cmd.params, seed: cmd.seed, runs: cmd.runs, summary };
}

/** A run's summary as a readable table: value and meaning of each key. */
export function formatRunTable(cmd: RunCommand, summary: Summary): string {
  const { scenario } = cmd;
  // The flags as they would be typed, so the lines can be pasted to rerun.
  const flags = Object.keys(scenario.params).map((k) => {
    const v = cmd.params[k];
    return `--${kebabCase(k)} ${typeof v === 'number' ? toDecimal(v) : String(v)}`;
  });
  const header = cmd.runs === 1 ? `seed ${cmd.seed}` : `means over ${cmd.runs} runs, seeds ${cmd.seed} to ${cmd.seed + cmd.runs - 1}`;
  const rows = Object.entries(summary).map(([k, v]) => [k, formatNumber(v), scenario.summaryDoc[k] ?? '']);
  return [`${scenario.name} (${header})`, ...wrap(flags, 76).map((l) => '  ' + l), '', ...alignRows(rows, [false, true, false]).map((l) => '  ' + l), ''].join(
    '\n',
  );
}

/** A duration for a person: `40 s`, `12 min`, `3.2 h`, `2.5 days`. */
export function formatDuration(seconds: number): string {
  if (seconds < 120) return `${Number(seconds.toPrecision(2))} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Number((seconds / 3600).toPrecision(2))} h`;
  return `${Number((seconds / 86_400).toPrecision(2))} days`;
}

/** Six significant digits: enough to compare runs, short enough to read. */
export function formatNumber(v: number | boolean): string {
  if (typeof v === 'boolean') return String(v);
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(6)));
}

/** Pads columns to a common width; `right[i]` right-aligns column i (numbers). */
function alignRows(rows: readonly (readonly string[])[], right: readonly boolean[] = []): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 && !right[i] ? c : right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

/** Greedy line filling; `units` (words, or flag-value pairs) are never split. */
function wrap(text: string | readonly string[], width: number): string[] {
  const units = typeof text === 'string' ? text.split(/\s+/).filter(Boolean) : text;
  const lines: string[] = [];
  let line = '';
  for (const word of units) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
