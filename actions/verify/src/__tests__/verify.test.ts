// The verify action's inputs and run(), against the TypeScript sources: a policy file, signed
// verification summaries written and attached in a real registry, and an artifact accepted
// through them. (test/actions runs the committed bundle as the runner does.)
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeBundle, GITHUB_ACTIONS_ISSUER, PredicateType } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { attachmentsOf, attest, publish } from '@build-artifact/pipeline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registryAvailable, startRegistry } from '../../../../test/helpers/registry.ts';
import { readInputs } from '../inputs.js';
import { run } from '../main.js';

const BUILDER = 'acme/builders/.github/workflows/build.yml@refs/tags/v1';
const SAN = `https://github.com/${BUILDER}`;
let dir: string;
let dev: DevSigstore;
let artifact: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'action-verify-'));
  dev = await startDevSigstore({
    issuer: GITHUB_ACTIONS_ISSUER,
    claims: { repository: 'acme/app', repository_owner: 'acme', job_workflow_ref: BUILDER },
  });
  await dev.writeTrustedRoot(join(dir, 'trusted_root.json'));
  artifact = join(dir, 'app.wasm');
  await writeFile(artifact, Buffer.from('0061736d01000000', 'hex'));
  await writeFile(
    join(dir, 'policy.yml'),
    'name: acme-app\nrepo: acme/app\nsigner-repo: acme/builders\nslsa-level: 3\nrequire-sbom: true\ntrusted-root: trusted_root.json\n',
  );
}, 60_000);
afterAll(async () => {
  await dev?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The runner's INPUT_* variables for the duration of one test. */
const set: string[] = [];
function inputs(values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const key = `INPUT_${name.toUpperCase()}`;
    process.env[key] = value;
    set.push(key);
  }
}
afterEach(() => {
  for (const key of set.splice(0)) delete process.env[key];
  delete process.env.GITHUB_OUTPUT;
});

/** GITHUB_OUTPUT, which the runner creates before a step runs. */
async function outputFile(name: string): Promise<void> {
  process.env.GITHUB_OUTPUT = join(dir, name);
  await writeFile(process.env.GITHUB_OUTPUT, '');
}

async function outputs(): Promise<Record<string, string>> {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) return {};
  const text = await readFile(file, 'utf8').catch(() => '');
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (!heredoc) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!);
    out[heredoc[1]!] = value.join('\n');
  }
  return out;
}

describe('verify action inputs', () => {
  it('reads the policy file, the summaries to write and the verifiers to trust', () => {
    inputs({
      artifacts: 'a.wasm',
      policy: 'policies/app.yml',
      'vsa-out': 'vsa.jsonl',
      'vsa-sign': 'true',
      'vsa-attach': 'true',
      'slsa-level': '3',
      recursive: 'true',
      hostname: 'acme.ghe.com',
    });
    expect(readInputs()).toEqual({
      request: {
        targets: ['a.wasm'],
        bundles: [],
        policy: { minSlsaLevel: 3, hostname: 'acme.ghe.com' },
        trust: {},
        recursive: true,
        policyFile: 'policies/app.yml',
      },
      report: '',
      token: '',
      write: { request: { out: 'vsa.jsonl', signing: {} }, attach: true },
    });
  });

  it('reads the trusted verifier', () => {
    inputs({
      artifacts: 'a.wasm',
      'vsa-verifier-regexp': 'https://github\\.com/acme/.*',
      'vsa-max-age': '7d',
      'vsa-resource-uri': 'pkg:npm/app@1.0.0',
    });
    expect(readInputs().request).toMatchObject({
      summaries: { verifierRegexp: 'https://github\\.com/acme/.*', maxAge: '7d' },
      resourceUri: 'pkg:npm/app@1.0.0',
    });
  });

  it('refuses inputs that would do nothing', () => {
    for (const [values, message] of [
      [{ 'vsa-sign': 'true' }, /"vsa-sign" and "vsa-attach" need "vsa-out"/],
      [{ 'vsa-out': 'x', 'vsa-attach': 'true' }, /"vsa-attach" attaches signed summaries/],
      [{ 'vsa-max-age': '1h' }, /apply to "vsa-verifier"/],
    ] as const) {
      inputs({ artifacts: 'a.wasm', ...values });
      expect(() => readInputs()).toThrow(message);
      for (const key of set.splice(0)) delete process.env[key];
    }
  });
});

describe('verify action run()', () => {
  it('verifies against the policy file, signs a summary keyless, and accepts it', async () => {
    await attest(
      {
        artifacts: { paths: [artifact] },
        sbom: { inputs: [] },
        provenance: { builder: 'github', issuer: dev.oidc.issuer, jwksUrl: dev.oidc.jwksURL },
        signing: { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL, tsaURL: dev.tsaURL },
        sidecars: {},
      },
      { cwd: dir, env: { ...process.env, ...dev.env() } },
    );
    await outputFile('out-1');
    const policyFile = join(dir, 'policy.yml');
    const out = join(dir, 'vsa.jsonl');
    const results = await run(
      {
        request: { targets: [artifact], policy: {}, policyFile },
        token: '',
        write: { request: { out, signing: {} }, attach: false },
      },
      { ...process.env, ...dev.env() },
    );
    expect(results[0]).toMatchObject({ verified: true, policy: { name: 'acme-app' } });
    const o = await outputs();
    expect(o.verified).toBe('true');
    expect(o['policy-digest']).toBe(results[0]!.policy.digest.sha256);
    expect(o['vsa-file']).toBe(out);
    const bundle = JSON.parse(await readFile(out, 'utf8'));
    expect(describeBundle(bundle).predicateType).toBe(PredicateType.VERIFICATION_SUMMARY_V1);
    expect(describeBundle(bundle).signer).toBe(SAN);

    await outputFile('out-2');
    const accepted = await run({
      request: {
        targets: [artifact],
        bundles: [out],
        policy: {},
        policyFile,
        summaries: { verifier: SAN, maxAge: '1h' },
      },
      token: '',
    });
    expect(accepted[0]).toMatchObject({ verified: true, summary: { verifier: SAN } });
    // Signing needs the job's OIDC token: said before any work.
    await expect(
      run(
        {
          request: { targets: [artifact], policy: {}, policyFile },
          token: '',
          write: { request: { out, signing: {} }, attach: false },
        },
        {},
      ),
    ).rejects.toMatchObject({ code: 'MISSING_ID_TOKEN_PERMISSION' });
    // A summary-only rule named as an input, not as a flag.
    await expect(
      run({
        request: {
          targets: [artifact],
          bundles: [out],
          policy: { repo: 'acme/app' },
          trust: { trustedRoot: join(dir, 'trusted_root.json') },
          summaries: { verifier: SAN },
        },
        token: '',
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('input "repo"') });
  });

  it.skipIf(!registryAvailable())(
    'attaches the signed summaries to the manifests verified',
    {
      timeout: 60_000,
    },
    async () => {
      const registry = await startRegistry({ referrersTagFallback: true });
      try {
        const target = { reference: `oci://${registry.host}/acme/app:v1` };
        const env = { ...process.env, ...dev.env() };
        const attested = await attest(
          {
            artifacts: { paths: [artifact] },
            sbom: { inputs: [] },
            provenance: { builder: 'github', issuer: dev.oidc.issuer, jwksUrl: dev.oidc.jwksURL },
            signing: { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL, tsaURL: dev.tsaURL },
            publishTo: target,
          },
          { cwd: dir, env },
        );
        const a = attested.artifacts[0]!;
        const published = await publish(
          {
            target,
            artifacts: [{ name: a.name, path: artifact, digest: a.digest }],
            publication: attested.publication!,
            attachments: attachmentsOf(attested),
          },
          { cwd: dir, env },
        );
        await outputFile('out-3');
        const policyFile = join(dir, 'policy.yml');
        await run(
          {
            request: { targets: [published.reference], policy: {}, policyFile },
            token: '',
            write: { request: { out: join(dir, 'oci.jsonl'), signing: {} }, attach: true },
          },
          env,
        );
        const o = await outputs();
        expect(o['vsa-referrers']).toMatch(/^sha256:[0-9a-f]{64}$/);
        // Found in the registry beside the provenance, and enough on its own.
        const accepted = await run({
          request: {
            targets: [published.reference],
            policy: {},
            policyFile,
            summaries: { verifier: SAN },
          },
          token: '',
        });
        expect(accepted[0]).toMatchObject({
          verified: true,
          summary: { resourceUri: published.reference },
        });
      } finally {
        await registry.close();
      }
    },
  );
});
