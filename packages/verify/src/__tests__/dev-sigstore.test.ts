import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuildType, buildStatement, digestBytes, PredicateType } from '@build-artifact/core';
import {
  type DevSigstore,
  defaultClaims,
  type GitHubClaims,
  startDevSigstore,
} from '@build-artifact/dev-sigstore';
import { signStatement } from '@build-artifact/sign';
import { bundleToJSON } from '@sigstore/bundle';
import { FulcioSigner, MessageSignatureBundleBuilder, RekorWitness } from '@sigstore/sign';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Evidence,
  loadTrustedRoot,
  type Trust,
  type VerifyPolicy,
  verifyArtifact,
} from '../index.js';

// End to end over the local Sigstore (real Fulcio/Rekor/TSA handlers from @sigstore/mock behind
// node:http, a GitHub-shaped OIDC issuer): sign with our sign package, verify with ours.
let dev: DevSigstore;
let tmp: string;
let trust: Trust;
let artifact: string;
const content = Buffer.from('\0asm\x01\0\0\0 a tiny module for the test');
const sha256 = digestBytes(content);

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'verify-dev-'));
  // GitHub's issuer in the tokens, as on a real runner.
  dev = await startDevSigstore({ issuer: 'https://token.actions.githubusercontent.com' });
  await dev.writeTrustedRoot(join(tmp, 'trusted_root.json'));
  trust = await loadTrustedRoot({ trustedRootPath: join(tmp, 'trusted_root.json') });
  artifact = join(tmp, 'nats.wasm');
  await writeFile(artifact, content);
}, 60_000);
afterAll(async () => {
  await dev?.close();
  await rm(tmp, { recursive: true, force: true });
});

type Claims = Omit<GitHubClaims, 'iss' | 'aud'>;

/** GitHub's provenance predicate, as actions/attest derives it from the token's claims. */
function githubPredicate(c: Claims, overrides: { builderId?: string; commit?: string } = {}) {
  return {
    buildDefinition: {
      buildType: BuildType.GITHUB_WORKFLOW_V1 as string,
      externalParameters: {
        workflow: {
          ref: c.ref,
          repository: `https://github.com/${c.repository}`,
          path: '.github/workflows/release.yml',
        },
      },
      internalParameters: {
        github: { event_name: c.event_name, runner_environment: c.runner_environment },
      },
      resolvedDependencies: [
        {
          uri: `git+https://github.com/${c.repository}@${c.ref}`,
          digest: { gitCommit: overrides.commit ?? c.sha },
        },
      ],
    },
    runDetails: {
      builder: { id: overrides.builderId ?? `https://github.com/${c.job_workflow_ref}` },
      metadata: {
        invocationId: `https://github.com/${c.repository}/actions/runs/${c.run_id}/attempts/${c.run_attempt}`,
      },
    },
  };
}

async function signed(
  claims: Partial<Claims> = {},
  overrides: {
    builderId?: string;
    commit?: string;
    predicateType?: string;
    predicate?: unknown;
  } = {},
): Promise<Evidence> {
  const c = { ...defaultClaims(), ...claims } as Claims;
  const statement = buildStatement(
    [{ name: 'nats.wasm', digest: { sha256 } }],
    overrides.predicateType ?? PredicateType.SLSA_PROVENANCE_V1,
    overrides.predicate ?? githubPredicate(c, overrides),
  );
  const bundle = await signStatement(statement, {
    fulcioURL: dev.fulcioURL,
    rekorURL: dev.rekorURL,
    tsaURL: dev.tsaURL,
    identityToken: await dev.mintToken('sigstore', claims),
  });
  return { source: 'dev-bundle', json: bundle };
}

const verify = (evidence: Evidence[], policy: VerifyPolicy, t = trust) =>
  verifyArtifact({ path: artifact, evidence }, policy, t);

// defaultClaims: the caller is example/nats-wasm's release.yml; the signing job runs in the
// reusable workflow build-artifact/build-artifact/.github/workflows/build-artifact.yml.
const L3_POLICY: VerifyPolicy = {
  repo: 'example/nats-wasm',
  signerRepo: 'build-artifact/build-artifact',
  minSlsaLevel: 3,
};

describe('sign -> verify over the local Sigstore', () => {
  it('verifies a reusable-workflow build as SLSA Build L3, with every cross-check matching', async () => {
    const r = await verify([await signed()], L3_POLICY);
    expect(r.failure).toBeUndefined();
    expect(r.verified).toBe(true);
    expect(r.slsa?.level).toBe(3);
    expect(r.trustedRoot).toContain('trusted_root.json');
    expect(r.crossChecks.map((c) => c.status)).toEqual(['match', 'match', 'match', 'match']);
    expect(r.timestamps.map((t) => t.kind).sort()).toEqual([
      'timestamp-authority',
      'transparency-log',
    ]);
    expect(r.certificate?.buildSignerURI).toBe(
      `https://github.com/${defaultClaims().job_workflow_ref}`,
    );
  });

  it('pins the signer workflow by tag and by commit SHA', async () => {
    const wf = 'build-artifact/build-artifact/.github/workflows/build-artifact.yml';
    const sha = 'f0e1d2c3b4a5968778695a4b3c2d1e0f12345678';
    const byTag = await signed();
    const bySha = await signed({ job_workflow_ref: `${wf}@${sha}` });
    for (const [evidence, pin] of [
      [byTag, `${wf}@refs/tags/v1.0.0`],
      [bySha, `${wf}@${sha}`],
    ] as const) {
      expect(
        (await verify([evidence], { repo: 'example/nats-wasm', signerWorkflow: wf })).verified,
      ).toBe(true);
      expect(
        (await verify([evidence], { repo: 'example/nats-wasm', signerWorkflow: pin })).verified,
      ).toBe(true);
    }
    expect(
      (
        await verify([bySha], {
          repo: 'example/nats-wasm',
          signerWorkflow: `${wf}@refs/tags/v1.0.0`,
        })
      ).failure?.reason,
    ).toBe('SIGNER_WORKFLOW_MISMATCH');
  });

  it('--repo alone refuses the reusable workflow of another repository (fork-safe default)', async () => {
    const r = await verify([await signed()], { repo: 'example/nats-wasm' });
    expect(r.failure?.reason).toBe('SIGNER_REPOSITORY_MISMATCH');
  });

  it('a fork cannot pass for the upstream repository', async () => {
    const fork = await signed({
      repository: 'mallory/nats-wasm',
      repository_owner: 'mallory',
      workflow_ref: 'mallory/nats-wasm/.github/workflows/release.yml@refs/heads/main',
      job_workflow_ref: 'mallory/nats-wasm/.github/workflows/release.yml@refs/heads/main',
    });
    expect((await verify([fork], { repo: 'example/nats-wasm' })).failure?.reason).toBe(
      'REPOSITORY_MISMATCH',
    );
    expect((await verify([fork], { owner: 'example' })).failure?.reason).toBe('OWNER_MISMATCH');
  });

  it('the caller signing in its own workflow is L2, and fails a minimum of L3', async () => {
    const own = 'example/nats-wasm/.github/workflows/release.yml@refs/heads/main';
    const evidence = await signed({ job_workflow_ref: own });
    const r = await verify([evidence], { repo: 'example/nats-wasm' });
    expect(r.verified).toBe(true);
    expect(r.slsa?.level).toBe(2);
    expect(
      (await verify([evidence], { repo: 'example/nats-wasm', minSlsaLevel: 3 })).failure?.reason,
    ).toBe('SLSA_LEVEL_TOO_LOW');
  });

  it('a reusable workflow inside the source repository is L2', async () => {
    const evidence = await signed({
      job_workflow_ref: 'example/nats-wasm/.github/workflows/build.yml@refs/heads/main',
    });
    const r = await verify([evidence], { repo: 'example/nats-wasm' });
    expect(r.slsa?.level).toBe(2);
    expect(r.slsa?.reason).toMatch(/lives in the source repository/);
  });

  it('a self-hosted runner is L1 and fails --deny-self-hosted-runners', async () => {
    const evidence = await signed({ runner_environment: 'self-hosted' });
    const r = await verify([evidence], {
      repo: 'example/nats-wasm',
      signerRepo: 'build-artifact/build-artifact',
    });
    expect(r.slsa?.level).toBe(1);
    const denied = await verify([evidence], {
      repo: 'example/nats-wasm',
      signerRepo: 'build-artifact/build-artifact',
      denySelfHostedRunners: true,
    });
    expect(denied.failure?.reason).toBe('SELF_HOSTED_RUNNER');
  });

  it('a forged builder claim fails whenever provenance is asked about, and is reported with cosign flags', async () => {
    // Signed by the caller's own workflow, but claiming the isolated reusable builder.
    const own = 'example/nats-wasm/.github/workflows/release.yml@refs/heads/main';
    const forged = await signed(
      { job_workflow_ref: own },
      {
        builderId:
          'https://github.com/build-artifact/build-artifact/.github/workflows/build-artifact.yml@refs/tags/v1.0.0',
      },
    );
    expect((await verify([forged], { repo: 'example/nats-wasm' })).failure?.reason).toBe(
      'BUILDER_MISMATCH',
    );
    expect(
      (
        await verify([forged], {
          certificateIdentity: `https://github.com/${own}`,
          minSlsaLevel: 1,
        })
      ).failure?.reason,
    ).toBe('BUILDER_MISMATCH');
    const cosign = await verify([forged], { certificateIdentity: `https://github.com/${own}` });
    expect(cosign.verified).toBe(true);
    expect(cosign.crossChecksEnforced).toBe(false);
    expect(cosign.crossChecks.find((c) => c.name === 'builder.id')?.status).toBe('mismatch');
    expect(cosign.warnings.join(' ')).toMatch(/builder\.id/);
  });

  it('a forged source commit fails', async () => {
    const forged = await signed({}, { commit: '0123456789012345678901234567890123456789' });
    expect((await verify([forged], L3_POLICY)).failure?.reason).toBe('SOURCE_COMMIT_MISMATCH');
  });

  it('our local buildType is cross-checked like GitHub’s', async () => {
    const c = defaultClaims();
    const p = githubPredicate(c, { builderId: 'https://example.invalid/builder' });
    p.buildDefinition.buildType = BuildType.LOCAL_V1;
    const forged = await signed({}, { predicate: p });
    expect((await verify([forged], L3_POLICY)).failure?.reason).toBe('BUILDER_MISMATCH');
  });

  it('a tampered artifact fails on the subject', async () => {
    const other = join(tmp, 'other.wasm');
    await writeFile(other, Buffer.concat([content, Buffer.from('!')]));
    const r = await verifyArtifact({ path: other, evidence: [await signed()] }, L3_POLICY, trust);
    expect(r.failure?.reason).toBe('SUBJECT_MISMATCH');
  });

  it('the shipped public-good root does not trust the local instance', async () => {
    const shipped = await loadTrustedRoot({
      cacheDir: join(tmp, 'cache'),
      githubTufURL: 'http://127.0.0.1:9',
    });
    const r = await verify([await signed()], L3_POLICY, shipped);
    expect(r.verified).toBe(false);
    expect(['CERTIFICATE_ERROR', 'TIMESTAMP_ERROR']).toContain(r.failure?.reason);
  });

  it('--require-sbom: passes with a signed CycloneDX attestation for the subject', async () => {
    const bom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
      version: 1,
      components: [],
    };
    const sbom = await signed({}, { predicateType: PredicateType.CYCLONEDX_BOM, predicate: bom });
    const prov = await signed();
    expect((await verify([prov], { ...L3_POLICY, requireSbom: true })).failure?.reason).toBe(
      'SBOM_MISSING',
    );
    const r = await verify([sbom, prov], { ...L3_POLICY, requireSbom: true });
    expect(r.failure).toBeUndefined();
    expect(r.sbom?.verified).toBe(true);
    // The SBOM attestation alone is not provenance.
    expect((await verify([sbom], L3_POLICY)).failure?.reason).toBe('PREDICATE_TYPE_MISMATCH');
  });

  it('keyed bundles verify with --key only', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const statement = buildStatement(
      [{ name: 'nats.wasm', digest: { sha256 } }],
      PredicateType.SLSA_PROVENANCE_V1,
      githubPredicate(defaultClaims()),
    );
    const bundle = await signStatement(statement, {
      privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    });
    const evidence = [{ source: 'keyed', json: bundle }];
    const keyed = await loadTrustedRoot({
      trustedRootPath: join(tmp, 'trusted_root.json'),
      publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    });
    const r = await verify(evidence, {}, keyed);
    expect(r.failure).toBeUndefined();
    expect(r.slsa?.level).toBe(1);
    expect(r.bundle?.signedWith).toBe('key');
    // Without --key, a keyed bundle cannot verify (a policy with no signer at all is refused up
    // front: see verify.test.ts).
    expect((await verify(evidence, { repo: 'example/nats-wasm' })).failure?.reason).toBe(
      'PUBLIC_KEY_ERROR',
    );
    expect((await verify(evidence, { repo: 'example/nats-wasm' }, keyed)).failure?.reason).toBe(
      'NO_CERTIFICATE_IDENTITY',
    );
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .publicKey.export({ format: 'pem', type: 'spki' })
      .toString();
    const wrong = await loadTrustedRoot({
      trustedRootPath: join(tmp, 'trusted_root.json'),
      publicKeyPem: other,
    });
    expect((await verify(evidence, {}, wrong)).failure?.reason).toBe('SIGNATURE_ERROR');
  });

  it('message-signature bundles (cosign sign-blob) verify against the file digest', async () => {
    const token = await dev.mintToken('sigstore');
    const builder = new MessageSignatureBundleBuilder({
      signer: new FulcioSigner({
        fulcioBaseURL: dev.fulcioURL,
        identityProvider: { getToken: async () => token },
      }),
      witnesses: [new RekorWitness({ rekorBaseURL: dev.rekorURL })],
    });
    const bundle = bundleToJSON(await builder.create({ data: content }));
    const evidence = [{ source: 'blob', json: bundle }];
    const signer = `https://github.com/${defaultClaims().job_workflow_ref}`;
    const r = await verify(evidence, {
      certificateIdentity: signer,
      certificateOidcIssuer: dev.oidc.issuer,
    });
    expect(r.failure).toBeUndefined();
    expect(r.bundle?.content).toBe('messageSignature');
    expect(r.slsa?.level).toBe(0);
    const other = join(tmp, 'blob-other');
    await writeFile(other, 'not the blob');
    // The signature is over the file's bytes: another file fails the signature itself.
    expect(
      (await verifyArtifact({ path: other, evidence }, { certificateIdentity: signer }, trust))
        .failure?.reason,
    ).toBe('SIGNATURE_ERROR');
    expect(
      (
        await verify(evidence, {
          certificateIdentity: signer,
          predicateType: PredicateType.SLSA_PROVENANCE_V1,
        })
      ).failure?.reason,
    ).toBe('PREDICATE_TYPE_MISMATCH');
  });

  // Found with sigstore-conformance's Rekor v2 bundles: an entry proven only by a checkpoint (no
  // SET) was accepted from a log key whose validFor had ended before the signature's timestamp.
  it('a checkpoint-only tlog entry needs its log key trusted at the signing time', async () => {
    const evidence = await signed();
    const bundle = structuredClone(evidence.json) as {
      verificationMaterial: { tlogEntries: { inclusionPromise?: unknown }[] };
    };
    for (const e of bundle.verificationMaterial.tlogEntries) delete e.inclusionPromise;
    const proofOnly = [{ source: 'proof-only', json: bundle }];
    const signedAt = new Date();
    const rootWithLogEnd = async (end: Date, name: string) => {
      const root = structuredClone(dev.trustedRoot) as {
        tlogs: { publicKey: { validFor: { start: string; end?: string } } }[];
      };
      for (const t of root.tlogs) t.publicKey.validFor.end = end.toISOString();
      await writeFile(join(tmp, name), JSON.stringify(root));
      return loadTrustedRoot({ trustedRootPath: join(tmp, name) });
    };
    // Still trusted a day later: verifies (the TSA timestamp is the time).
    const later = await rootWithLogEnd(new Date(signedAt.getTime() + 86_400_000), 'log-later.json');
    expect((await verify(proofOnly, L3_POLICY, later)).failure).toBeUndefined();
    // Retired an hour before the signature was timestamped: fails closed.
    const retired = await rootWithLogEnd(new Date(signedAt.getTime() - 3_600_000), 'log-old.json');
    const r = await verify(proofOnly, L3_POLICY, retired);
    expect(r.verified).toBe(false);
    expect(r.failure?.reason).toBe('TLOG_INCLUSION_PROOF_ERROR');
    expect(r.failure?.message).toMatch(/log's key was not trusted at/);
  });

  // sigstore-conformance's verify-bundle protocol names the artifact as `sha256:<hex>`: the
  // message signature is then checked over that digest, never taken on the bundle's word.
  it('message-signature bundles verify against a given digest, with the signature checked', async () => {
    const token = await dev.mintToken('sigstore');
    const builder = new MessageSignatureBundleBuilder({
      signer: new FulcioSigner({
        fulcioBaseURL: dev.fulcioURL,
        identityProvider: { getToken: async () => token },
      }),
      witnesses: [new RekorWitness({ rekorBaseURL: dev.rekorURL })],
    });
    const bundle = bundleToJSON(await builder.create({ data: content })) as {
      messageSignature: { signature: string; messageDigest: { digest: string } };
    };
    const policy = {
      certificateIdentity: `https://github.com/${defaultClaims().job_workflow_ref}`,
    };
    const byDigest = (json: unknown, hex = sha256) =>
      verifyArtifact(
        { digest: { sha256: hex }, evidence: [{ source: 'blob', json }] },
        policy,
        trust,
      );
    const ok = await byDigest(bundle);
    expect(ok.failure).toBeUndefined();
    expect(ok.verified).toBe(true);
    expect(ok.digest.sha256).toBe(sha256);
    // Another digest: not what was signed.
    const other = digestBytes(Buffer.from('not the blob'));
    expect((await byDigest(bundle, other)).verified).toBe(false);
    // A signature that does not verify over the digest, with the message digest left as is.
    const forged = structuredClone(bundle);
    const sig = Buffer.from(forged.messageSignature.signature, 'base64');
    sig[sig.length - 3]! ^= 0x01;
    forged.messageSignature.signature = sig.toString('base64');
    const bad = await byDigest(forged);
    expect(bad.verified).toBe(false);
    // The tlog entry records the signature too: that check trips first.
    expect(bad.failure?.reason).toBe('TLOG_BODY_ERROR');
    // The bundle's message digest changed to the given digest of other content: the tlog entry
    // and the signature are still over the real content, so it must not verify.
    const swapped = structuredClone(bundle);
    swapped.messageSignature.messageDigest.digest = Buffer.from(other, 'hex').toString('base64');
    expect((await byDigest(swapped, other)).verified).toBe(false);
  });

  it('a keyed message signature given by digest is checked over that digest', async () => {
    // No tlog entry: the signature over the digest is the only thing that can fail.
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const keyed = await loadTrustedRoot({
      trustedRootPath: join(tmp, 'trusted_root.json'),
      publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    });
    const bundleFor = (signature: Buffer) => ({
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: { publicKey: { hint: '' }, tlogEntries: [] },
      messageSignature: {
        messageDigest: {
          algorithm: 'SHA2_256',
          digest: Buffer.from(sha256, 'hex').toString('base64'),
        },
        signature: signature.toString('base64'),
      },
    });
    const run = (json: unknown) =>
      verifyArtifact({ digest: { sha256 }, evidence: [{ source: 'keyed', json }] }, {}, keyed);
    const good = await run(bundleFor(sign('sha256', content, privateKey)));
    expect(good.failure).toBeUndefined();
    expect(good.verified).toBe(true);
    const otherSig = sign('sha256', Buffer.from('something else'), privateKey);
    const bad = await run(bundleFor(otherSig));
    expect(bad.verified).toBe(false);
    expect(bad.failure?.reason).toBe('SIGNATURE_ERROR');
  });
});
