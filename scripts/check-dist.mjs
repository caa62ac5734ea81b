#!/usr/bin/env node
// Fails when the committed actions/dist is not what the sources build to (actions/cache's
// check-dist): rebuilds into a temporary folder, prints the diff and the command that fixes it.
//
//   node scripts/check-dist.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildActions, DIST } from './build-actions.mjs';

/** The diff between the committed bundle and a fresh build; empty when they match. */
export async function checkDist() {
  const out = mkdtempSync(path.join(tmpdir(), 'check-dist-'));
  try {
    const fresh = path.join(out, 'dist');
    await buildActions({ outDir: fresh });
    const diff = spawnSync('diff', ['-ruN', DIST, fresh], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    return diff.status === 0 ? '' : diff.stdout || diff.stderr;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const diff = await checkDist();
  if (diff) {
    const lines = diff.split('\n');
    process.stderr.write(`actions/dist is out of date:\n${lines.slice(0, 200).join('\n')}\n`);
    if (lines.length > 200) process.stderr.write(`... (${lines.length - 200} more diff lines)\n`);
    process.stderr.write(
      '\nThe action bundle differs from its sources. Fix with:\n  node scripts/build-actions.mjs && git add actions/dist\n',
    );
    process.exitCode = 1;
  } else {
    process.stderr.write('actions/dist matches its sources\n');
  }
}
