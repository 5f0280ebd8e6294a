/**
 * Simulator throughput: the `queue` scenario (M/M/1 at ρ = 0.8) with 10^6
 * requests, against the floor any event-driven simulator of the same run
 * stands on: a bare binary-heap push/pop loop over the same number of
 * events, with a heap as small as the simulation's agenda (a pending arrival
 * and a departure) and an exponential draw per event. The ratio says what
 * the models (requests, attempts, the service, the ledger, the statistics)
 * cost on top of moving events through a heap.
 */
import { queueScenario } from '../simulations/scenarios/queue.ts';
import { compare } from './harness.ts';

const REQUESTS = 1_000_000;
const params = { arrivalRate: 80, serviceRate: 100, workers: 1, requests: REQUESTS };

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

export default async function simulatorBench(): Promise<void> {
  // The same seed each time: every sample of the scenario is the very same run.
  const events = queueScenario.run(params, 1).events;
  let sink = 0;
  // Warm-up: a few smaller runs of each, so both are optimised before the first sample.
  for (let i = 0; i < 3; i++) {
    sink += queueScenario.run({ ...params, requests: 100_000 }, 1).summary.meanTime;
    sink += bareHeapLoop(events / 10, 2, 1);
  }

  const results = await compare({
    title: `queue scenario, ${REQUESTS.toLocaleString('en')} requests (${events.toLocaleString('en')} events), vs a bare heap loop of as many events`,
    baseline: 'bare heap push/pop loop',
    async: false,
    rounds: 5,
    warmupMs: 0,
    sampleMs: 1,
    unit: 'run',
    contenders: [
      { name: 'bare heap push/pop loop', call: () => (sink += bareHeapLoop(events, 2, 1)) },
      { name: 'queue scenario', call: () => (sink += queueScenario.run(params, 1).summary.meanTime) },
    ],
  });

  const heap = results.find((r) => r.name === 'bare heap push/pop loop')!;
  const sim = results.find((r) => r.name === 'queue scenario')!;
  const rows = [
    ['', 'ms/run', 'simulated requests/s', 'events/s', 'ns/event', 'time × bare heap'],
    ['bare heap push/pop loop', (heap.nsPerCall / 1e6).toFixed(0), '—', rate(events / (heap.nsPerCall / 1e9)), (heap.nsPerCall / events).toFixed(1), '1.00'],
    [
      'queue scenario',
      (sim.nsPerCall / 1e6).toFixed(0),
      rate(REQUESTS / (sim.nsPerCall / 1e9)),
      rate(events / (sim.nsPerCall / 1e9)),
      (sim.nsPerCall / events).toFixed(1),
      (sim.nsPerCall / heap.nsPerCall).toFixed(1),
    ],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log('\nsimulator throughput (same runs as above)');
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  // Keeps the results alive so no engine can skip the work.
  if (Number.isNaN(sink)) console.log('');
}

function rate(perSecond: number): string {
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M` : `${(perSecond / 1e3).toFixed(1)} k`;
}
