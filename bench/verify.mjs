#!/usr/bin/env node
// bench/verify: whole-process time of `attest verify` on a real bundle against a minimal Node
// script that calls @sigstore/verify directly on the same bundle (and hashes the artifact, the
// one other thing a verifier must do), in the same run. Target: <= 1.5x and < 300 ms.
// Also lists which of our packages `attest verify` loads: SBOM, signing and OCI code should not.
// Batches: 1000 artifacts sharing one bundle (a release's one provenance over all its files)
// and 100 artifacts with 100 distinct bundles, signed by the local Sigstore, each timed against
// one artifact verified alone in the same run. Target: the 1000-artifact case under 10x one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attestBin, ensureCliBundle, printTable, repoRoot, timeCommand } from './_lib.mjs';

await ensureCliBundle();

const data = join(repoRoot, '../shared/testdata/bundles/slsa-verifier-bcr');
const artifact = join(data, 'rules_lint-v1.3.1.tar.gz');
const bundle = `${artifact}.intoto.jsonl`;
const runs = Number(process.env.BENCH_RUNS ?? 7);
const cache = mkdtempSync(join(tmpdir(), 'bench-verify-'));
const env = {
  ...process.env,
  ATTEST_CACHE_DIR: cache,
  ATTEST_GITHUB_TUF_URL: 'http://127.0.0.1:9',
};

// The minimal direct use of @sigstore/verify: shipped public-good root (from @sigstore/tuf's
// seeds), the bundle, SAN and issuer policy, and the artifact's sha256 against the subject.
const direct = `
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
const require = createRequire(process.cwd() + '/');
const seeds = JSON.parse(readFileSync(require.resolve('@sigstore/tuf/seeds.json'), 'utf8'));
const root = JSON.parse(Buffer.from(seeds['https://tuf-repo-cdn.sigstore.dev'].targets['trusted_root.json'], 'base64'));
const json = JSON.parse(readFileSync(${JSON.stringify(bundle)}, 'utf8').split('\\n')[0]);
const b = bundleFromJSON(json);
new Verifier(toTrustMaterial(TrustedRoot.fromJSON(root))).verify(toSignedEntity(b), {
  subjectAlternativeName: /^https:\\/\\/github\\.com\\/bazel-contrib\\/\\.github\\//,
  extensions: { issuer: 'https://token.actions.githubusercontent.com' },
});
const st = JSON.parse(Buffer.from(b.content.dsseEnvelope.payload).toString());
const sha = createHash('sha256').update(readFileSync(${JSON.stringify(artifact)})).digest('hex');
if (!st.subject.some((s) => s.digest.sha256 === sha)) throw new Error('subject');
console.log('ok');
`;

const alone = `
import { verifyCommand } from ${JSON.stringify(join(repoRoot, 'packages/cli/dist/commands/verify.js'))};
process.exitCode = await verifyCommand.run(
  { values: { repo: 'aspect-build/rules_lint', 'signer-repo': 'bazel-contrib/.github', format: 'text' }, positionals: [${JSON.stringify(artifact)}] },
  { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() },
);
`;
const attestArgs = [
  attestBin,
  'verify',
  artifact,
  '--repo',
  'aspect-build/rules_lint',
  '--signer-repo',
  'bazel-contrib/.github',
];
try {
  const tools = [
    ['node -e "" (Node start-up)', process.execPath, ['-e', '']],
    ['@sigstore/verify, minimal script', process.execPath, ['--input-type=module', '-e', direct]],
    ['attest verify', process.execPath, attestArgs],
    // Diagnostic: the verify command alone, without the command registry (whose other commands
    // may import their packages at load time). Shows what the verify path itself costs.
    ['verify command module alone', process.execPath, ['--input-type=module', '-e', alone]],
  ];
  const results = tools.map(([name, cmd, args]) => ({
    name,
    ...timeCommand(cmd, args, { runs, env }),
  }));
  const [, base, attest] = results;
  printTable(
    ['command', 'best of ' + runs + ' (ms)', 'vs direct'],
    results.map((r) => [
      r.name,
      (r.seconds * 1000).toFixed(0),
      `${(r.seconds / base.seconds).toFixed(2)}x`,
    ]),
  );
  const ratio = attest.seconds / base.seconds;
  const ms = attest.seconds * 1000;
  console.log(
    `\nattest verify / direct @sigstore/verify: ${ratio.toFixed(2)}x (target <= 1.50x) ${ratio <= 1.5 ? 'OK' : 'ABOVE TARGET'}`,
  );
  console.log(
    `attest verify: ${ms.toFixed(0)} ms (target < 300 ms) ${ms < 300 ? 'OK' : 'ABOVE TARGET'}`,
  );

  // Which of our packages does `attest verify` load? A resolve hook records every module URL,
  // of dist/ (ATTEST_NO_BUNDLE): in the one-file bundle every module would be `cli`'s.
  const hook = `data:text/javascript,${encodeURIComponent(`
    import { registerHooks } from 'node:module';
    const seen = new Set();
    registerHooks({ resolve(s, c, next) { const r = next(s, c); seen.add(r.url); return r; } });
    process.on('exit', () => process.stderr.write('\\nMODULES ' + JSON.stringify([...seen]) + '\\n'));
  `)}`;
  const traced = spawnSync(process.execPath, ['--import', hook, ...attestArgs], {
    encoding: 'utf8',
    env: { ...env, ATTEST_NO_BUNDLE: '1' },
  });
  const urls = JSON.parse(/MODULES (.*)/.exec(traced.stderr)?.[1] ?? '[]');
  const ours = [
    ...new Set(urls.map((u) => /packages\/([^/]+)\/dist\//.exec(u)?.[1]).filter(Boolean)),
  ].sort();
  const external = [
    ...new Set(
      urls.map((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter(Boolean),
    ),
  ].sort();
  console.log(`\nmodules loaded by attest verify: ${urls.length}`);
  console.log(`our packages: ${ours.join(', ')}`);
  console.log(`npm packages: ${external.join(', ')}`);
  const unwanted = ours.filter((p) =>
    ['sbom', 'sign', 'oci', 'dev-sigstore', 'provenance'].includes(p),
  );
  console.log(
    unwanted.length
      ? `UNWANTED: attest verify loads ${unwanted.join(', ')} (static imports in other commands)`
      : 'attest verify loads no SBOM, signing or OCI code: OK',
  );
  await batches();
} finally {
  rmSync(cache, { recursive: true, force: true });
}

/** Verification scales with distinct evidence, not with files. */
async function batches() {
  const { writeFileSync, mkdirSync } = await import('node:fs');
  const { createHash } = await import('node:crypto');
  const { startDevSigstore } = await import(join(repoRoot, 'packages/dev-sigstore/dist/index.js'));
  const { signStatement } = await import(join(repoRoot, 'packages/sign/dist/index.js'));
  const { buildStatement } = await import(join(repoRoot, 'packages/core/dist/index.js'));
  const dev = await startDevSigstore();
  const dir = mkdtempSync(join(tmpdir(), 'bench-verify-batch-'));
  try {
    const root = join(dir, 'trusted_root.json');
    await dev.writeTrustedRoot(root);
    const sign = async (subjects) =>
      signStatement(
        buildStatement(subjects, 'https://slsa.dev/provenance/v1', { buildDefinition: {} }),
        {
          fulcioURL: dev.fulcioURL,
          rekorURL: dev.rekorURL,
          identityToken: await dev.mintToken('sigstore'),
        },
      );
    const file = (folder, i) => {
      const path = join(folder, `artifact-${i}`);
      const content = `artifact number ${i}\n`;
      writeFileSync(path, content);
      return {
        name: `artifact-${i}`,
        path,
        sha256: createHash('sha256').update(content).digest('hex'),
      };
    };
    mkdirSync(join(dir, 'shared'));
    const shared = Array.from({ length: 1000 }, (_, i) => file(join(dir, 'shared'), i));
    const sharedBundle = join(dir, 'shared.sigstore.json');
    writeFileSync(
      sharedBundle,
      JSON.stringify(
        await sign(shared.map((f) => ({ name: f.name, digest: { sha256: f.sha256 } }))),
      ),
    );
    mkdirSync(join(dir, 'distinct'));
    const distinct = Array.from({ length: 100 }, (_, i) => file(join(dir, 'distinct'), i));
    for (const f of distinct)
      writeFileSync(
        `${f.path}.sigstore.json`,
        JSON.stringify(await sign([{ name: f.name, digest: { sha256: f.sha256 } }])),
      );
    const policy = [
      '--trusted-root',
      root,
      '--certificate-identity-regexp',
      '.*',
      '--certificate-oidc-issuer',
      dev.oidc.issuer,
    ];
    const cases = [
      ['1 artifact, its bundle', [shared[0].path, '--bundle', sharedBundle]],
      [
        '1000 artifacts, one shared bundle',
        [...shared.map((f) => f.path), '--bundle', sharedBundle],
      ],
      ['100 artifacts, 100 bundles', distinct.map((f) => f.path)],
    ];
    const timed = cases.map(([name, args]) => ({
      name,
      ...timeCommand(
        process.execPath,
        [attestBin, 'verify', ...args, ...policy, '--format', 'json'],
        { runs: 3, env },
      ),
    }));
    const single = timed[0].seconds;
    console.log('');
    printTable(
      ['batch', 'best of 3 (ms)', 'vs one artifact', 'per artifact (ms)'],
      timed.map((t, i) => {
        const n = i === 0 ? 1 : i === 1 ? 1000 : 100;
        return [
          t.name,
          (t.seconds * 1000).toFixed(0),
          `${(t.seconds / single).toFixed(2)}x`,
          ((t.seconds * 1000) / n).toFixed(1),
        ];
      }),
    );
    const ratio = timed[1].seconds / single;
    console.log(
      `\n1000 artifacts sharing one bundle / one artifact: ${ratio.toFixed(2)}x (target < 10x) ${ratio < 10 ? 'OK' : 'ABOVE TARGET'}`,
    );
  } finally {
    await dev.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
