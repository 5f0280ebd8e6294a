// Writes src/components/debrief/debriefs.json: every "What to try" exercise's
// expected results as ranges over seeds 1-20, computed by the widgets' own
// plan and reduce. Run with `npm run debriefs` after changing a widget or a
// scenario; tests/components/debrief/debriefs.test.ts fails until you do.
import { readFileSync, writeFileSync } from 'node:fs';
import { consoleIo, isProgram, runAsProgram, type Command, type CommandIo } from '../examples/shared/command.ts';
import type { ParsedFlags } from '../src/params/flags.ts';
import { debriefsJson } from './debriefs/debriefs-json.ts';

const FILE = 'src/components/debrief/debriefs.json';

export const debriefsCommand: Command<Record<string, never>> = {
  name: 'debriefs',
  invocation: 'npm run debriefs --',
  about: `Recomputes the exercises' debriefs (seeds 1-20, through each widget's plan and reduce) into ${FILE}.`,
  flags: { params: {}, switches: { check: `write nothing; exit 1 if ${FILE} is not what the simulator gives today` } },
  exitStatus: '0 written (or, with --check, up to date); 1 with --check, out of date',
};

function debriefs(flags: ParsedFlags<Record<string, never>>, io: CommandIo): number {
  const json = debriefsJson();
  if (flags.switches.has('check')) {
    const current = readFileSync(FILE, 'utf8');
    if (current === json) {
      io.out(`${FILE} is up to date`);
      return 0;
    }
    io.err(`${FILE} is out of date: run npm run debriefs`);
    return 1;
  }
  writeFileSync(FILE, json);
  io.out(`wrote ${FILE}`);
  return 0;
}

if (isProgram(import.meta.url)) await runAsProgram(debriefsCommand, async (flags) => debriefs(flags, consoleIo));
