// The example policies (examples/policies): what they require, and that they accept what the
// reusable workflows of OWNER/build-artifact sign and refuse the rest, over the local Sigstore.
import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '@build-artifact/cli';
import { GITHUB_ACTIONS_ISSUER } from '@build-artifact/core';
import { type GitHubClaims, startDevSigstore } from '@build-artifact/dev-sigstore';
import { attest } from '@build-artifact/pipeline';
import { readPolicyFile } from '@build-artifact/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIO } from '../../packages/cli/src/__tests__/io.ts';

const POLICIES = join(import.meta.dirname, '../../examples/policies');
const NATS = join(POLICIES, 'nats-server-wasm.yml');
const CLI = join(POLICIES, 'embedding-cli.yml');

describe('example policies', () => {
  it('ship for the flagship: L3, signed SBOM, recursion, a reusable workflow of build-artifact', async () => {
    expect(
      readdirSync(POLICIES)
        .filter((f) => f.endsWith('.yml'))
        .sort(),
    ).toEqual(['embedding-cli.yml', 'nats-server-wasm.yml']);
    const nats = await readPolicyFile(NATS);
    expect(nats.name).toBe('nats-server-wasm');
    expect(nats.settings).toEqual({
      owner: 'OWNER',
      'signer-workflow': 'OWNER/build-artifact/.github/workflows/build-artifact.yml',
      'deny-self-hosted-runners': true,
      'slsa-level': 3,
      'require-sbom': true,
      recursive: true,
    });
    const cli = await readPolicyFile(CLI);
    expect(cli.name).toBe('embedding-cli');
    expect(cli.settings).toMatchObject({
      owner: 'OWNER',
      'signer-repo': 'OWNER/build-artifact',
      'slsa-level': 3,
      'require-sbom': true,
      recursive: true,
    });
  });
});

describe('example policies over the local Sigstore', () => {
  let dir: string;
  let dev: Awaited<ReturnType<typeof startDevSigstore>>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'example-policies-'));
    dev = await startDevSigstore({ issuer: GITHUB_ACTIONS_ISSUER });
    await dev.writeTrustedRoot(join(dir, 'trusted_root.json'));
  }, 60_000);
  afterAll(async () => {
    await dev?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** An artifact attested by a run with these claims; returns its path. */
  async function built(name: string, claims: Partial<GitHubClaims>): Promise<string> {
    dev.setClaims(claims);
    const path = join(dir, name);
    await writeFile(path, Buffer.from(`0061736d01000000000302017${name.length % 10}`, 'hex'));
    await attest(
      {
        artifacts: { paths: [path] },
        sbom: { inputs: [] },
        provenance: { builder: 'github', issuer: dev.oidc.issuer, jwksUrl: dev.oidc.jwksURL },
        signing: { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL, tsaURL: dev.tsaURL },
        sidecars: {},
      },
      { cwd: dir, env: { ...process.env, ...dev.env() } },
    );
    return path;
  }

  async function verify(path: string, policy: string) {
    const io = captureIO({}, dir);
    const args = ['verify', path, '--policy', policy, '--trusted-root', 'trusted_root.json'];
    const code = await main([...args, '--format', 'json'], io);
    return { code, result: code === 2 ? io.err() : JSON.parse(io.out()) };
  }

  const run = (repository: string, workflow: string, runner = 'github-hosted') => ({
    repository,
    repository_owner: repository.split('/')[0]!,
    sub: `repo:${repository}:ref:refs/tags/v1.0.0`,
    ref: 'refs/tags/v1.0.0',
    workflow_ref: `${repository}/.github/workflows/build.yml@refs/tags/v1.0.0`,
    job_workflow_ref: `OWNER/build-artifact/.github/workflows/${workflow}@refs/tags/v1`,
    runner_environment: runner,
  });

  it('accept the module and the CLI built by the reusable workflows, at L3 with their SBOMs', async () => {
    const module = await built('nats-server.wasm', run('OWNER/nats-wasip1', 'build-artifact.yml'));
    const ok = await verify(module, NATS);
    expect(ok.code, JSON.stringify(ok.result)).toBe(0);
    expect(ok.result).toMatchObject({
      verified: true,
      slsa: { level: 3 },
      sbom: { verified: true },
      policy: { name: 'nats-server-wasm' },
    });
    const cli = await built('embedding-cli.wasm', run('OWNER/embedding-cli', 'release-cli.yml'));
    expect((await verify(cli, CLI)).result).toMatchObject({ verified: true, slsa: { level: 3 } });
    // The module's policy names build-artifact.yml: the release workflow is not it.
    expect((await verify(cli, NATS)).result.failure.reason).toBe('SIGNER_WORKFLOW_MISMATCH');
  });

  it('refuse another owner, a self-hosted runner, and a build signed inside its own repository', async () => {
    const other = await built('a.wasm', run('evil/nats-wasip1', 'build-artifact.yml'));
    expect((await verify(other, NATS)).result.failure.reason).toBe('OWNER_MISMATCH');
    const selfHosted = await built(
      'b.wasm',
      run('OWNER/nats-wasip1', 'build-artifact.yml', 'self-hosted'),
    );
    expect((await verify(selfHosted, NATS)).result.failure.reason).toBe('SELF_HOSTED_RUNNER');
    // build-artifact building itself with its own reusable workflow: L2, not the policy's L3.
    const own = await built('c.wasm', run('OWNER/build-artifact', 'build-artifact.yml'));
    expect((await verify(own, NATS)).result.failure.reason).toBe('SLSA_LEVEL_TOO_LOW');
  });
});
