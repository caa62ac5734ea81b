// `attest` as its own process: the built CLI (packages/cli/bin/attest.js) as a user runs it.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './toolchains.js';

export const attestBin = join(repoRoot, 'packages', 'cli', 'bin', 'attest.js');

export interface CliResult {
  /** The exit status; -1 when the process was killed (the timeout). */
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `attest ARGS` and collects its exit status and output. `env` is added to this process's
 * environment; a variable set to undefined is removed.
 */
export function runAttestCli(
  args: readonly string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    timeoutMs?: number;
  } = {},
): Promise<CliResult> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [attestBin, ...args],
      {
        ...(options.cwd ? { cwd: options.cwd } : {}),
        env: { ...process.env, ...options.env },
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (err, stdout, stderr) =>
        resolve({
          code: err ? (typeof err.code === 'number' ? err.code : -1) : 0,
          stdout,
          stderr,
        }),
    ),
  );
}
