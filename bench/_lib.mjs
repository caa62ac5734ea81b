// Small helpers shared by the benchmarks: time a command, print a table row.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const attestBin = fileURLToPath(new URL('../packages/cli/bin/attest.js', import.meta.url));

/**
 * Brings the one-file CLI bundle that bin/attest.js runs up to date. The bin falls back to
 * packages/cli/dist (~150 modules, several times slower to start) when the bundle is older
 * than the compiled packages: a bench would time that instead of what users run.
 */
export async function ensureCliBundle() {
  const { buildCli, upToDate } = await import('../scripts/build-cli.mjs');
  if (!upToDate()) {
    console.error('bundling the CLI (scripts/build-cli.mjs)...');
    await buildCli();
  }
}

/** Runs a command `runs` times and returns the best wall time in seconds, and the last result. */
export function timeCommand(cmd, args, { runs = 3, env, input } = {}) {
  let best = Number.POSITIVE_INFINITY;
  let last;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    last = spawnSync(cmd, args, {
      encoding: 'utf8',
      env: env ?? process.env,
      input,
      maxBuffer: 1 << 30,
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (last.status !== 0)
      throw new Error(`${cmd} ${args.join(' ')} failed (${last.status}): ${last.stderr}`);
    best = Math.min(best, seconds);
  }
  return { seconds: best, result: last };
}

export function printTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
