#!/usr/bin/env node
// Fails when a committed actions/*/dist is not what its sources build to (actions/cache's
// check-dist): rebuilds into a temporary folder, prints the diff and the command that fixes it.
//
//   node scripts/check-dist.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { actionNames, buildActions } from './build-actions.mjs';

const root = path.resolve(import.meta.dirname, '..');

export async function checkDist(names = actionNames()) {
  const out = mkdtempSync(path.join(tmpdir(), 'check-dist-'));
  try {
    await buildActions({ names, outDir: out });
    const stale = [];
    for (const name of names) {
      const committed = path.join(root, 'actions', name, 'dist');
      const diff = spawnSync('diff', ['-ruN', committed, path.join(out, name, 'dist')], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
      if (diff.status !== 0) stale.push({ name, diff: diff.stdout || diff.stderr });
    }
    return stale;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const stale = await checkDist(process.argv.slice(2).length ? process.argv.slice(2) : undefined);
  for (const { name, diff } of stale) {
    const lines = diff.split('\n');
    process.stderr.write(
      `actions/${name}/dist is out of date:\n${lines.slice(0, 200).join('\n')}\n`,
    );
    if (lines.length > 200) process.stderr.write(`... (${lines.length - 200} more diff lines)\n`);
  }
  if (stale.length > 0) {
    process.stderr.write(
      `\n${stale.length} action bundle(s) differ from their sources. Fix with:\n  node scripts/build-actions.mjs && git add actions/*/dist\n`,
    );
    process.exitCode = 1;
  } else {
    process.stderr.write('every actions/*/dist matches its sources\n');
  }
}
