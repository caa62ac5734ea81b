#!/usr/bin/env node
// bench/pipeline: what the supply-chain pipeline adds to a build, stage by stage, for the NATS
// server built by Go for wasip1 and the Rust CLI embedding it: hash, SBOM, provenance (OIDC
// token + predicate), sign (provenance and SBOM attestations, local Sigstore), push (OCI
// layout, or BENCH_REGISTRY=HOST:PORT), verify (from the files and from OCI; the CLI with
// --recursive). The peer is the build itself, measured in the same run.
//
//   npm run build && node bench/pipeline.mjs
//   BENCH_COLD=1 node bench/pipeline.mjs     # empty Go and cargo caches: a from-scratch build
//   BENCH_RUNS=3 node bench/pipeline.mjs     # best of N warm runs per stage
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printTable, repoRoot } from './_lib.mjs';

const { runDemo, STAGES } = await import(join(repoRoot, 'packages/cli/dist/demo/pipeline.js'));

const cold = process.env.BENCH_COLD === '1';
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));
const scratch = mkdtempSync(join(tmpdir(), 'bench-pipeline-'));
const env = { ...process.env };
if (cold) env.XDG_CACHE_HOME = join(scratch, 'cache');
const io = { stdout: process.stdout, stderr: process.stderr, env, cwd: repoRoot };
const log = process.env.BENCH_VERBOSE ? (l) => process.stderr.write(`${l}\n`) : undefined;

async function once(i) {
  const report = await runDemo(
    {
      out: join(scratch, `run-${i}`),
      only: ['nats', 'cli'],
      ...(process.env.BENCH_REGISTRY ? { registry: process.env.BENCH_REGISTRY } : {}),
      ...(log ? { log } : {}),
    },
    io,
  );
  if (!report.verified) throw new Error('the pipeline did not verify');
  if (report.skipped.length)
    throw new Error(
      `skipped: ${report.skipped.map((s) => `${s.artifact} (${s.reason})`).join('; ')}`,
    );
  return report;
}

try {
  // Warm runs start with one run that fills Go's and cargo's caches (not measured).
  if (!cold) await once('warmup');
  const best = new Map();
  let total = Number.POSITIVE_INFINITY;
  for (let i = 0; i < (cold ? 1 : runs); i++) {
    const report = await once(i);
    total = Math.min(total, report.totalMs);
    for (const a of report.artifacts) {
      const prev = best.get(a.name) ?? {};
      for (const s of STAGES)
        prev[s] = Math.min(prev[s] ?? Number.POSITIVE_INFINITY, a.timings[s] ?? 0);
      prev.size = a.size;
      best.set(a.name, prev);
    }
  }
  const overheadStages = STAGES.filter((s) => s !== 'build');
  const ms = (v) => (v / 1000).toFixed(2);
  const rows = [];
  let sumBuild = 0;
  let sumOverhead = 0;
  for (const [name, t] of best) {
    const overhead = overheadStages.reduce((n, s) => n + t[s], 0);
    sumBuild += t.build;
    sumOverhead += overhead;
    rows.push([
      name,
      `${(t.size / 1048576).toFixed(1)} MiB`,
      ...STAGES.map((s) => ms(t[s])),
      ms(overhead),
      `${((overhead / t.build) * 100).toFixed(0)}%`,
    ]);
  }
  console.log(
    `attest pipeline stages, seconds (${cold ? 'cold caches' : `warm Go/cargo caches, best of ${runs}`}; ` +
      `push to ${process.env.BENCH_REGISTRY ? `registry ${process.env.BENCH_REGISTRY}` : 'an OCI layout on disk'})\n`,
  );
  printTable(['artifact', 'size', ...STAGES, 'overhead', 'overhead/build'], rows);
  console.log(
    `\ntotal: build ${ms(sumBuild)} s, pipeline overhead ${ms(sumOverhead)} s ` +
      `(${((sumOverhead / sumBuild) * 100).toFixed(0)}% of the build); whole demo run ${ms(total)} s ` +
      '(includes starting the local Sigstore)',
  );
  console.log(
    'verify = `attest verify` from the files and from OCI, in-process; the CLI with --recursive (its module verified again)',
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
