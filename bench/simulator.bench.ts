/**
 * Simulator throughput: the `queue` scenario (M/M/1 at ρ = 0.8) with 10^6
 * requests, side by side in one run with
 * - the floor any event-driven simulator of the same run stands on: a bare
 *   binary-heap push/pop loop over the same number of events, with a heap as
 *   small as the simulation's agenda (a pending arrival and a departure) and
 *   an exponential draw per event. The ratio says what the models (requests,
 *   attempts, the service, the ledger, the statistics) cost on top of moving
 *   events through a heap;
 * - SimPy 2.3 (Debian's python3-simpy) running the same M/M/1 model
 *   (bench/simpy_mm1.py), when /usr/bin/python3 has it; skipped otherwise.
 *
 * Every contender is timed in CPU time of its own process (user + system,
 * GC threads included), in alternating rounds, median of the rounds: on a
 * machine shared with other work, wall time measures the neighbours.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { queueScenario } from '../simulations/scenarios/queue.ts';

const REQUESTS = 1_000_000;
/** SimPy runs about 30 times slower; a fifth of the customers keeps a round short, and its rate per customer does not depend on the run's length. */
const SIMPY_CUSTOMERS = 200_000;
const ROUNDS = 5;
const params = { arrivalRate: 80, serviceRate: 100, workers: 1, requests: REQUESTS };
const python = '/usr/bin/python3';
const simpyModel = join(dirname(fileURLToPath(import.meta.url)), 'simpy_mm1.py');

/**
 * The baseline: the smallest binary min-heap of event times (no payloads, no
 * tie-breaking) and a hold loop that pops the earliest event and pushes one
 * an exponential gap later, `events` times, from `pending` events at the start.
 */
function bareHeapLoop(events: number, pending: number, seed: number): number {
  const heap = new Float64Array(pending + 1);
  let n = 0;
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 0x19660d) + 0x3c6ef35f) >>> 0;
    return state / 4294967296;
  };
  const push = (t: number) => {
    let i = n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p] <= t) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = t;
  };
  const pop = () => {
    const top = heap[0];
    const t = heap[--n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && heap[c + 1] < heap[c]) c++;
      if (t <= heap[c]) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = t;
    return top;
  };
  for (let i = 0; i < pending; i++) push(-Math.log1p(-random()) * 10);
  let now = 0;
  for (let i = 0; i < events; i++) {
    now = pop();
    push(now - Math.log1p(-random()) * 10);
  }
  return now;
}

/** CPU seconds (user + system) that `fn` takes in this process. */
function cpuSeconds(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function hasSimPy(): boolean {
  try {
    execFileSync(python, ['-c', 'import SimPy.Simulation'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** CPU seconds SimPy spends per customer, as bench/simpy_mm1.py measures it (the interpreter's start-up left out). */
function simpyRun(customers: number): { secondsPerCustomer: number; meanTimeMs: number } {
  const out = execFileSync(python, [simpyModel, String(customers)], { encoding: 'utf8' });
  const r = JSON.parse(out) as { customers: number; cpuSeconds: number; meanTimeMs: number };
  return { secondsPerCustomer: r.cpuSeconds / r.customers, meanTimeMs: r.meanTimeMs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export default async function simulatorBench(): Promise<void> {
  // The same seed each time: every sample of the scenario is the very same run.
  const first = queueScenario.run(params, 1);
  const events = first.events;
  let sink = 0;
  // Warm-up: a few smaller runs of each, so both are optimised before the first sample.
  for (let i = 0; i < 3; i++) {
    sink += queueScenario.run({ ...params, requests: 100_000 }, 1).summary.meanTime;
    sink += bareHeapLoop(events / 10, 2, 1);
  }
  const simpy = hasSimPy();

  const heapS: number[] = [];
  const simS: number[] = [];
  const simpyS: number[] = [];
  let simpyMean = NaN;
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts from a different contender, so drift spreads over all of them.
    const order = [0, 1, 2].map((k) => (round + k) % 3);
    for (const k of order) {
      if (k === 0) heapS.push(cpuSeconds(() => (sink += bareHeapLoop(events, 2, 1))));
      else if (k === 1) simS.push(cpuSeconds(() => (sink += queueScenario.run(params, 1).summary.meanTime)));
      else if (simpy) {
        const r = simpyRun(SIMPY_CUSTOMERS);
        simpyS.push(r.secondsPerCustomer * REQUESTS);
        simpyMean = r.meanTimeMs;
      }
    }
  }

  const heap = median(heapS);
  const sim = median(simS);
  const rows = [
    ['', 'CPU ms/run', 'simulated requests/s', 'events/s', 'ns/event', 'time × bare heap', 'speed × SimPy'],
    ['bare heap push/pop loop', (heap * 1e3).toFixed(0), '—', rate(events / heap), ((heap * 1e9) / events).toFixed(1), '1.00', '—'],
    [
      'queue scenario (ours)',
      (sim * 1e3).toFixed(0),
      rate(REQUESTS / sim),
      rate(events / sim),
      ((sim * 1e9) / events).toFixed(1),
      (sim / heap).toFixed(2),
      simpy ? (median(simpyS) / sim).toFixed(1) : '—',
    ],
  ];
  if (simpy) {
    const s = median(simpyS);
    rows.push(['SimPy 2.3, same M/M/1 model', (s * 1e3).toFixed(0), rate(REQUESTS / s), '—', '—', (s / heap).toFixed(1), '1.0']);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(
    `\nsimulator throughput: queue scenario, ${REQUESTS.toLocaleString('en')} requests (${events.toLocaleString('en')} events); median of ${ROUNDS} alternating rounds, CPU time, Node ${process.version}`,
  );
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  if (simpy) {
    console.log(
      `SimPy ran ${SIMPY_CUSTOMERS.toLocaleString('en')} customers a round (its rate per customer is scaled to ${REQUESTS.toLocaleString('en')}); mean time in system ${simpyMean.toFixed(1)} ms, ours ${first.summary.meanTime.toFixed(1)} ms, theory 50 ms.`,
    );
  } else {
    console.log(`SimPy skipped: ${python} has no SimPy module (Debian package python3-simpy).`);
  }
  // Keeps the results alive so no engine can skip the work.
  if (Number.isNaN(sink)) console.log('');
}

function rate(perSecond: number): string {
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M` : `${(perSecond / 1e3).toFixed(1)} k`;
}
