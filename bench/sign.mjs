#!/usr/bin/env node
// bench/sign: Sigstore signing latency against the local dev Sigstore (real HTTP on 127.0.0.1),
// and the overhead the whole provenance+sign step adds per artifact. Peers measured in the same
// run: `openssl dgst -sign` for a keyed signature, `attest digest` (hashing alone) for the step.
// Uses the built packages: run `npm run build` first.
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomFillSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { subjectsFromPaths } from '../packages/core/dist/index.js';
import { startDevSigstore } from '../packages/dev-sigstore/dist/index.js';
import {
  githubProvenance,
  provenanceStatement,
  verifyOidcToken,
} from '../packages/provenance/dist/index.js';
import { bundlePathFor, signStatement, writeBundle } from '../packages/sign/dist/index.js';
import { attestBin, ensureCliBundle, printTable } from './_lib.mjs';

await ensureCliBundle();

const N = Number(process.env.BENCH_SIGN_RUNS ?? 25);
const ARTIFACTS = Number(process.env.BENCH_SIGN_ARTIFACTS ?? 10);
const ARTIFACT_BYTES = Number(process.env.BENCH_SIGN_ARTIFACT_BYTES ?? 4 * 1024 * 1024);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p90 = (xs) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];
const ms = (x) => x.toFixed(1);

// Runs every case once per round, round after round, so that load from elsewhere on the machine
// spreads over all cases instead of skewing one.
async function timeRounds(fns, runs = N) {
  for (const fn of fns) await fn(); // warm-up: JIT, keep-alive sockets
  const times = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [j, fn] of fns.entries()) {
      const start = process.hrtime.bigint();
      await fn();
      times[j].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return times;
}

// The dev Sigstore lives in this process, so the CLI runs without blocking the event loop.
function run(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${cmd} ${args.join(' ')} failed (${code}): ${err}`)),
    );
  });
}

function timeSpawn(cmd, args, env, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { encoding: 'utf8', env, maxBuffer: 1 << 28 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0)
      throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  }
  return times;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-sign-'));
const dev = await startDevSigstore();
try {
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'nats.wasm', digest: { sha256: 'ab'.repeat(32) } }],
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {
      buildDefinition: { buildType: 'https://actions.github.io/buildtypes/workflow/v1' },
    },
  };
  const stmtPath = join(dir, 'statement.json');
  writeFileSync(stmtPath, JSON.stringify(statement));
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const keyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const keyPath = join(dir, 'key.pem');
  writeFileSync(keyPath, keyPem);
  const token = await dev.mintToken('sigstore');

  // 1. Signing latency, in process.
  const cases = [
    [
      'keyless: Fulcio + Rekor (public-good shape)',
      { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL, identityToken: token },
    ],
    [
      'keyless: Fulcio + TSA (GitHub shape)',
      { fulcioURL: dev.fulcioURL, tsaURL: dev.tsaURL, identityToken: token },
    ],
    [
      'keyless: Fulcio + Rekor + TSA',
      {
        fulcioURL: dev.fulcioURL,
        rekorURL: dev.rekorURL,
        tsaURL: dev.tsaURL,
        identityToken: token,
      },
    ],
    ['keyed: P-256, no log', { privateKeyPem: keyPem }],
  ];
  const timings = await timeRounds(
    cases.map(
      ([, options]) =>
        () =>
          signStatement(statement, options),
    ),
  );
  const rows = cases.map(([name], i) => [name, ms(median(timings[i])), ms(p90(timings[i]))]);
  const keyedMedian = median(timings[cases.length - 1]);
  const opensslTimes = timeSpawn(
    'openssl',
    ['dgst', '-sha256', '-sign', keyPath, '-out', join(dir, 'sig'), stmtPath],
    process.env,
    N,
  );
  // The same work on both sides: a process that signs the statement file with the key.
  const attestTimes = timeSpawn(
    process.execPath,
    [attestBin, 'sign', stmtPath, '--key', keyPath, '--bundle', join(dir, 'bundle.json')],
    process.env,
    N,
  );
  rows.push([
    'peer: openssl dgst -sha256 -sign (process)',
    ms(median(opensslTimes)),
    ms(p90(opensslTimes)),
  ]);
  rows.push(['attest sign --key (process)', ms(median(attestTimes)), ms(p90(attestTimes))]);
  console.log(`signStatement latency against the local Sigstore over HTTP (N=${N}, ms)\n`);
  printTable(['case', 'median', 'p90'], rows);
  console.log(
    `\nattest sign --key / openssl dgst -sign, both as processes: ${(median(attestTimes) / median(opensslTimes)).toFixed(2)}x the time (a bundle, DSSE, against a bare signature; Node's start-up against OpenSSL's)`,
  );
  console.log(
    `keyed signStatement in-process: ${ms(keyedMedian)} ms (for information: no process start-up)`,
  );

  // 2. The whole provenance + sign step per artifact, through the CLI as a workflow runs it.
  const files = [];
  const chunk = Buffer.alloc(ARTIFACT_BYTES);
  for (let i = 0; i < ARTIFACTS; i++) {
    randomFillSync(chunk);
    const f = join(dir, `artifact-${i}.bin`);
    writeFileSync(f, chunk);
    files.push(f);
  }
  const env = { ...process.env, ...dev.env() };
  const runs = Math.max(3, Math.floor(N / 3));
  const one = files.slice(0, 1);
  const cli = [
    [process.execPath, [attestBin, 'digest', ...one]],
    [process.execPath, [attestBin, 'provenance', ...one, '--sign']],
    [process.execPath, [attestBin, 'digest', ...files]],
    [process.execPath, [attestBin, 'provenance', ...files, '--sign']],
    ['sha256sum', files],
  ];
  const [digestOne, provOne, digestAll, provAll, sha] = (
    await timeRounds(
      cli.map(
        ([cmd, args]) =>
          () =>
            run(cmd, args, env),
      ),
      runs,
    )
  ).map(median);
  console.log(
    `\nattest provenance --sign (verified OIDC token, statement, Fulcio + Rekor + TSA, bundle per file), ${ARTIFACT_BYTES / 1024 / 1024} MiB artifacts, median of ${runs} (ms)\n`,
  );
  printTable(
    [
      'artifacts',
      'attest digest',
      'provenance --sign',
      'overhead',
      'overhead/artifact',
      'sha256sum',
    ],
    [
      ['1', ms(digestOne), ms(provOne), ms(provOne - digestOne), ms(provOne - digestOne), '-'],
      [
        String(ARTIFACTS),
        ms(digestAll),
        ms(provAll),
        ms(provAll - digestAll),
        ms((provAll - digestAll) / ARTIFACTS),
        ms(sha),
      ],
    ],
  );

  // 3. The same step in process (what the action does), without Node's start-up in the numbers.
  const step = async (paths) => {
    const subjects = await subjectsFromPaths(paths);
    const claims = await verifyOidcToken(await dev.mintToken('sigstore'), {
      issuer: dev.oidc.issuer,
    });
    const text = JSON.stringify(provenanceStatement(subjects, githubProvenance(claims)));
    const bundle = await signStatement(text, {
      fulcioURL: dev.fulcioURL,
      rekorURL: dev.rekorURL,
      tsaURL: dev.tsaURL,
      identityToken: await dev.mintToken('sigstore'),
    });
    for (const p of paths) await writeBundle(bundlePathFor(p), bundle);
  };
  const inProc = await timeRounds(
    [
      () => subjectsFromPaths(one),
      () => step(one),
      () => subjectsFromPaths(files),
      () => step(files),
    ],
    N,
  );
  const [h1, s1, hN, sN] = inProc.map(median);
  console.log(
    `\nThe same step in process (library calls, as the action runs it), median of ${N} (ms)\n`,
  );
  printTable(
    [
      'artifacts',
      'hash only',
      'verify token + provenance + sign + write',
      'overhead',
      'overhead/artifact',
    ],
    [
      ['1', ms(h1), ms(s1), ms(s1 - h1), ms(s1 - h1)],
      [String(ARTIFACTS), ms(hN), ms(sN), ms(sN - hN), ms((sN - hN) / ARTIFACTS)],
    ],
  );
  console.log(
    `\nOne statement covers all subjects: signing is paid once per step, so the per-artifact overhead falls as artifacts are added.`,
  );
} finally {
  await dev.close();
  rmSync(dir, { recursive: true, force: true });
}
