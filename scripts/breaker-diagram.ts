// Writes src/components/circuit-breaker/replay/breaker-diagram.json: the
// breaker's states and transitions, read from its XState machine. The page
// draws the diagram from this file, so that it does not load XState and the
// machine to draw five boxes. Run with `npx tsx scripts/breaker-diagram.ts`
// after changing the machine; tests/components/circuit-breaker/breaker-diagram.test.ts
// fails until you do.
import { readFileSync, writeFileSync } from 'node:fs';
import { consoleIo, isProgram, runAsProgram, type Command, type CommandIo } from '../examples/shared/command.ts';
import type { ParsedFlags } from '../src/params/flags.ts';
import { breakerDiagram } from '../src/resilience/circuit-breaker/breaker-diagram.ts';

const FILE = 'src/components/circuit-breaker/replay/breaker-diagram.json';

export const breakerDiagramCommand: Command<Record<string, never>> = {
  name: 'breaker-diagram',
  invocation: 'npx tsx scripts/breaker-diagram.ts',
  about: `Reads the circuit breaker's states and transitions from its XState machine into ${FILE}, which the breaker page draws.`,
  flags: { params: {}, switches: { check: `write nothing; exit 1 if ${FILE} is not what the machine gives today` } },
  exitStatus: '0 written (or, with --check, up to date); 1 with --check, out of date',
};

function writeDiagram(flags: ParsedFlags<Record<string, never>>, io: CommandIo): number {
  const json = `${JSON.stringify(breakerDiagram(), null, 2)}\n`;
  if (flags.switches.has('check')) {
    if (readFileSync(FILE, 'utf8') === json) {
      io.out(`${FILE} is up to date`);
      return 0;
    }
    io.err(`${FILE} is out of date: run npx tsx scripts/breaker-diagram.ts`);
    return 1;
  }
  writeFileSync(FILE, json);
  io.out(`wrote ${FILE}`);
  return 0;
}

if (isProgram(import.meta.url)) await runAsProgram(breakerDiagramCommand, async (flags) => writeDiagram(flags, consoleIo));
