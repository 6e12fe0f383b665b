import { parseArgs } from 'node:util';
import { BoardFileError } from '../core/store/board-file';
import { CliError, commands, type Io } from './commands';

const io: Io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

const order = ['demo', 'generate', 'new', 'check', 'dump', 'import', 'export', 'backup', 'restore'];

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
    if (e instanceof CliError || e instanceof BoardFileError) {
      io.err(`cpb ${name}: ${e.message}`);
      return 1;
    }
    io.err(`cpb ${name}: unexpected error: ${(e as Error).stack ?? e}`);
    return 1;
  }
}

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
