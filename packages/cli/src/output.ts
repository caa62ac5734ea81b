import { resolve } from 'node:path';
import { safeJson, writeFileAtomic } from '@build-artifact/core';
import { type CommandIO, UsageError } from './command.js';

/**
 * Writes command output to `-o FILE` atomically (a relative FILE is taken from the command's
 * working directory), or to stdout when no file (or `-`) is given.
 */
export async function writeOutput(io: CommandIO, data: string, file?: string): Promise<void> {
  if (file === undefined || file === '-') {
    io.stdout.write(data);
    return;
  }
  await writeFileAtomic(resolve(io.cwd, file), data);
}

/** True when colour may be used on this stream (a TTY, and NO_COLOR unset). */
export function useColor(io: CommandIO, stream: CommandIO['stdout']): boolean {
  return Boolean(stream.isTTY) && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}

/** The `--format` flag every command that prints results has: text for people, json for tools. */
export function outputFormat(value: unknown): 'text' | 'json' {
  const format = String(value ?? 'text');
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`--format must be text or json, not "${format}"`);
  }
  return format;
}

/** One JSON document per line, with every control character escaped (see `safeJson`). */
export function writeSafeJson(stream: NodeJS.WritableStream, value: unknown, space?: number): void {
  stream.write(`${safeJson(value, space)}\n`);
}
