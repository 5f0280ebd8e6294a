import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { endQuietlyOnBrokenPipe } from '../../src/params/broken-pipe.ts';
import { formatFlagHelp, parseFlags, type FlagParse, type FlagTable, type ParsedFlags } from '../../src/params/flags.ts';
import type { ParamSpecs } from '../../src/params/params.ts';

/**
 * A real-mode command (a script or an example): its flags, parsed with the
 * project's one strict parser, and its help. Exit statuses: 0 done, 1 the
 * run found a problem or failed, 2 a bad command line.
 */
export interface Command<S extends ParamSpecs = ParamSpecs> {
  /** Prefix of its messages: `load-test`. */
  readonly name: string;
  /** How it is started: `scripts/load-test.sh`, `npm run example:retry --`. */
  readonly invocation: string;
  /** What it does, a few lines for the help. */
  readonly about: string;
  readonly flags: FlagTable<S>;
  /** Exit statuses beyond 0 and 2, for the help. */
  readonly exitStatus?: string;
}

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

export const consoleIo: CommandIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

export const EXIT_USAGE = 2;

export function parseCommandLine<S extends ParamSpecs>(command: Command<S>, argv: readonly string[]): FlagParse<S> {
  return parseFlags(argv, command.flags, `${command.invocation} --help lists the flags`);
}

export function formatCommandHelp(command: Command): string {
  const exit = command.exitStatus ?? '0 done; 1 the run failed';
  return `usage: ${command.invocation} [flags]\n\n${command.about}\n\n${formatFlagHelp(command.flags)}\n\nExit status: ${exit}; 2 a bad command line.`;
}

/**
 * Parses, then prints the help (exit 0), or the problem (exit 2), or runs.
 * A run that throws ends with its message on stderr and exit 1, never a
 * stack trace.
 */
export async function runCommand<S extends ParamSpecs>(
  command: Command<S>,
  argv: readonly string[],
  io: CommandIo,
  run: (flags: ParsedFlags<S>) => Promise<number>,
): Promise<number> {
  const parsed = parseCommandLine(command, argv);
  if (parsed.kind === 'help') {
    io.out(formatCommandHelp(command));
    return 0;
  }
  if (parsed.kind === 'error') {
    io.err(`${command.name}: ${parsed.message}\n${parsed.hint}`);
    return EXIT_USAGE;
  }
  try {
    return await run(parsed);
  } catch (error) {
    io.err(`${command.name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** Whether the module at `moduleUrl` is the program being run, not a module a test imported. */
export function isProgram(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && moduleUrl === pathToFileURL(realpathSync(script)).href;
}

/** Runs a command as the process: its exit status, and a quiet end when stdout's reader goes away. */
export async function runAsProgram<S extends ParamSpecs>(command: Command<S>, run: (flags: ParsedFlags<S>) => Promise<number>): Promise<void> {
  endQuietlyOnBrokenPipe([process.stdout, process.stderr], () => process.exit(process.exitCode ?? 0));
  process.exitCode = await runCommand(command, process.argv.slice(2), consoleIo, run);
}
