import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isBaseError } from '@build-artifact/core';
import { type Command, type CommandIO, UsageError } from './command.js';
import { commands } from './commands/index.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

const REPORT_URL = 'https://github.com/build-artifact/build-artifact/issues';

/** The package `attest` was installed as: its npm name and version, from its package.json. */
function packageInfo(): { name: string; version: string } {
  // In a bundle, ncc relocates this file beside the bundle (scripts/build-cli.mjs writes it).
  return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
}

export function version(): string {
  return packageInfo().version;
}

function topHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'attest: SBOMs, SLSA provenance, Sigstore signatures and OCI pushes for build artifacts, and their verification',
    '',
    'Usage: attest <command> [flags]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Flags:',
    '  -h, --help     show help (also: attest <command> --help)',
    '  -V, --version  print the version',
    '',
    'Exit codes: 0 success, 1 a check failed, 2 bad usage or unreadable input.',
    '',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const width = Math.max(10, ...command.help.map(([f]) => f.length));
  const lines = [`Usage: attest ${command.usage}`, '', command.summary, ''];
  if (command.help.length > 0) {
    lines.push(
      'Flags:',
      ...command.help.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`),
      `  ${'-h, --help'.padEnd(width)}  show this help`,
      '',
    );
  }
  if (command.examples?.length)
    lines.push('Examples:', ...command.examples.map((e) => `  ${e}`), '');
  return lines.join('\n');
}

function defaultIO(): CommandIO {
  // Getters: Node builds process.stdout and stderr on first use, loading its stream modules
  // (2-5 ms), and a command that writes its result to a file (`-o`) may print nothing at all.
  return {
    get stdout() {
      return process.stdout;
    },
    get stderr() {
      return process.stderr;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Runs `attest` with the given arguments; the exit code is decided here and only here. */
export async function main(argv: readonly string[], io: CommandIO = defaultIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    const entry = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    const target = entry ? await entry.load() : undefined;
    (name === undefined ? io.stderr : io.stdout).write(target ? commandHelp(target) : topHelp());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '-V' || name === '--version') {
    // The npm name, not just "attest": that name belongs to an unrelated package on npm, and
    // the version alone does not say which one is installed.
    const { name: pkgName, version: pkgVersion } = packageInfo();
    io.stdout.write(`${pkgName} ${pkgVersion}\n`);
    return EXIT_OK;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(
      `attest: unknown command "${name}"\nRun 'attest --help' for the list of commands.\n`,
    );
    return EXIT_USAGE;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(commandHelp(command));
    return EXIT_OK;
  }
  try {
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: [...rest],
        options: command.options,
        allowPositionals: command.positionals ?? false,
        strict: true,
      });
    } catch (err) {
      throw new UsageError((err as Error).message.replace(/\. To specify a positional.*$/s, ''));
    }
    return await command.run(
      { values: parsed.values as Record<string, unknown>, positionals: parsed.positionals },
      io,
    );
  } catch (err) {
    return reportError(err, command, io);
  }
}

function reportError(err: unknown, command: Command, io: CommandIO): number {
  if (err instanceof UsageError) {
    io.stderr.write(
      `attest ${command.name}: ${err.message}\nRun 'attest ${command.name} --help' for usage.\n`,
    );
    return EXIT_USAGE;
  }
  if (isBaseError(err)) {
    // Typed errors are the user's input being wrong or unreadable: say what and where, no stack.
    io.stderr.write(`attest ${command.name}: ${err.message}\n`);
    return (err as { exitCode?: number }).exitCode === EXIT_FAILED ? EXIT_FAILED : EXIT_USAGE;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(
    `attest ${command.name}: internal error: ${message}\nThis is a bug; please report it at ${REPORT_URL}${io.env.ATTEST_DEBUG ? '' : ' (set ATTEST_DEBUG=1 for details)'}\n`,
  );
  if (io.env.ATTEST_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
  return EXIT_FAILED;
}
