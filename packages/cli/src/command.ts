import type { ParseArgsConfig } from 'node:util';
import { BaseError } from '@build-artifact/core';

/** Where a command reads and writes: the process's streams in use, buffers in tests. */
export interface CommandIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** One `attest` subcommand: its flags, its help, and a typed run function the tests call. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The usage line(s) after `attest `. */
  usage: string;
  /** Flag descriptions for --help, in order. */
  help: readonly [flag: string, description: string][];
  examples?: readonly string[];
  options: OptionsConfig;
  /** Whether positional arguments are allowed. */
  positionals?: boolean;
  /** Returns the exit code: 0 success, 1 a check failed. Bad input throws. */
  run(
    args: { values: Record<string, unknown>; positionals: string[] },
    io: CommandIO,
  ): Promise<number>;
}

/** Bad flags or arguments: exit 2 with a pointer to --help. */
export class UsageError extends BaseError<'USAGE'> {
  constructor(message: string) {
    super({ code: 'USAGE', message });
  }
}

/** A flag's value as given, or undefined when it is absent. */
export function stringFlag(values: Record<string, unknown>, name: string): string | undefined {
  return values[name] === undefined ? undefined : String(values[name]);
}
