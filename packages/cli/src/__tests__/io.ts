import { PassThrough } from 'node:stream';
import type { CommandIO } from '../index.js';

/** A CommandIO whose stdout and stderr are collected in memory. */
export function captureIO(
  env: NodeJS.ProcessEnv = {},
  cwd = process.cwd(),
): CommandIO & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c));
  stderr.on('data', (c: Buffer) => chunks.err.push(c));
  return {
    stdout,
    stderr,
    env,
    cwd,
    out: () => Buffer.concat(chunks.out).toString('utf8'),
    err: () => Buffer.concat(chunks.err).toString('utf8'),
  };
}
