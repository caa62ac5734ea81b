#!/usr/bin/env node
// Runs the benchmarks: `npm run bench` for all, `npm run bench -- digest sbom` for some.
// Each bench/<name>.mjs measures `attest` and a real peer on the same input in the same run and
// prints the ratio. Benchmarks need the workspace built (`npm run build`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('.', import.meta.url);
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && !f.startsWith('_'))
  .map((f) => f.slice(0, -4))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length > 0) {
  console.error(`bench: no benchmark named ${unknown.join(', ')} (have: ${all.join(', ')})`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length > 0 ? wanted : all) {
  console.log(`\n== bench/${name}`);
  const r = spawnSync(process.execPath, [new URL(`${name}.mjs`, dir).pathname], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
