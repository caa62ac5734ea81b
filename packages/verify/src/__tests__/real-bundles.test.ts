import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadTrustedRoot,
  publicGoodTrustedRootJSON,
  readEvidence,
  type Trust,
  type VerificationResult,
  type VerifyPolicy,
  verifyArtifact,
} from '../index.js';
import { BCR, GH } from './testdata.js';

// Real bundles from real GitHub workflows (gh's and slsa-verifier's test data), verified
// offline against the public-good root shipped in @sigstore/tuf's seeds.
let trust: Trust;
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'verify-real-'));
  // GitHub's TUF repository is pointed at a closed local port: no test reaches the network.
  trust = await loadTrustedRoot({
    cacheDir: join(tmp, 'cache'),
    githubTufURL: 'http://127.0.0.1:9',
  });
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

async function run(
  artifact: string,
  bundle: string,
  policy: VerifyPolicy,
  t = trust,
): Promise<VerificationResult> {
  return verifyArtifact({ path: artifact, evidence: await readEvidence(bundle) }, policy, t);
}

const SIGSTORE_JS = join(GH, 'sigstore-js-2.1.0.tgz');
const RULES_LINT = join(BCR, 'rules_lint-v1.3.1.tar.gz');
const MODULE = join(BCR, 'MODULE.bazel');

describe('sigstore-js 2.1.0 (npm provenance, older GitHub buildType, sha512 subject)', () => {
  for (const file of [
    'sigstore-js-2.1.0-bundle.json',
    'sigstore-js-2.1.0-bundle-v0.1.json',
    'sigstore-js-2.1.0_with_2_bundles.jsonl',
  ]) {
    it(`verifies ${file} with --repo`, async () => {
      const r = await run(SIGSTORE_JS, join(GH, file), { repo: 'sigstore/sigstore-js' });
      expect(r.failure).toBeUndefined();
      expect(r.verified).toBe(true);
      expect(r.digest.sha512).toMatch(/^90f223f9/);
      expect(r.certificate?.sourceRepositoryDigest).toBe(
        '26d16513386ffaa790b1c32f927544f1322e4194',
      );
      expect(r.certificate?.buildTrigger).toBe('push');
      expect(r.tlogEntries[0]?.kind).toBe('intoto/0.0.2');
      expect(r.timestamps[0]?.kind).toBe('transparency-log');
      // The older buildType: builder.id names the runner, so only the source is cross-checked.
      expect(r.crossChecks.find((c) => c.name === 'builder.id')?.status).toBe('not-checked');
      expect(r.crossChecks.find((c) => c.name === 'sourceCommit')?.status).toBe('match');
      expect(r.slsa?.level).toBe(2);
    });
  }

  // sigstore-conformance's has_root_in_chain: the bundle's chain must not carry a trust anchor.
  it('refuses a chain that includes the root; accepts one with the intermediate', async () => {
    const bundle = JSON.parse(
      await readFile(join(GH, 'sigstore-js-2.1.0-bundle-v0.1.json'), 'utf8'),
    );
    const ca = publicGoodTrustedRootJSON() as {
      certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[];
    };
    // The CA that issued the 2023 leaf: [intermediate, root].
    const [intermediate, root] = ca.certificateAuthorities.at(-1)!.certChain.certificates;
    const withChain = (extra: { rawBytes: string }[]) => {
      const b = structuredClone(bundle);
      b.verificationMaterial.x509CertificateChain.certificates.push(...extra);
      return [{ source: 'chain', json: b }];
    };
    const policy = { repo: 'sigstore/sigstore-js' };
    const ok = await verifyArtifact(
      { path: SIGSTORE_JS, evidence: withChain([intermediate!]) },
      policy,
      trust,
    );
    expect(ok.failure).toBeUndefined();
    for (const chain of [[intermediate!, root!], [root!]]) {
      const r = await verifyArtifact(
        { path: SIGSTORE_JS, evidence: withChain(chain) },
        policy,
        trust,
      );
      expect(r.verified).toBe(false);
      expect(r.failure?.reason).toBe('CERTIFICATE_ERROR');
      expect(r.failure?.message).toMatch(/includes a self-signed root certificate/);
    }
  });

  it('fails with a wrong repository', async () => {
    const r = await run(SIGSTORE_JS, join(GH, 'sigstore-js-2.1.0-bundle.json'), {
      repo: 'sigstore/cosign',
    });
    expect(r.verified).toBe(false);
    expect(r.failure?.reason).toBe('REPOSITORY_MISMATCH');
  });

  it('fails with a wrong certificate identity, and anchors regexes', async () => {
    const wrong = await run(SIGSTORE_JS, join(GH, 'sigstore-js-2.1.0-bundle.json'), {
      certificateIdentity:
        'https://github.com/sigstore/sigstore-js/.github/workflows/ci.yml@refs/heads/main',
    });
    expect(wrong.failure?.reason).toBe('IDENTITY_MISMATCH');
    // Unanchored, this would match as a substring: anchored, it must match the whole SAN.
    const partial = await run(SIGSTORE_JS, join(GH, 'sigstore-js-2.1.0-bundle.json'), {
      certificateIdentityRegexp: 'sigstore/sigstore-js',
    });
    expect(partial.failure?.reason).toBe('IDENTITY_MISMATCH');
    const whole = await run(SIGSTORE_JS, join(GH, 'sigstore-js-2.1.0-bundle.json'), {
      certificateIdentityRegexp: 'https://github\\.com/sigstore/sigstore-js/.*',
      certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
    });
    expect(whole.verified).toBe(true);
    const issuer = await run(SIGSTORE_JS, join(GH, 'sigstore-js-2.1.0-bundle.json'), {
      certificateIdentityRegexp: '.*',
      certificateOidcIssuerRegexp: 'https://accounts\\.google\\.com',
    });
    expect(issuer.failure?.reason).toBe('ISSUER_MISMATCH');
  });

  it('fails for a tampered artifact', async () => {
    const copy = join(tmp, 'sigstore-2.1.0.tgz');
    const bytes = await readFile(SIGSTORE_JS);
    bytes[100] ^= 1;
    await writeFile(copy, bytes);
    const r = await run(copy, join(GH, 'sigstore-js-2.1.0-bundle.json'), {
      repo: 'sigstore/sigstore-js',
    });
    expect(r.failure?.reason).toBe('SUBJECT_MISMATCH');
  });

  it('rejects the invalid-signature bundle from gh', async () => {
    const r = await run(SIGSTORE_JS, join(GH, 'sigstoreBundle-invalid-signature.json'), {
      owner: 'sigstore',
    });
    expect(r.verified).toBe(false);
    expect(r.failure?.reason).toBe('TLOG_BODY_ERROR');
  });

  it('finds the bundle beside the artifact', async () => {
    const copy = join(tmp, 'beside.tgz');
    await copyFile(SIGSTORE_JS, copy);
    await copyFile(join(GH, 'sigstore-js-2.1.0-bundle.json'), `${copy}.sigstore.json`);
    const r = await verifyArtifact({ path: copy }, { repo: 'sigstore/sigstore-js' }, trust);
    expect(r.verified).toBe(true);
    expect(r.source).toBe(`${copy}.sigstore.json`);
  });

  it('says so when there is no bundle', async () => {
    const r = await verifyArtifact({ path: SIGSTORE_JS }, { repo: 'sigstore/sigstore-js' }, trust);
    expect(r.failure?.reason).toBe('NO_BUNDLE');
  });

  it('an unsigned statement is at most SLSA L1 and never verified', async () => {
    const bundle = (await readEvidence(join(GH, 'sigstore-js-2.1.0-bundle.json')))[0]!.json as {
      dsseEnvelope: { payload: string };
    };
    const statement = JSON.parse(
      Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'),
    );
    const r = await verifyArtifact(
      { path: SIGSTORE_JS, evidence: [{ source: 'statement', json: statement }] },
      { repo: 'sigstore/sigstore-js' },
      trust,
    );
    expect(r.verified).toBe(false);
    expect(r.failure?.reason).toBe('UNSIGNED');
    expect(r.slsa?.level).toBe(1);
  });

  it('requires a signed SBOM only when asked', async () => {
    const r = await run(SIGSTORE_JS, join(GH, 'sigstore-js-2.1.0-bundle.json'), {
      repo: 'sigstore/sigstore-js',
      requireSbom: true,
    });
    expect(r.failure?.reason).toBe('SBOM_MISSING');
  });
});

describe('reusable workflow attestation (signed by github/artifact-attestations-workflows)', () => {
  const artifact = join(GH, 'reusable-workflow-artifact');
  const bundle = join(GH, 'reusable-workflow-attestation.sigstore.json');

  it('--repo alone refuses a signer from another repository', async () => {
    const r = await run(artifact, bundle, { repo: 'malancas/attest-demo' });
    expect(r.failure?.reason).toBe('SIGNER_REPOSITORY_MISMATCH');
  });

  it('verifies with --signer-repo, and is SLSA Build L3', async () => {
    const r = await run(artifact, bundle, {
      repo: 'malancas/attest-demo',
      signerRepo: 'github/artifact-attestations-workflows',
    });
    expect(r.failure).toBeUndefined();
    expect(r.slsa?.level).toBe(3);
    expect(r.certificate?.buildConfigURI).toBe(
      'https://github.com/malancas/attest-demo/.github/workflows/shared.yml@refs/heads/main',
    );
  });

  it('verifies with --signer-workflow pinned by SHA or left unpinned, and fails pinned to another ref', async () => {
    const wf = 'github/artifact-attestations-workflows/.github/workflows/attest.yml';
    expect(
      (await run(artifact, bundle, { repo: 'malancas/attest-demo', signerWorkflow: wf })).verified,
    ).toBe(true);
    expect(
      (
        await run(artifact, bundle, {
          repo: 'malancas/attest-demo',
          signerWorkflow: `${wf}@09b495c3f12c7881b3cc17209a327792065c1a1d`,
        })
      ).verified,
    ).toBe(true);
    const other = await run(artifact, bundle, {
      repo: 'malancas/attest-demo',
      signerWorkflow: `${wf}@refs/tags/v9`,
    });
    expect(other.failure?.reason).toBe('SIGNER_WORKFLOW_MISMATCH');
    // A prefix of the workflow path is not the workflow.
    const prefix = await run(artifact, bundle, {
      repo: 'malancas/attest-demo',
      signerWorkflow: 'github/artifact-attestations-workflows/.github/workflows/att',
    });
    expect(prefix.failure?.reason).toBe('SIGNER_WORKFLOW_MISMATCH');
  });

  // gh's matcher order: the certificate identity names the signer exactly; --repo then pins the
  // source repository only, not where the signing workflow lives.
  it('verifies with --certificate-identity <reusable workflow> --repo, as gh does', async () => {
    const san =
      'https://github.com/github/artifact-attestations-workflows/.github/workflows/attest.yml@09b495c3f12c7881b3cc17209a327792065c1a1d';
    const r = await run(artifact, bundle, {
      certificateIdentity: san,
      repo: 'malancas/attest-demo',
    });
    expect(r.failure).toBeUndefined();
    expect(r.certificate?.subjectAlternativeName).toBe(san);
    const regexp = await run(artifact, bundle, {
      certificateIdentityRegexp: 'https://github\\.com/github/artifact-attestations-workflows/.*',
      owner: 'malancas',
    });
    expect(regexp.failure).toBeUndefined();
    // The source repository is still checked.
    expect(
      (await run(artifact, bundle, { certificateIdentity: san, repo: 'malancas/other' })).failure
        ?.reason,
    ).toBe('REPOSITORY_MISMATCH');
    expect(
      (
        await run(artifact, bundle, {
          certificateIdentity: `${san}x`,
          repo: 'malancas/attest-demo',
        })
      ).failure?.reason,
    ).toBe('IDENTITY_MISMATCH');
  });

  it('checks the signer digest, source ref and source digest', async () => {
    const base = {
      repo: 'malancas/attest-demo',
      signerRepo: 'github/artifact-attestations-workflows',
    };
    expect(
      (
        await run(artifact, bundle, {
          ...base,
          signerDigest: '09b495c3f12c7881b3cc17209a327792065c1a1d',
          sourceRef: 'refs/heads/main',
          sourceDigest: '95baf27389e83e6a5c48f42e190d48d7abcea19e',
        })
      ).verified,
    ).toBe(true);
    expect(
      (await run(artifact, bundle, { ...base, signerDigest: '0'.repeat(40) })).failure?.reason,
    ).toBe('SIGNER_DIGEST_MISMATCH');
    expect(
      (await run(artifact, bundle, { ...base, sourceRef: 'refs/tags/v1' })).failure?.reason,
    ).toBe('SOURCE_REF_MISMATCH');
    expect(
      (await run(artifact, bundle, { ...base, sourceDigest: '0'.repeat(40) })).failure?.reason,
    ).toBe('SOURCE_DIGEST_MISMATCH');
    expect(
      (await run(artifact, bundle, { ...base, minSlsaLevel: 3, denySelfHostedRunners: true }))
        .verified,
    ).toBe(true);
  });
});

describe('custom OIDC issuer (GitHub Enterprise-style tenant issuer)', () => {
  const artifact = join(GH, 'custom-issuer-artifact');
  const bundle = join(GH, 'custom-issuer.sigstore.json');
  it('fails with gh flags and the default issuer, verifies with the issuer named', async () => {
    expect((await run(artifact, bundle, { owner: 'too-legit' })).failure?.reason).toBe(
      'ISSUER_MISMATCH',
    );
    const r = await run(artifact, bundle, {
      owner: 'too-legit',
      certificateOidcIssuer: 'https://token.actions.githubusercontent.com/hammer-time',
    });
    expect(r.failure).toBeUndefined();
    expect(r.crossChecks.map((c) => [c.name, c.status])).toEqual([
      ['builder.id', 'match'],
      ['sourceCommit', 'match'],
      ['sourceRepository', 'match'],
      ['sourceRef', 'match'],
    ]);
    expect(r.slsa?.level).toBe(2);
  });
});

describe('slsa-verifier BCR bundles (GitHub buildType, reusable workflows)', () => {
  it('rules_lint: verifies as L3 with --signer-workflow, fails as L3 without the signer', async () => {
    const bundle = `${RULES_LINT}.intoto.jsonl`;
    const r = await run(RULES_LINT, bundle, {
      repo: 'aspect-build/rules_lint',
      signerWorkflow: 'bazel-contrib/.github/.github/workflows/release_ruleset.yaml',
      minSlsaLevel: 3,
    });
    expect(r.failure).toBeUndefined();
    expect(r.slsa?.level).toBe(3);
    expect(r.crossChecks.every((c) => c.status === 'match')).toBe(true);
    expect(
      (await run(RULES_LINT, bundle, { repo: 'aspect-build/rules_lint' })).failure?.reason,
    ).toBe('SIGNER_REPOSITORY_MISMATCH');
  });

  it('MODULE.bazel: verifies; the wrong-signer bundle fails on the source repository', async () => {
    const policy = { repo: 'aspect-build/rules_lint', signerRepo: 'bazel-contrib/publish-to-bcr' };
    expect((await run(MODULE, `${MODULE}.intoto.jsonl`, policy)).verified).toBe(true);
    const wrong = join(BCR, 'MODULE-wrong-signer.bazel');
    const r = await run(wrong, `${wrong}.intoto.jsonl`, policy);
    expect(r.failure?.reason).toBe('REPOSITORY_MISMATCH');
    // Its evidence is for MODULE.bazel's digest, signed from loosebazooka/aa-test.
    expect(r.certificate?.sourceRepositoryURI).toBe('https://github.com/loosebazooka/aa-test');
  });

  it('a wrong owner fails', async () => {
    expect(
      (await run(MODULE, `${MODULE}.intoto.jsonl`, { owner: 'bazel-contrib' })).failure?.reason,
    ).toBe('OWNER_MISMATCH');
  });

  it('the SLSA level is enforced', async () => {
    const r = await run(SIGSTORE_JS, join(GH, 'sigstore-js-2.1.0-bundle.json'), {
      repo: 'sigstore/sigstore-js',
      minSlsaLevel: 3,
    });
    expect(r.failure?.reason).toBe('SLSA_LEVEL_TOO_LOW');
  });
});

describe('GitHub instance (private repositories): github_provenance_demo', () => {
  const artifact = join(GH, 'github_provenance_demo-0.0.12-py3-none-any.whl');
  it('needs GitHub trust material and fails clearly (and fast) offline', async () => {
    const start = Date.now();
    const r = await run(
      artifact,
      join(GH, 'github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl'),
      { repo: 'actions/attest-demo' },
    );
    expect(r.failure?.reason).toBe('TRUST_ROOT_UNAVAILABLE');
    expect(r.failure?.message).toMatch(/--trusted-root/);
    expect(Date.now() - start).toBeLessThan(10_000);
  });

  it('with only the public-good root given, the GitHub timestamp authority is untrusted', async () => {
    const onlyPublic = await loadTrustedRoot({ trustedRootPath: join(GH, 'trusted_root.json') });
    const r = await run(
      artifact,
      join(GH, 'github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl'),
      { repo: 'actions/attest-demo' },
      onlyPublic,
    );
    // Timestamps are checked first: GitHub's TSA is not in the public-good root.
    expect(r.failure?.reason).toBe('TIMESTAMP_ERROR');
  });

  it('bundles missing their certificate or verification material are invalid', async () => {
    for (const f of ['missing-cert', 'missing-verification-material']) {
      const r = await run(
        artifact,
        join(GH, `github_provenance_demo-0.0.12-py3-none-any-bundle-${f}.jsonl`),
        { repo: 'actions/attest-demo' },
      );
      expect(r.verified).toBe(false);
      expect(['BUNDLE_INVALID', 'PUBLIC_KEY_ERROR']).toContain(r.failure?.reason);
    }
  });
});

describe('--trusted-root replaces the shipped roots', () => {
  it('verifies with gh’s trusted_root.json given as JSON lines', async () => {
    const jsonl = join(tmp, 'roots.jsonl');
    const root = JSON.parse(await readFile(join(GH, 'trusted_root.json'), 'utf8'));
    await writeFile(jsonl, `${JSON.stringify(root)}\n`);
    const t = await loadTrustedRoot({ trustedRootPath: jsonl });
    expect(t.loadGitHub).toBeUndefined();
    expect(
      (
        await run(
          RULES_LINT,
          `${RULES_LINT}.intoto.jsonl`,
          { repo: 'aspect-build/rules_lint', signerRepo: 'bazel-contrib/.github' },
          t,
        )
      ).verified,
    ).toBe(true);
  });
});
