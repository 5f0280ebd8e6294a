// Writes src/components/circuit-breaker/replay/breaker-diagram.json: the
// breaker's states and transitions, read from its XState machine. The page
// draws the diagram from this file, so that it does not load XState and the
// machine to draw five boxes. Run with `npx tsx scripts/breaker-diagram.ts`
// after changing the machine; tests/components/circuit-breaker/breaker-diagram.test.ts
// fails until you do.
import { writeFileSync } from 'node:fs';
import { breakerDiagram } from '../src/resilience/circuit-breaker/breaker-diagram.ts';

const FILE = 'src/components/circuit-breaker/replay/breaker-diagram.json';
writeFileSync(FILE, `${JSON.stringify(breakerDiagram(), null, 2)}\n`);
console.log(`wrote ${FILE}`);
