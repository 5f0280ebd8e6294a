// `npm run sim -- ...`: the headless front of the scenarios; see `npm run sim -- --help`.
import { endQuietlyOnBrokenPipe } from '../../src/params/broken-pipe.ts';
import { scenarios } from '../scenarios/index.ts';
import { runCli } from './run-cli.ts';

endQuietlyOnBrokenPipe([process.stdout, process.stderr], () => process.exit(process.exitCode ?? 0));
process.exitCode = runCli(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }, scenarios);
