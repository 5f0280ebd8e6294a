"""The queue scenario's M/M/1 model written for SimPy 2.3 (Debian's python3-simpy),
for bench/simulator.bench.ts: Poisson arrivals at 80/s to one worker with
exponential service at 100/s and an unbounded FIFO queue; the time in
system of every customer after the first tenth of the run is recorded, as
the TypeScript scenario does. Prints one JSON line: customers, CPU seconds
of the simulation alone (process time, so other load on the machine weighs
less), and the mean time in system as a sanity check (theory: 50 ms).

Usage: python3 bench/simpy_mm1.py CUSTOMERS [SEED]
"""
import json
import random
import sys
import time

from SimPy.Simulation import Process, Resource, activate, hold, initialize, now, release, request, simulate

ARRIVAL_RATE = 80.0  # per second; times in ms as in the scenario
SERVICE_RATE = 100.0


class Stats:
    def __init__(self, warmup_ms):
        self.warmup_ms = warmup_ms
        self.count = 0
        self.total = 0.0


class Customer(Process):
    def visit(self, worker, stats, rng):
        arrived = now()
        yield request, self, worker
        yield hold, self, rng.expovariate(SERVICE_RATE / 1000.0)
        yield release, self, worker
        if arrived >= stats.warmup_ms:
            stats.count += 1
            stats.total += now() - arrived


class Source(Process):
    def generate(self, customers, worker, stats, rng):
        for _ in range(customers):
            yield hold, self, rng.expovariate(ARRIVAL_RATE / 1000.0)
            c = Customer()
            activate(c, c.visit(worker, stats, rng))


def main():
    customers = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    start = time.process_time()
    initialize()
    worker = Resource(capacity=1)
    stats = Stats(0.1 * customers * 1000.0 / ARRIVAL_RATE)
    source = Source()
    activate(source, source.generate(customers, worker, stats, rng))
    simulate(until=1e18)
    seconds = time.process_time() - start
    print(json.dumps({"customers": customers, "cpuSeconds": seconds, "meanTimeMs": stats.total / max(stats.count, 1)}))


if __name__ == "__main__":
    main()
