import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runAction } from '../actions/runner.ts';
import { registryAvailable, startRegistry } from '../helpers/registry.ts';
import { findStep, runStep } from './run-step.ts';

// The scripts inside build-artifact.yml, run as the runner runs a `shell: bash` step
// (`bash --noprofile --norc -eo pipefail FILE`) with the step's env, and chained the way the
// jobs chain them: the build leg's digests (a job output) feed the hash action of the attest job.
const workflow = parse(
  await readFile(path.join(repoRoot, '.github/workflows/build-artifact.yml'), 'utf8'),
);
const release = parse(
  await readFile(path.join(repoRoot, '.github/workflows/release-cli.yml'), 'utf8'),
);
const step = (job: string, id: string) => findStep(job === 'release' ? release : workflow, job, id);

function runJobStep(job: string, id: string, env: Record<string, string>, cwd: string) {
  return runStep(step(job, id).run!, env, cwd);
}

describe('setup job: planning the matrix', () => {
  const plan = (env: Record<string, string>) =>
    runJobStep(
      'setup',
      'plan',
      {
        UNTRUSTED_TARGETS: '',
        UNTRUSTED_ARTIFACTS: 'out/app',
        UNTRUSTED_TOOLCHAINS: '',
        UNTRUSTED_WORKING_DIRECTORY: '.',
        ...env,
      },
      repoRoot,
    );

  it('defaults to one ubuntu leg and normalises the toolchains', async () => {
    const r = await plan({ UNTRUSTED_TOOLCHAINS: ' go, rust ' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.outputs.matrix!)).toEqual([
      { index: 0, 'runs-on': 'ubuntu-24.04', target: '', artifacts: 'out/app' },
    ]);
    expect([r.outputs.go, r.outputs.rust, r.outputs.node, r.outputs.python]).toEqual([
      'true',
      'true',
      'false',
      'false',
    ]);
    expect(r.outputs.prefix).toMatch(/^build-artifact-[0-9a-f]{12}$/);
  });

  it('indexes the targets, with per-target artifacts', async () => {
    const targets = [
      { 'runs-on': 'ubuntu-24.04', target: 'x86_64-unknown-linux-gnu' },
      {
        'runs-on': 'windows-2025',
        target: 'x86_64-pc-windows-msvc',
        artifacts: 'target/release/wash.exe',
      },
    ];
    const r = await plan({ UNTRUSTED_TARGETS: JSON.stringify(targets) });
    expect(r.status).toBe(0);
    expect(
      JSON.parse(r.outputs.matrix!).map((m: { index: number; artifacts: string }) => [
        m.index,
        m.artifacts,
      ]),
    ).toEqual([
      [0, 'out/app'],
      [1, 'target/release/wash.exe'],
    ]);
  });

  it.each([
    [{ UNTRUSTED_TARGETS: '[{"target": "x; rm -rf /"}]' }, 'targets[0].target must match'],
    [{ UNTRUSTED_TARGETS: '{' }, 'targets is not JSON'],
    [{ UNTRUSTED_TARGETS: JSON.stringify(Array(13).fill({})) }, 'at most 12'],
    [{ UNTRUSTED_TARGETS: '[{"runs-on": "ubuntu latest"}]' }, 'runs-on is not a runner label'],
    [{ UNTRUSTED_TOOLCHAINS: 'zig' }, 'unknown toolchain "zig"'],
    [{ UNTRUSTED_WORKING_DIRECTORY: '../elsewhere' }, 'must stay inside the repository'],
  ])('rejects %j', async (env, message) => {
    const r = await plan(env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
  });
});

describe('build job: build with workflow commands off, hash, hand the digests to the attest job', () => {
  it('renames outputs per target, and its digests pass the hash action on the downloaded files', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'build-leg-'));
    const build = await runJobStep(
      'build',
      'Build',
      {
        UNTRUSTED_BUILD_COMMAND:
          'mkdir -p target/release && printf "bin-%s" "$BUILD_TARGET" > target/release/wash && printf exe > target/release/wash.exe && echo "::set-output name=x::y" && test -z "${GITHUB_OUTPUT:-}"',
        UNTRUSTED_TARGET: 'x86_64-unknown-linux-gnu',
        CONSUMED_DIR: path.join(work, 'consumed'),
      },
      work,
    );
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const token = /^::stop-commands::([0-9a-f]{64})$/m.exec(build.stdout)?.[1];
    expect(token).toBeDefined();
    expect(build.stdout.trim().split('\n')).toEqual([
      `::stop-commands::${token}`,
      '::set-output name=x::y',
      `::${token}::`,
    ]);

    const staging = path.join(work, 'staging');
    const hash = await runJobStep(
      'build',
      'hash',
      {
        UNTRUSTED_ARTIFACTS: 'target/release/wash\ntarget/**/*.exe\n',
        UNTRUSTED_TARGET: 'x86_64-unknown-linux-gnu',
        LEG_INDEX: '3',
        STAGING: staging,
      },
      work,
    );
    expect(hash.stderr).toBe('');
    expect(hash.status).toBe(0);
    const sums = Buffer.from(hash.outputs['digests-3']!, 'base64').toString('utf8');
    expect(sums).toMatch(
      /^[0-9a-f]{64} {2}wash-x86_64-unknown-linux-gnu\n[0-9a-f]{64} {2}wash-x86_64-unknown-linux-gnu\.exe\n$/,
    );

    // The attest job: download (here: the staging folder) and re-hash against the job outputs.
    const ok = await runAction('hash', {
      inputs: { directory: staging, 'expected-base64': `  ${hash.outputs['digests-3']} ` },
    });
    expect(ok.code).toBe(0);
    await writeFile(path.join(staging, 'wash-x86_64-unknown-linux-gnu'), 'swapped after the build');
    const bad = await runAction('hash', {
      inputs: { directory: staging, 'expected-base64': hash.outputs['digests-3']! },
    });
    expect(bad.code).toBe(1);
    expect(bad.errors[0]).toContain("differs from the build job's");
  });

  it("fails the leg when a pattern matches nothing, and reports the build's exit code", async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'build-leg-'));
    const hash = await runJobStep(
      'build',
      'hash',
      {
        UNTRUSTED_ARTIFACTS: 'dist/*.whl',
        UNTRUSTED_TARGET: '',
        LEG_INDEX: '0',
        STAGING: path.join(work, 's'),
      },
      work,
    );
    expect(hash.status).toBe(1);
    expect(hash.stdout).toContain("::error::artifacts: nothing matches 'dist/*.whl'");
    const build = await runJobStep(
      'build',
      'Build',
      { UNTRUSTED_BUILD_COMMAND: 'exit 7', UNTRUSTED_TARGET: '', CONSUMED_DIR: work },
      work,
    );
    expect(build.status).toBe(7);
    expect(build.stdout).toMatch(/::[0-9a-f]{64}::\n$/);
  });
});

describe("attest job: finding this workflow's own commit in the OIDC token", () => {
  let dev: DevSigstore;
  beforeAll(async () => {
    dev = await startDevSigstore({
      claims: {
        job_workflow_ref:
          'acme/build-artifact/.github/workflows/build-artifact.yml@refs/tags/v1.4.0',
        job_workflow_sha: 'c0ffee0000000000000000000000000000c0ffee',
      },
    });
  }, 60_000);
  afterAll(async () => dev?.close());

  it('outputs the repository and commit to check out', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'builder-'));
    await mkdir(work, { recursive: true });
    const r = await runJobStep('attest', 'builder', dev.env(), work);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.outputs).toEqual({
      repository: 'acme/build-artifact',
      sha: 'c0ffee0000000000000000000000000000c0ffee',
    });
  });

  it('fails without the id-token permission', async () => {
    const r = await runJobStep(
      'attest',
      'builder',
      {
        ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/x?a=1',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x',
      },
      repoRoot,
    );
    expect(r.status).not.toBe(0);
  });
});

describe.skipIf(!registryAvailable())('build job: fetching consumed artifacts by digest', () => {
  it('pulls the one layer of a pinned manifest, checks both digests, and refuses a bad pin', async () => {
    const registry = await startRegistry();
    try {
      const work = await mkdtemp(path.join(tmpdir(), 'consumes-'));
      // A wasm module pushed as the wasm layout, with the push action.
      const wasm = path.join(work, 'nats-server.wasm');
      await writeFile(wasm, Buffer.from('0061736d01000000000a046e616d650201000000', 'hex'));
      const pushed = await runAction('push', {
        inputs: { repository: `oci://${registry.host}/example/nats-server`, paths: wasm },
      });
      expect(pushed.errors).toEqual([]);
      const reference = pushed.outputs.reference!;
      const consumed = path.join(work, 'consumed');
      const fetch = await runJobStep(
        'build',
        'Fetch consumed artifacts by digest',
        { UNTRUSTED_CONSUMES: `\n  ${reference}  \n`, REGISTRY_TOKEN: '', CONSUMED_DIR: consumed },
        work,
      );
      expect(fetch.stderr).toBe('');
      expect(fetch.status).toBe(0);
      expect(await readFile(path.join(consumed, 'nats-server.wasm'))).toEqual(await readFile(wasm));

      const forged = reference.replace(/@sha256:.*/, `@sha256:${'0'.repeat(64)}`);
      const bad = await runJobStep(
        'build',
        'Fetch consumed artifacts by digest',
        { UNTRUSTED_CONSUMES: forged, REGISTRY_TOKEN: '', CONSUMED_DIR: path.join(work, 'c2') },
        work,
      );
      expect(bad.status).not.toBe(0);
      const unpinned = await runJobStep(
        'build',
        'Fetch consumed artifacts by digest',
        {
          UNTRUSTED_CONSUMES: `oci://${registry.host}/example/nats-server:latest`,
          REGISTRY_TOKEN: '',
          CONSUMED_DIR: path.join(work, 'c3'),
        },
        work,
      );
      expect(unpinned.status).toBe(1);
      expect(unpinned.stdout).toContain('is not oci://REGISTRY/REPO@sha256:<64 hex>');
    } finally {
      await registry.close();
    }
  });
});

describe('release-cli.yml: the release job re-hashes before publishing', () => {
  async function layout(files: Record<string, string>) {
    const temp = await mkdtemp(path.join(tmpdir(), 'release-'));
    const bin = path.join(temp, 'release', 'bin');
    await mkdir(bin, { recursive: true });
    for (const [name, content] of Object.entries(files))
      await writeFile(path.join(bin, name), content);
    return { temp, bin };
  }
  const sum = (content: string, name: string) =>
    `${createHash('sha256').update(content).digest('hex')}  ${name}`;

  it('writes SHA256SUMS when the binaries are exactly the attested ones', async () => {
    const { temp, bin } = await layout({
      'wash-x86_64-unknown-linux-gnu': 'a',
      'wash-aarch64-apple-darwin': 'b',
    });
    const expected = `${sum('a', 'wash-x86_64-unknown-linux-gnu')}\n${sum('b', 'wash-aarch64-apple-darwin')}\n`;
    const r = await runJobStep(
      'release',
      'Re-hash the binaries against the attested digests',
      { EXPECTED_DIGESTS: expected, BIN_DIR: bin, RUNNER_TEMP: temp },
      temp,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(await readFile(path.join(temp, 'release', 'SHA256SUMS'), 'utf8')).toBe(expected);
  });

  it.each([
    [{ 'wash-x86_64-unknown-linux-gnu': 'tampered' }, 'FAILED'],
    [
      { 'wash-x86_64-unknown-linux-gnu': 'a', extra: 'x' },
      'downloaded binaries differ from the attested list',
    ],
  ])('refuses %j', async (files, message) => {
    const { temp, bin } = await layout(files);
    const r = await runJobStep(
      'release',
      'Re-hash the binaries against the attested digests',
      {
        EXPECTED_DIGESTS: `${sum('a', 'wash-x86_64-unknown-linux-gnu')}\n`,
        BIN_DIR: bin,
        RUNNER_TEMP: temp,
      },
      temp,
    );
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(message);
  });
});
