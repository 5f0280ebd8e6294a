import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumArgs, chromiumPath } from '../../tests/browser/helpers/chromium.ts';

export interface LighthouseScores {
  readonly performance: number;
  readonly accessibility: number;
  readonly tbtMs: number;
}

// LIGHTHOUSE_BIN: a lighthouse installed elsewhere (e.g. `npm i --prefix /tmp/lh lighthouse@12.2.3`), so measuring needs no change to node_modules.
const bin = process.env.LIGHTHOUSE_BIN ?? 'node_modules/.bin/lighthouse';

/** Lighthouse is not a dependency: false when it is not installed. */
export function lighthouseAvailable(): boolean {
  return existsSync(bin);
}

/** Mobile (Lighthouse's default form factor) performance and accessibility of one page. */
export function lighthouse(url: string): LighthouseScores {
  const out = execFileSync(
    bin,
    [url, '--only-categories=performance,accessibility', '--output=json', '--quiet', `--chrome-flags=--headless=new ${chromiumArgs.join(' ')}`],
    { env: { ...process.env, CHROME_PATH: chromiumPath() ?? '' }, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
  ).toString();
  const report = JSON.parse(out) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number }>;
  };
  return {
    performance: Math.round((report.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((report.categories.accessibility?.score ?? 0) * 100),
    tbtMs: Math.round(report.audits['total-blocking-time']?.numericValue ?? Number.NaN),
  };
}
