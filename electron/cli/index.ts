import { parseArgs } from 'node:util';
import { SafeWriteError } from '../core/exports/write-file';
import { faultOf, FaultError } from '../core/faults';
import { BoardFileError } from '../core/store/board-file';
import { InUseError } from '../core/store/in-use';
import { CliError, commands, type Io } from './commands';

// `cpb check FILE | head -1`: the reader has gone, so the rest of the output has nowhere to go.
// That is not an error of cpb's: stop quietly, as other command-line tools do.
let outputClosed = false;
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    outputClosed = true;
    process.exit(process.exitCode ?? 0);
  });

const io: Io = {
  out: (t) => void (outputClosed || process.stdout.write(`${t}\n`)),
  err: (t) => void (outputClosed || process.stderr.write(`${t}\n`)),
};

/** A failure a clerk can act on (a named fault, a refusal): one line, no stack trace. */
function expected(e: unknown): string | null {
  if (
    e instanceof CliError ||
    e instanceof BoardFileError ||
    e instanceof InUseError ||
    e instanceof FaultError ||
    e instanceof SafeWriteError
  )
    return e.message;
  return faultOf(e)?.message ?? null;
}

const order = ['demo', 'new', 'check', 'dump', 'import', 'export', 'backup', 'restore'];

function help(): string {
  const names = [
    ...order.filter((n) => n in commands),
    ...Object.keys(commands).filter((n) => !order.includes(n)),
  ];
  const lines = names.map((n) => `  ${commands[n]!.usage}\n      ${commands[n]!.summary}`);
  return [
    'CPB — Corporate Parenting Board: the same core as the app, for scripts and scheduled jobs.',
    '',
    'Usage:',
    ...lines,
  ].join('\n');
}

/** `cpb`: the same core as the app, for scripts and scheduled jobs. Exit 0 ok, 1 error, 2 usage. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`cpb: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        allowPositionals: true,
        strict: true,
        options: command.options ?? {},
      });
    } catch (e) {
      io.err(`cpb ${name}: ${(e as Error).message}\nUsage: ${command.usage}`);
      return 2;
    }
    const { values, positionals } = parsed;
    return await command.run(
      { values: values as Record<string, string | boolean | undefined>, positionals },
      io,
    );
  } catch (e) {
    const message = expected(e);
    if (message !== null) {
      io.err(`cpb ${name}: ${message}`);
      return 1;
    }
    io.err(`cpb ${name}: unexpected error: ${(e as Error).stack ?? e}`);
    return 1;
  }
}

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
