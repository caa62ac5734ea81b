#!/usr/bin/env node
// bench/sbom-hostile: `attest sbom` on 100 MB hostile binaries, each built to make a naive
// reader quadratic (the generators of packages/sbom/src/binary/__tests__/hostile.ts, imported as
// they are: Node strips their types). Prints each input's time and exit code, and `go version -m`
// on the same file in the same run where it can read the format (the peer), and their ratio.
// Target: every input finishes in seconds (under 10 s here), with a result or a LIMIT_EXCEEDED
// error (exit 2).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attestBin, ensureCliBundle, printTable, repoRoot } from './_lib.mjs';

const MB = 1024 * 1024;
const SIZE = Number(process.env.HOSTILE_MB ?? 100) * MB;
const TARGET_S = 10;
const h = await import(
  join(repoRoot, 'packages', 'sbom', 'src', 'binary', '__tests__', 'hostile.ts')
);

await ensureCliBundle();
const work = join(repoRoot, 'bench', '.work', 'hostile');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const inputs = [
  [
    'ELF, 65,535 sections, NUL-less name table',
    () => h.elfStrtabWithoutNul(65_535, SIZE - 65_535 * 64 - 64),
  ],
  ['ELF + wasm candidate + 25M custom sections', () => h.elfHost(h.invalidModuleThenCustoms(SIZE))],
  ['ELF + 256 nested wasm candidates', () => h.elfHost(h.nestedCandidates(256, SIZE))],
  ['wasm module of 25M custom sections', () => h.moduleOfTinyCustoms(Math.floor(SIZE / 4))],
  [
    'component of .dep-v0 bombs',
    () => h.componentOfDepV0Bombs(Math.floor(SIZE / 8400), 8 * MB - 1024),
  ],
  [
    'ELF + module info start sentinels',
    () =>
      h.elfHost(
        h.manyModinfoStarts(Math.floor(SIZE / 20), 4, 'path\tex.com/m\nmod\tex.com/m\t(devel)\t\n'),
      ),
  ],
];

function timed(cmd, args, env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: env ?? process.env, maxBuffer: 1 << 30 });
  return {
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    status: r.status,
    stderr: r.stderr,
  };
}

const go = ['/usr/lib/go-1.23/bin/go', 'go'].find(
  (g) => spawnSync(g, ['version'], { stdio: 'ignore' }).status === 0,
);
const rows = [];
let missed = 0;
for (const [name, make] of inputs) {
  const file = join(work, name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  const bytes = make();
  writeFileSync(file, bytes);
  const attest = timed(process.execPath, [attestBin, 'sbom', file, '-o', join(work, 'out.json')]);
  const what = attest.status === 0 ? 'a BOM' : attest.stderr.trim().split('\n')[0].slice(-70);
  const peer =
    go && name.startsWith('ELF')
      ? timed(go, ['version', '-m', file], { ...process.env, GOTOOLCHAIN: 'local' }).seconds
      : undefined;
  if (attest.seconds >= TARGET_S) missed++;
  rows.push([
    name,
    (bytes.length / MB).toFixed(0),
    attest.seconds.toFixed(2),
    `${attest.status} ${what}`,
    peer === undefined ? '-' : peer.toFixed(2),
    peer === undefined ? '-' : `${(attest.seconds / peer).toFixed(1)}x`,
  ]);
  rmSync(file, { force: true });
}
printTable(['input', 'MiB', 'attest s', 'exit', 'go version -m s', 'attest / go'], rows);
console.log(`\ntarget: each under ${TARGET_S} s: ${missed === 0 ? 'met' : `missed on ${missed}`}`);
rmSync(work, { recursive: true, force: true });
process.exit(missed === 0 ? 0 : 1);
