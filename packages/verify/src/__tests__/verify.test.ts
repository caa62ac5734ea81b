import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BuildType,
  buildStatement,
  digestBytes,
  PredicateType,
  STATEMENT_TYPE_V1,
} from '@build-artifact/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFifo, releaseFifos } from '../../../../test/helpers/hostile-files.js';
import {
  type Evidence,
  loadTrustedRoot,
  readEvidence,
  type Trust,
  VerifyError,
  type VerifyPolicy,
  validatePolicy,
  verifyArtifact,
} from '../index.js';
import { githubIdentity, keyedPayloadBundle, type LocalCA, startLocalCA } from './local-ca.js';
import { BCR } from './testdata.js';

// verifyArtifact fails closed (issue 14, points 1-7): each case here was a false accept.
let ca: LocalCA;
let tmp: string;
let trust: Trust;
let artifact: string;
const content = Buffer.from('\0asm\x01\0\0\0 fails closed');
const sha256 = digestBytes(content);
const ME = githubIdentity({ repo: 'example/app' });
const COSIGN: VerifyPolicy = {
  certificateIdentity: ME.san,
  certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
};
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'verify-closed-'));
  ca = await startLocalCA(tmp);
  trust = await ca.trust();
  artifact = join(tmp, 'app.wasm');
  await writeFile(artifact, content);
}, 60_000);
afterAll(async () => {
  releaseFifos();
  await ca?.close();
  await rm(tmp, { recursive: true, force: true });
});

function provenance(buildType: string = BuildType.GITHUB_WORKFLOW_V1, id = ME) {
  return {
    buildDefinition: {
      buildType,
      externalParameters: {
        workflow: {
          ref: id.sourceRepositoryRef,
          repository: id.sourceRepositoryURI,
          path: '.github/workflows/release.yml',
        },
      },
      resolvedDependencies: [
        {
          uri: `git+${id.sourceRepositoryURI}@${id.sourceRepositoryRef}`,
          digest: { gitCommit: id.sourceRepositoryDigest },
        },
      ],
    },
    runDetails: { builder: { id: id.buildSignerURI } },
  };
}

const statementJSON = (predicateType: string, predicate: unknown, digest = sha256) =>
  JSON.stringify(
    buildStatement([{ name: 'app.wasm', digest: { sha256: digest } }], predicateType, predicate),
  );

const run = (evidence: Evidence[], policy: VerifyPolicy, t = trust) =>
  verifyArtifact({ path: artifact, evidence }, policy, t);
const ev = (json: unknown, source = 'bundle'): Evidence => ({ source, json });

describe('1. --key means "signed by this key"', () => {
  it('refuses slsa-verifier’s wrong-signer bundle (a certificate bundle) given only a key', async () => {
    const shipped = await loadTrustedRoot({
      cacheDir: join(tmp, 'cache'),
      githubTufURL: 'http://127.0.0.1:9',
      publicKeyPem,
    });
    const wrong = join(BCR, 'MODULE-wrong-signer.bazel');
    const r = await verifyArtifact(
      { path: wrong, evidence: await readEvidence(`${wrong}.intoto.jsonl`) },
      {},
      shipped,
    );
    expect(r.verified).toBe(false);
    expect(r.failure?.reason).toBe('IDENTITY_MISMATCH');
    expect(r.failure?.message).toMatch(/--key/);
  });

  it('a certificate bundle passes beside a key only with identity flags, and meets them', async () => {
    const keyed = await ca.trust({ publicKeyPem });
    const bundle = await ca.signPayload(
      statementJSON(PredicateType.SLSA_PROVENANCE_V1, provenance()),
      ME,
    );
    expect((await run([ev(bundle)], {}, keyed)).verified).toBe(false);
    expect((await run([ev(bundle)], COSIGN, keyed)).failure).toBeUndefined();
    expect((await run([ev(bundle)], { repo: 'example/app' }, keyed)).verified).toBe(true);
    expect((await run([ev(bundle)], { repo: 'example/other' }, keyed)).failure?.reason).toBe(
      'REPOSITORY_MISMATCH',
    );
  });

  it('a key-signed bundle meets no flag that only a certificate can (NO_CERTIFICATE_IDENTITY)', async () => {
    const keyed = await ca.trust({ publicKeyPem });
    const bundle = keyedPayloadBundle(
      statementJSON(PredicateType.SLSA_PROVENANCE_V1, provenance()),
      privateKey,
    );
    const ok = await run([ev(bundle)], {}, keyed);
    expect(ok.failure).toBeUndefined();
    expect((await run([ev(bundle)], { minSlsaLevel: 1 }, keyed)).verified).toBe(true);
    for (const policy of [
      { signerDigest: ME.buildSignerDigest },
      { sourceRef: ME.sourceRepositoryRef },
      { sourceDigest: ME.sourceRepositoryDigest },
      { denySelfHostedRunners: true },
      { repo: 'example/app' },
      { certificateOidcIssuer: 'https://token.actions.githubusercontent.com' },
      COSIGN,
    ] as VerifyPolicy[]) {
      const r = await run([ev(bundle)], policy, keyed);
      expect(r.verified, JSON.stringify(policy)).toBe(false);
      expect(r.failure?.reason).toBe('NO_CERTIFICATE_IDENTITY');
      expect(r.failure?.stage).toBe('identity');
    }
    const r = await run([ev(bundle)], { sourceRef: 'refs/heads/main' }, keyed);
    expect(r.failure?.message).toMatch(/no certificate to check --source-ref against/);
  });
});

describe('2. a policy must name who signed', () => {
  it('refuses to verify with no identity and no key, up front (INVALID_POLICY)', async () => {
    const bundle = await ca.signPayload(
      statementJSON(PredicateType.SLSA_PROVENANCE_V1, provenance()),
      ME,
    );
    for (const policy of [
      {},
      { minSlsaLevel: 1 },
      { minSlsaLevel: 3 },
      { requireSbom: true },
    ] as VerifyPolicy[]) {
      const error = await run([ev(bundle)], policy).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(VerifyError);
      expect((error as VerifyError).code).toBe('INVALID_POLICY');
      expect((error as VerifyError).message).toMatch(
        /--repo.*--owner.*--certificate-identity.*--key/s,
      );
    }
  });
});

describe('3. --require-sbom needs a signed SBOM attestation', () => {
  const bom = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
    version: 1,
  };
  it('a plain message signature does not satisfy it', async () => {
    const blob = await ca.signMessage(content, ME);
    const r = await run([ev(blob)], { ...COSIGN, requireSbom: true });
    expect(r.verified).toBe(false);
    expect(r.failure?.reason).toBe('SBOM_MISSING');
    expect(r.sbom?.verified).toBe(false);
  });

  it('an SBOM attestation over another artifact does not satisfy it', async () => {
    const prov = await ca.signPayload(
      statementJSON(PredicateType.SLSA_PROVENANCE_V1, provenance()),
      ME,
    );
    const other = await ca.signPayload(
      statementJSON(PredicateType.CYCLONEDX_BOM, bom, digestBytes(Buffer.from('other'))),
      ME,
    );
    const r = await run([ev(prov), ev(other)], { repo: 'example/app', requireSbom: true });
    expect(r.failure?.reason).toBe('SBOM_MISSING');
  });

  it('a signed CycloneDX or SPDX attestation over the artifact does', async () => {
    const prov = await ca.signPayload(
      statementJSON(PredicateType.SLSA_PROVENANCE_V1, provenance()),
      ME,
    );
    const cdx = await ca.signPayload(statementJSON(PredicateType.CYCLONEDX_BOM, bom), ME);
    const spdx = await ca.signPayload(
      statementJSON(PredicateType.SPDX_DOCUMENT_V2_3, { spdxVersion: 'SPDX-2.3' }),
      ME,
    );
    // cosign attest --type spdxjson, and a versioned CycloneDX type, as other tools write them.
    const cosignSpdx = await ca.signPayload(
      statementJSON('https://spdx.dev/Document', { spdxVersion: 'SPDX-2.3' }),
      ME,
    );
    const cdx15 = await ca.signPayload(statementJSON('https://cyclonedx.org/bom/v1.5', bom), ME);
    for (const sbom of [cdx, spdx, cosignSpdx, cdx15]) {
      const r = await run([ev(prov), ev(sbom, 'sbom')], { repo: 'example/app', requireSbom: true });
      expect(r.failure).toBeUndefined();
      expect(r.sbom).toEqual({ source: 'sbom', verified: true });
    }
  });

  it('another predicate type does not satisfy it', async () => {
    const prov = await ca.signPayload(
      statementJSON(PredicateType.SLSA_PROVENANCE_V1, provenance()),
      ME,
    );
    const vuln = await ca.signPayload(
      statementJSON('https://cosign.sigstore.dev/attestation/vuln/v1', { scanner: {} }),
      ME,
    );
    const r = await run([ev(prov), ev(vuln, 'vuln')], { repo: 'example/app', requireSbom: true });
    expect(r.failure?.reason).toBe('SBOM_MISSING');
  });
});

describe('4. a plain message signature is no provenance', () => {
  it('passes cosign-style identity flags only', async () => {
    const blob = await ca.signMessage(content, ME);
    expect((await run([ev(blob)], COSIGN)).failure).toBeUndefined();
    for (const policy of [
      { repo: 'example/app' },
      { owner: 'example' },
      { ...COSIGN, signerDigest: ME.buildSignerDigest },
      { ...COSIGN, sourceRef: 'refs/heads/main' },
      { ...COSIGN, sourceDigest: ME.sourceRepositoryDigest },
      { ...COSIGN, minSlsaLevel: 1 },
      { ...COSIGN, denySelfHostedRunners: true },
    ] as VerifyPolicy[]) {
      const r = await run([ev(blob)], policy);
      expect(r.verified, JSON.stringify(policy)).toBe(false);
      expect(r.failure?.reason).toBe('PREDICATE_TYPE_MISMATCH');
    }
  });
});

describe('5. the signed statement is read one way only', () => {
  const good = JSON.parse(statementJSON(PredicateType.SLSA_PROVENANCE_V1, provenance()));
  const evil = [{ name: 'evil', digest: { sha256: digestBytes(Buffer.from('evil')) } }];
  const cases: [string, string][] = [
    [
      'subject twice',
      `{"_type":"${STATEMENT_TYPE_V1}","subject":${JSON.stringify(evil)},"subject":${JSON.stringify(good.subject)},"predicateType":"${good.predicateType}","predicate":${JSON.stringify(good.predicate)}}`,
    ],
    [
      'subject twice, one spelled with an escape',
      `{"_type":"${STATEMENT_TYPE_V1}","sub\\u006aect":${JSON.stringify(evil)},"subject":${JSON.stringify(good.subject)},"predicateType":"${good.predicateType}","predicate":{}}`,
    ],
    ['Subject beside subject', JSON.stringify({ ...good, Subject: evil })],
    ['predicate_type beside predicateType', JSON.stringify({ ...good, predicate_type: 'x' })],
    [
      'a subject’s Digest beside digest',
      JSON.stringify({ ...good, subject: [{ ...good.subject[0], Digest: evil[0]!.digest }] }),
    ],
    [
      'a digest twice',
      JSON.stringify(good).replace('"digest":{', `"digest":{"sha256":"${evil[0]!.digest.sha256}",`),
    ],
  ];
  for (const [name, payload] of cases) {
    it(`refuses ${name}`, async () => {
      expect(JSON.parse(payload).subject).toBeDefined();
      const bundle = await ca.signPayload(payload, ME);
      const r = await run([ev(bundle)], { repo: 'example/app' });
      expect(r.verified).toBe(false);
      expect(r.failure?.reason).toBe('STATEMENT_INVALID');
    });
  }
});

describe('6. an unknown buildType is unchecked claims', () => {
  it('says so, and is not above SLSA Build L1', async () => {
    const reusable = githubIdentity({
      repo: 'example/app',
      signer: 'builders/isolated/.github/workflows/build.yml@refs/tags/v1',
    });
    const bundle = await ca.signPayload(
      statementJSON(
        PredicateType.SLSA_PROVENANCE_V1,
        provenance('https://example.invalid/buildtypes/unknown/v1', reusable),
      ),
      reusable,
    );
    const policy = { repo: 'example/app', signerRepo: 'builders/isolated' };
    const r = await run([ev(bundle)], policy);
    expect(r.failure).toBeUndefined();
    expect(r.uncheckedClaims).toEqual(expect.arrayContaining(['builder.id', 'sourceCommit']));
    expect(r.slsa?.level).toBe(1);
    expect(r.warnings.join('\n')).toMatch(/unchecked claims/);
    expect((await run([ev(bundle)], { ...policy, minSlsaLevel: 2 })).failure?.reason).toBe(
      'SLSA_LEVEL_TOO_LOW',
    );
    // The same signer with GitHub's buildType: the claims are checked, and it is L3.
    const known = await ca.signPayload(
      statementJSON(
        PredicateType.SLSA_PROVENANCE_V1,
        provenance(BuildType.GITHUB_WORKFLOW_V1, reusable),
      ),
      reusable,
    );
    const k = await run([ev(known)], { ...policy, minSlsaLevel: 3 });
    expect(k.failure).toBeUndefined();
    expect(k.uncheckedClaims).toEqual([]);
  });
});

describe('cross-checks of the predicate against the certificate', () => {
  const signed = (predicate: unknown) =>
    ca.signPayload(statementJSON(PredicateType.SLSA_PROVENANCE_V1, predicate), ME);

  it('a source repository or ref the certificate does not state fails', async () => {
    const repo = provenance();
    repo.buildDefinition.externalParameters.workflow.repository = 'https://github.com/example/fork';
    const ref = provenance();
    ref.buildDefinition.externalParameters.workflow.ref = 'refs/heads/release';
    for (const [predicate, reason] of [
      [repo, 'SOURCE_REPOSITORY_CLAIM_MISMATCH'],
      [ref, 'SOURCE_REF_CLAIM_MISMATCH'],
    ] as const) {
      const bundle = await signed(predicate);
      const r = await run([ev(bundle)], { repo: 'example/app' });
      expect(r.verified).toBe(false);
      expect(r.failure?.reason).toBe(reason);
      expect(r.failure?.stage).toBe('cross-check');
      // With cosign's flags only: reported, not enforced.
      const cosign = await run([ev(bundle)], COSIGN);
      expect(cosign.verified).toBe(true);
      expect(cosign.crossChecks.some((c) => c.status === 'mismatch')).toBe(true);
    }
  });

  it('the older GitHub buildType: its builder (the runner) is not checked, its source is', async () => {
    const legacy = provenance(BuildType.GITHUB_WORKFLOW_LEGACY_V1);
    legacy.runDetails.builder.id = 'https://github.com/actions/runner/github-hosted';
    const r = await run([ev(await signed(legacy))], { repo: 'example/app' });
    expect(r.failure).toBeUndefined();
    expect(r.crossChecks.find((c) => c.name === 'builder.id')?.status).toBe('not-checked');
    expect(r.crossChecks.find((c) => c.name === 'sourceCommit')?.status).toBe('match');
    legacy.buildDefinition.externalParameters.workflow.ref = 'refs/heads/release';
    expect((await run([ev(await signed(legacy))], { repo: 'example/app' })).failure?.reason).toBe(
      'SOURCE_REF_CLAIM_MISMATCH',
    );
  });
});

describe('7. times', () => {
  it('a tlog integratedTime without a signed entry timestamp is not a signing time', async () => {
    const bundle = (await ca.signPayload(
      statementJSON(PredicateType.SLSA_PROVENANCE_V1, provenance()),
      ME,
    )) as { verificationMaterial: { tlogEntries: { inclusionPromise?: unknown }[] } };
    for (const e of bundle.verificationMaterial.tlogEntries) delete e.inclusionPromise;
    const r = await run([ev(bundle)], { repo: 'example/app' });
    expect(r.failure).toBeUndefined();
    expect(r.timestamps.map((t) => t.kind)).toEqual(['timestamp-authority']);
    expect(r.tlogEntries[0]?.integratedTime).toBeUndefined();
  });

  it('certificates, log entries and timestamps dated in the future fail; within 5 minutes pass', async () => {
    const at = async (offsetMs: number) => {
      const when = Date.now() + offsetMs;
      ca.clock.setTime(when);
      ca.dev.clock.setTime(Math.floor(when / 1000) * 1000);
      try {
        return await ca.signPayload(
          statementJSON(PredicateType.SLSA_PROVENANCE_V1, provenance()),
          ME,
        );
      } finally {
        ca.clock.setTime(Date.now());
        ca.dev.clock.setTime(Math.floor(Date.now() / 1000) * 1000);
      }
    };
    const later = await at(60 * 60_000);
    const r = await run([ev(later)], { repo: 'example/app' });
    expect(r.verified).toBe(false);
    expect(r.failure?.reason).toBe('CERTIFICATE_ERROR');
    expect(r.failure?.message).toMatch(/in the future/);
    expect(
      (await run([ev(await at(2 * 60_000))], { repo: 'example/app' })).failure,
    ).toBeUndefined();
  });

  it('a keyed bundle with a log entry or a timestamp from the future fails', async () => {
    const keyed = await ca.trust({ publicKeyPem });
    const when = Date.now() + 60 * 60_000;
    ca.dev.clock.setTime(Math.floor(when / 1000) * 1000);
    try {
      const { DSSEBundleBuilder, RekorWitness, TSAWitness } = await import('@sigstore/sign');
      const { bundleToJSON } = await import('@sigstore/bundle');
      const { sign } = await import('node:crypto');
      for (const [witness, reason] of [
        [new RekorWitness({ rekorBaseURL: ca.dev.rekorURL, entryType: 'intoto' }), 'TLOG_ERROR'],
        [new TSAWitness({ tsaBaseURL: ca.dev.tsaURL }), 'TIMESTAMP_ERROR'],
      ] as const) {
        const builder = new DSSEBundleBuilder({
          signer: {
            sign: async (data) => ({
              signature: sign('sha256', data, privateKey),
              key: { $case: 'publicKey', publicKey: publicKeyPem },
            }),
          },
          witnesses: [witness],
        });
        const bundle = bundleToJSON(
          await builder.create({
            data: Buffer.from(statementJSON(PredicateType.SLSA_PROVENANCE_V1, provenance())),
            type: 'application/vnd.in-toto+json',
          }),
        );
        const r = await run([ev(bundle)], {}, keyed);
        expect(r.verified).toBe(false);
        expect(r.failure?.reason).toBe(reason);
        expect(r.failure?.message).toMatch(/in the future/);
      }
    } finally {
      ca.dev.clock.setTime(Math.floor(Date.now() / 1000) * 1000);
    }
  });

  it('unknown bundle media types fail with a clear reason', async () => {
    const bundle = (await ca.signPayload(
      statementJSON(PredicateType.SLSA_PROVENANCE_V1, provenance()),
      ME,
    )) as { mediaType: string };
    expect((await run([ev(bundle)], { repo: 'example/app' })).failure).toBeUndefined();
    for (const mediaType of [
      'application/vnd.dev.sigstore.bundle.v0.4+json',
      'application/vnd.dev.sigstore.bundle.v0.3+json;foo=bar',
      'application/vnd.dev.sigstore.bundle+json;version=0.3;x=y',
      'application/vnd.dev.sigstore.bundle+json;version=0.9',
    ]) {
      const r = await run([ev({ ...bundle, mediaType })], { repo: 'example/app' });
      expect(r.verified, mediaType).toBe(false);
      expect(r.failure?.reason).toBe('BUNDLE_INVALID');
      expect(r.failure?.message).toMatch(/media type/);
    }
  });
});

describe('gh’s identity rules (issue 16)', () => {
  it('a *.ghe.com tenant’s identity verifies with its hostname and the tenant’s issuer', async () => {
    const tenant = githubIdentity({
      host: 'acme.ghe.com',
      issuer: 'https://token.actions.acme.ghe.com',
      repo: 'acme-org/app',
    });
    const bundle = await ca.signPayload(
      statementJSON(
        PredicateType.SLSA_PROVENANCE_V1,
        provenance(BuildType.GITHUB_WORKFLOW_V1, tenant),
      ),
      tenant,
    );
    const ok = await run([ev(bundle)], { repo: 'acme-org/app', hostname: 'acme.ghe.com' });
    expect(ok.failure).toBeUndefined();
    expect(
      (await run([ev(bundle)], { owner: 'acme-org', hostname: 'acme.ghe.com' })).verified,
    ).toBe(true);
    // Without the tenant: another host.
    expect((await run([ev(bundle)], { repo: 'acme-org/app' })).verified).toBe(false);
    // A github.com identity does not pass for the tenant, nor the tenant's for another tenant.
    const dotcom = await ca.signPayload(
      statementJSON(PredicateType.SLSA_PROVENANCE_V1, provenance()),
      ME,
    );
    expect(
      (await run([ev(dotcom)], { repo: 'example/app', hostname: 'acme.ghe.com' })).verified,
    ).toBe(false);
    expect(
      (await run([ev(bundle)], { repo: 'acme-org/app', hostname: 'other.ghe.com' })).verified,
    ).toBe(false);
    // The tenant's host with github.com's issuer is not the tenant.
    const mixed = { ...tenant, issuer: 'https://token.actions.githubusercontent.com' };
    const m = await ca.signPayload(
      statementJSON(
        PredicateType.SLSA_PROVENANCE_V1,
        provenance(BuildType.GITHUB_WORKFLOW_V1, mixed),
      ),
      mixed,
    );
    expect(
      (await run([ev(m)], { repo: 'acme-org/app', hostname: 'acme.ghe.com' })).failure?.reason,
    ).toBe('ISSUER_MISMATCH');
  });

  it('an enterprise custom issuer verifies only when named, and only in its own form', async () => {
    const enterprise = githubIdentity({
      issuer: 'https://token.actions.githubusercontent.com/acme-corp',
      repo: 'example/app',
    });
    const bundle = await ca.signPayload(
      statementJSON(
        PredicateType.SLSA_PROVENANCE_V1,
        provenance(BuildType.GITHUB_WORKFLOW_V1, enterprise),
      ),
      enterprise,
    );
    const dflt = await run([ev(bundle)], { repo: 'example/app' });
    expect(dflt.failure?.reason).toBe('ISSUER_MISMATCH');
    expect(dflt.failure?.message).toMatch(/--certificate-oidc-issuer/);
    const named = await run([ev(bundle)], {
      repo: 'example/app',
      certificateOidcIssuer: 'https://token.actions.githubusercontent.com/acme-corp',
    });
    expect(named.failure).toBeUndefined();
    expect(named.slsa?.level).toBe(2);
    for (const issuer of [
      'https://token.actions.githubusercontent.com/acme-corp/extra',
      'https://token.actions.githubusercontent.com.evil.example/acme-corp',
    ]) {
      const odd = { ...enterprise, issuer };
      const b = await ca.signPayload(
        statementJSON(
          PredicateType.SLSA_PROVENANCE_V1,
          provenance(BuildType.GITHUB_WORKFLOW_V1, odd),
        ),
        odd,
      );
      expect((await run([ev(b)], { repo: 'example/app' })).failure?.reason).toBe('ISSUER_MISMATCH');
      // Only the enterprise form gets the hint to name it.
      expect((await run([ev(b)], { repo: 'example/app' })).failure?.message).not.toMatch(
        /custom OIDC issuer/,
      );
    }
  });
});

describe('input it cannot read', () => {
  it('an artifact file that cannot be read throws (exit 2), it is no failed check', async () => {
    const dsse = await ca.signPayload(
      statementJSON(PredicateType.SLSA_PROVENANCE_V1, provenance()),
      ME,
    );
    const blob = await ca.signMessage(content, ME);
    for (const [path, code] of [
      [join(tmp, 'absent.wasm'), 'FILE_NOT_FOUND'],
      [tmp, 'NOT_REGULAR_FILE'],
      [makeFifo(join(tmp, 'artifact.fifo')), 'NOT_REGULAR_FILE'],
    ])
      for (const json of [dsse, blob])
        await expect(
          verifyArtifact({ path, evidence: [ev(json)] }, { repo: 'example/app' }, trust),
        ).rejects.toMatchObject({ code, message: expect.stringContaining(path) });
  });
});

describe('validatePolicy', () => {
  it('needs an identity unless a key is given; the level alone is none', () => {
    for (const policy of [
      {},
      { minSlsaLevel: 3 },
      { requireSbom: true },
      { certificateOidcIssuer: 'x' },
    ] as VerifyPolicy[])
      expect(() => validatePolicy(policy, { publicKey: false })).toThrow(/INVALID_POLICY|say who/);
    expect(() => validatePolicy({}, { publicKey: true })).not.toThrow();
    expect(() => validatePolicy({ minSlsaLevel: 1 }, { publicKey: true })).not.toThrow();
    for (const policy of [
      { repo: 'a/b' },
      { owner: 'a' },
      { certificateIdentity: 'x' },
    ] as VerifyPolicy[])
      expect(() => validatePolicy(policy, { publicKey: false })).not.toThrow();
  });
});
