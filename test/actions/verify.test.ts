import { copyFile, cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { attachBundle, OciClient, pushFile } from '@build-artifact/oci';
import { beforeAll, describe, expect, it } from 'vitest';
import { registryAvailable, startRegistry } from '../helpers/registry.ts';
import { repoRoot, runAction } from './runner.ts';

const GH = path.resolve(repoRoot, '../shared/testdata/bundles/gh-cli');
const SIGNER = 'github/artifact-attestations-workflows/.github/workflows/attest.yml';

// A real artifact attested by GitHub's reusable attestation workflow, checked by the verify
// action's bundled entry (actions/dist/verify.js) against the public-good trusted root shipped
// with gh's test data.
describe('actions/verify (its bundled entry under node)', () => {
  let artifact: string;
  const base = (extra: Record<string, string>) => ({
    inputs: {
      artifacts: artifact,
      'trusted-root': path.join(GH, 'trusted_root.json'),
      ...extra,
    },
  });

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'verify-action-'));
    artifact = path.join(dir, 'reusable-workflow-artifact');
    await copyFile(path.join(GH, 'reusable-workflow-artifact'), artifact);
    // The bundle beside the artifact, under the name our tools look for.
    await copyFile(
      path.join(GH, 'reusable-workflow-attestation.sigstore.json'),
      `${artifact}.sigstore.json`,
    );
  });

  it('verifies with the signer workflow and source repository, and says so in outputs and summary', async () => {
    const run = await runAction(
      'verify',
      base({
        repo: 'malancas/attest-demo',
        'signer-workflow': 'github/artifact-attestations-workflows/.github/workflows/attest.yml',
        'min-slsa-level': '3',
      }),
    );
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs.verified).toBe('true');
    const results = JSON.parse(run.outputs.results!);
    expect(results).toHaveLength(1);
    expect(results[0].verified).toBe(true);
    expect(results[0].certificate.subjectAlternativeName).toContain(
      'github/artifact-attestations-workflows/.github/workflows/attest.yml',
    );
    expect(run.summary).toContain(`### \`${artifact}\`: ✅ verified`);
    expect(run.summary).toContain('| Signer and source match the policy | ✅ passed |');
  });

  it('fails closed when the signer is not the one required', async () => {
    const run = await runAction('verify', base({ repo: 'malancas/attest-demo' }));
    expect(run.code).toBe(1);
    expect(run.outputs.verified).toBe('false');
    expect(JSON.parse(run.outputs.results!)[0].failure.reason).toBe('SIGNER_REPOSITORY_MISMATCH');
    expect(run.errors.at(-1)).toBe(`1 of 1 artifacts failed verification: ${artifact}`);
    expect(run.summary).toContain('**FAILED**');
  });

  it('fails when the artifact has no bundle', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'verify-action-'));
    const lonely = path.join(dir, 'lonely');
    await copyFile(path.join(GH, 'reusable-workflow-artifact'), lonely);
    const run = await runAction('verify', {
      inputs: {
        artifacts: lonely,
        repo: 'malancas/attest-demo',
        'trusted-root': path.join(GH, 'trusted_root.json'),
      },
    });
    expect(run.code).toBe(1);
    expect(run.outputs.verified).toBe('false');
  });

  it('verifies against the public-good root it carries, with no node_modules around it', async () => {
    // A runner runs actions/dist as checked out: nothing beside it to resolve packages from.
    const dir = await mkdtemp(path.join(tmpdir(), 'verify-action-alone-'));
    await cp(path.join(repoRoot, 'actions', 'dist'), path.join(dir, 'dist'), { recursive: true });
    await writeFile(path.join(dir, 'package.json'), '{"type":"module"}\n');
    const run = await runAction('verify', {
      entry: path.join(dir, 'dist', 'verify.js'),
      inputs: { artifacts: artifact, repo: 'malancas/attest-demo', 'signer-workflow': SIGNER },
    });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.results!)[0]).toMatchObject({ verified: true });
  });

  it('rejects a bad min-slsa-level before any work', async () => {
    const run = await runAction('verify', base({ 'min-slsa-level': '4' }));
    expect(run.code).toBe(1);
    expect(run.errors).toEqual(['input "min-slsa-level" must be one of 1, 2, 3, got "4"']);
  });
});

// The same artifact pushed to a real registry with its bundle attached as a referrer: the action
// pulls both (fetchEvidence) and verifies the pulled file.
describe.skipIf(!registryAvailable())('actions/verify on an oci:// reference', () => {
  it('pulls the artifact and its attached bundle and verifies them', {
    timeout: 60_000,
  }, async () => {
    const registry = await startRegistry({ referrersTagFallback: true });
    try {
      const dir = await mkdtemp(path.join(tmpdir(), 'verify-action-oci-'));
      const file = path.join(dir, 'reusable-workflow-artifact');
      await copyFile(path.join(GH, 'reusable-workflow-artifact'), file);
      const target = new OciClient({ registry: registry.host, repository: 'demo/app' });
      const pushed = await pushFile(target, file, { tag: 'v1' });
      await attachBundle(
        pushed,
        await readFile(path.join(GH, 'reusable-workflow-attestation.sigstore.json')),
      );
      const ref = `oci://${registry.host}/demo/app:v1`;
      const inputs = { artifacts: ref, 'trusted-root': path.join(GH, 'trusted_root.json') };
      const ok = await runAction('verify', {
        inputs: { ...inputs, repo: 'malancas/attest-demo', 'signer-workflow': SIGNER },
      });
      expect(ok.errors).toEqual([]);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.outputs.results!)[0]).toMatchObject({ verified: true });

      const wrong = await runAction('verify', { inputs: { ...inputs, repo: 'other/repo' } });
      expect(wrong.code).toBe(1);
      expect(wrong.outputs.verified).toBe('false');
    } finally {
      await registry.close();
    }
  });
});
