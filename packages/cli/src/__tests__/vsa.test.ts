// attest verify with a policy file, writing signed verification summaries (SLSA VSA), attaching
// them in a real registry, and accepting an artifact through a trusted verifier's summary: over
// the local Sigstore, with artifacts attested by the attest flow.
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeBundle, GITHUB_ACTIONS_ISSUER, PredicateType } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { attest as attestFlow } from '@build-artifact/pipeline';
import { bundleFromJSON } from '@sigstore/bundle';
import { json } from '@sigstore/core';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryAvailable, startRegistry } from '../../../../test/helpers/registry.ts';
import { main } from '../index.js';
import { captureIO } from './io.js';

const BUILDER = 'acme/builders/.github/workflows/build.yml@refs/tags/v1';
const VERIFIER_SAN = `https://github.com/${BUILDER}`;
const SPEC = JSON.parse(
  await readFile(
    join(import.meta.dirname, '../../../verify/src/__tests__/__fixtures__/vsa-v1.1-fields.json'),
    'utf8',
  ),
);

let dir: string;
let dev: DevSigstore;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-vsa-'));
  dev = await startDevSigstore({
    issuer: GITHUB_ACTIONS_ISSUER,
    claims: {
      repository: 'acme/app',
      repository_owner: 'acme',
      sub: 'repo:acme/app:ref:refs/heads/main',
      workflow_ref: 'acme/app/.github/workflows/release.yml@refs/heads/main',
      job_workflow_ref: BUILDER,
    },
  });
  await dev.writeTrustedRoot(join(dir, 'trusted_root.json'));
  for (const [name, body] of [
    ['app.wasm', 'an app'],
    ['other.wasm', 'another app'],
  ] as const) {
    const path = join(dir, name);
    // An empty module with one custom section holding the body: two distinct, valid modules.
    const custom = Buffer.concat([Buffer.from([1, 0x78]), Buffer.from(body)]);
    await writeFile(
      path,
      Buffer.concat([
        Buffer.from('0061736d01000000', 'hex'),
        Buffer.from([0, custom.length]),
        custom,
      ]),
    );
    await attestFlow(
      {
        artifacts: { paths: [path] },
        sbom: { inputs: [] },
        provenance: { builder: 'github', issuer: dev.oidc.issuer, jwksUrl: dev.oidc.jwksURL },
        signing: { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL, tsaURL: dev.tsaURL },
        sidecars: {},
      },
      { cwd: dir, env: { ...process.env, ...dev.env() } },
    );
  }
  // A copy whose bytes changed, with the original's bundles beside it.
  const tampered = Buffer.from(await readFile(join(dir, 'app.wasm')));
  tampered[tampered.length - 1]! ^= 1;
  await writeFile(join(dir, 'tampered.wasm'), tampered);
  for (const s of ['.sigstore.json', '.sbom.sigstore.json'])
    await copyFile(join(dir, `app.wasm${s}`), join(dir, `tampered.wasm${s}`));
  await writeFile(
    join(dir, 'policy.yml'),
    'name: acme-app\nrepo: acme/app\nsigner-repo: acme/builders\nslsa-level: 3\nrequire-sbom: true\ntrusted-root: trusted_root.json\n',
  );
  await writeFile(
    join(dir, 'strict.yml'),
    'name: strict\nrepo: acme/app\nsigner-repo: acme/builders\nslsa-level: 3\nrequire-sbom: true\ndeny-self-hosted-runners: true\ntrusted-root: trusted_root.json\n',
  );
}, 120_000);
afterAll(async () => {
  await dev?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs attest in `dir`; `signing` puts the local Sigstore's token service in the environment. */
async function attest(signing: boolean, ...args: string[]) {
  const io = captureIO(signing ? { ...dev.env() } : {}, dir);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}
const results = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
// biome-ignore lint/suspicious/noExplicitAny: a signed statement read back, checked field by field
const statementOf = (bundle: unknown) => describeBundle(bundle).statement as Record<string, any>;

describe('attest verify --policy', () => {
  it('applies the file, prints its identity with every verdict, and lets flags override it', async () => {
    const text = await attest(false, 'verify', 'app.wasm', '--policy', 'policy.yml');
    expect(text.err).toBe('');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/policy\s+acme-app \(sha256:[0-9a-f]{64}\)/);
    const r = results(
      (await attest(false, 'verify', 'app.wasm', '--policy', 'policy.yml', '--format', 'json')).out,
    )[0];
    expect(r).toMatchObject({
      verified: true,
      slsa: { level: 3 },
      sbom: { verified: true },
      policy: { name: 'acme-app', uri: `file://${join(dir, 'policy.yml')}` },
    });
    const over = results(
      (
        await attest(
          false,
          'verify',
          'app.wasm',
          '--policy',
          'policy.yml',
          '--repo',
          'acme/other',
          '--format',
          'json',
        )
      ).out,
    )[0];
    expect(over.failure.reason).toBe('REPOSITORY_MISMATCH');
    expect(over.policy.digest.sha256).not.toBe(r.policy.digest.sha256);
  });

  it('refuses an unknown key by name (exit 2, no stack, nothing verified)', async () => {
    await writeFile(
      join(dir, 'typo.yml'),
      'repo: acme/app\nsigner-repo: acme/builders\nslsa-levle: 3\n',
    );
    const r = await attest(false, 'verify', 'app.wasm', '--policy', 'typo.yml');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('typo.yml: unknown key "slsa-levle" (did you mean "slsa-level"?)');
    expect(r.err).not.toMatch(/\n\s+at /);
    const missing = await attest(false, 'verify', 'app.wasm', '--policy', 'nope.yml');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.yml');
  });
});

describe('attest verify --vsa-out', () => {
  let policyDigest: string;

  it('writes a signed SLSA v1.1 summary per artifact that verified, keyless', async () => {
    const r = await attest(
      true,
      'verify',
      'app.wasm',
      'other.wasm',
      'tampered.wasm',
      '--policy',
      'policy.yml',
      '--vsa-out',
      'vsa.jsonl',
      '--sign',
      '--format',
      'json',
    );
    expect(r.code).toBe(1); // the tampered copy
    expect(r.err).toContain(
      `wrote 2 verification summaries (verifier ${VERIFIER_SAN}; signed with custom Sigstore`,
    );
    const verdicts = results(r.out);
    policyDigest = verdicts[0].policy.digest.sha256;
    const lines = (await readFile(join(dir, 'vsa.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
    const bundles = lines.map((l) => JSON.parse(l));
    // The bundle verifies with Sigstore's own verifier against the local instance.
    const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(dev.trustedRoot)));
    for (const b of bundles)
      expect(() => verifier.verify(toSignedEntity(bundleFromJSON(b)))).not.toThrow();
    const s = statementOf(bundles[0]);
    const app = await readFile(join(dir, 'app.wasm'));
    expect(s.subject).toEqual([{ name: 'app.wasm', digest: { sha256: sha(app) } }]);
    expect(s.predicateType).toBe(PredicateType.VERIFICATION_SUMMARY_V1);
    const p = s.predicate;
    // Exactly the spec's fields, each of its type, every required one present.
    for (const [name, value] of Object.entries(p)) {
      expect(SPEC.fields[name], name).toBeDefined();
      expect(Array.isArray(value) ? 'array' : typeof value, name).toBe(SPEC.fields[name].type);
    }
    for (const [name, f] of Object.entries(SPEC.fields) as [string, { required: boolean }][])
      if (f.required && !name.includes('.')) expect(p[name], name).toBeDefined();
    expect(p.verifier).toEqual({
      id: VERIFIER_SAN,
      version: { '@build-artifact/verify': '0.1.0' },
    });
    expect(Date.parse(p.timeVerified)).toBeLessThanOrEqual(Date.now());
    expect(p.resourceUri).toBe('app.wasm');
    expect(p.policy).toEqual({
      uri: `file://${join(dir, 'policy.yml')}`,
      digest: { sha256: policyDigest },
    });
    expect(p.verificationResult).toBe('PASSED');
    expect(p.verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_3', 'BUILD_ARTIFACT_SBOM_VERIFIED']);
    expect(p.dependencyLevels).toBeUndefined(); // no --recursive: no claim about dependencies
    expect(p.slsaVersion).toBe('1.1');
    // The bundles the verdict rests on, by the SHA-256 of their RFC 8785 JSON.
    const used = await Promise.all(
      ['app.wasm.sigstore.json', 'app.wasm.sbom.sigstore.json'].map(async (f) => ({
        uri: join(dir, f),
        digest: {
          sha256: createHash('sha256')
            .update(json.canonicalize(JSON.parse(await readFile(join(dir, f), 'utf8'))))
            .digest('hex'),
        },
      })),
    );
    expect(p.inputAttestations).toEqual(used);
    expect(statementOf(bundles[1]).subject[0].name).toBe('other.wasm');
  });

  it('writes unsigned statements with a verifier named, and refuses to guess who verified', async () => {
    const ok = await attest(
      false,
      'verify',
      'app.wasm',
      '--policy',
      'policy.yml',
      '--recursive',
      '--vsa-out',
      'unsigned.jsonl',
      '--verifier-id',
      'https://example.com/verifier',
    );
    expect(ok.code, ok.err).toBe(0);
    const s = JSON.parse(await readFile(join(dir, 'unsigned.jsonl'), 'utf8'));
    expect(s._type).toBe('https://in-toto.io/Statement/v1');
    expect(s.predicate.verifier.id).toBe('https://example.com/verifier');
    // --recursive: the verifier says what it found (nothing here).
    expect(s.predicate.dependencyLevels).toEqual({});
    const nobody = await attest(
      false,
      'verify',
      'app.wasm',
      '--policy',
      'policy.yml',
      '--vsa-out',
      'x.jsonl',
    );
    expect(nobody.code).toBe(2);
    expect(nobody.err).toContain('say who the verifier is: --verifier-id URI');
    const stray = await attest(false, 'verify', 'app.wasm', '--policy', 'policy.yml', '--sign');
    expect(stray.code).toBe(2);
    expect(stray.err).toContain('--sign applies to --vsa-out FILE');
    const noSign = await attest(
      false,
      'verify',
      'app.wasm',
      '--vsa-out',
      'x.jsonl',
      '--sign-key',
      'k.pem',
    );
    expect(noSign.code).toBe(2);
    expect(noSign.err).toContain('--sign-key signs the summaries: add --sign');
    const mismatch = await attest(
      true,
      'verify',
      'app.wasm',
      '--policy',
      'policy.yml',
      '--vsa-out',
      'x.jsonl',
      '--sign',
      '--verifier-id',
      'https://example.com/other',
    );
    expect(mismatch.code).toBe(2);
    expect(mismatch.err).toContain(`is not the signing identity ${VERIFIER_SAN}`);
  });

  it('accepts the artifact through the summary alone; never for another digest, policy, verifier or age', async () => {
    const accept = ['--bundle', 'vsa.jsonl', '--vsa-verifier', VERIFIER_SAN];
    const ok = await attest(
      false,
      'verify',
      'app.wasm',
      ...accept,
      '--policy',
      'policy.yml',
      '--format',
      'json',
    );
    expect(ok.code, ok.err).toBe(0);
    const r = results(ok.out)[0];
    expect(r).toMatchObject({
      verified: true,
      summary: { verifier: VERIFIER_SAN, resourceUri: 'app.wasm', verificationResult: 'PASSED' },
      policy: { digest: { sha256: policyDigest } },
      slsa: { level: 3 },
    });
    const text = await attest(false, 'verify', 'app.wasm', ...accept, '--policy', 'policy.yml');
    expect(text.out).toMatch(/summary\s+\S+vsa\.jsonl:1: PASSED by https:\/\/github\.com\/acme/);
    const reason = async (...args: string[]) => {
      const x = await attest(false, 'verify', ...args, '--format', 'json');
      return x.code === 2 ? `exit 2: ${x.err}` : results(x.out)[0].failure?.reason;
    };
    expect(await reason('tampered.wasm', ...accept, '--policy', 'policy.yml')).toBe(
      'SUBJECT_MISMATCH',
    );
    expect(await reason('app.wasm', ...accept, '--policy', 'strict.yml')).toBe(
      'VSA_POLICY_MISMATCH',
    );
    expect(
      await reason('app.wasm', ...accept, '--policy', 'policy.yml', '--vsa-max-age', '1ms'),
    ).toBe('VSA_EXPIRED');
    expect(
      await reason(
        'app.wasm',
        '--bundle',
        'vsa.jsonl',
        '--vsa-verifier',
        'https://github.com/acme/other/.github/workflows/v.yml@refs/heads/main',
        '--policy',
        'policy.yml',
      ),
    ).toBe('IDENTITY_MISMATCH');
    // The provenance beside it is no summary.
    expect(await reason('app.wasm', '--vsa-verifier', VERIFIER_SAN, '--policy', 'policy.yml')).toBe(
      'VSA_MISSING',
    );
    // Without a policy file: levels only, from the summary; rules it cannot state are refused.
    expect(
      await reason(
        'app.wasm',
        ...accept,
        '--trusted-root',
        'trusted_root.json',
        '--slsa-level',
        '3',
        '--require-sbom',
      ),
    ).toBeUndefined();
    expect(
      await reason(
        'app.wasm',
        ...accept,
        '--trusted-root',
        'trusted_root.json',
        '--repo',
        'acme/app',
      ),
    ).toMatch(/^exit 2: .*a verification summary does not state --repo/);
    // By digest: the resource must be named.
    const digest = `sha256:${sha(await readFile(join(dir, 'app.wasm')))}`;
    expect(await reason(digest, ...accept, '--policy', 'policy.yml')).toMatch(
      /^exit 2: .*--vsa-resource-uri/,
    );
    expect(
      await reason(digest, ...accept, '--policy', 'policy.yml', '--vsa-resource-uri', 'app.wasm'),
    ).toBeUndefined();
    expect(
      await reason(
        digest,
        ...accept,
        '--policy',
        'policy.yml',
        '--vsa-resource-uri',
        'pkg:npm/app@1',
      ),
    ).toBe('VSA_RESOURCE_MISMATCH');
  });
});

// A real registry: the summary names the manifest, is attached to it as a referrer, and is found
// there by attest verify oci://, discover and pull.
describe.skipIf(!registryAvailable())('summaries in OCI', () => {
  it('are written for the manifest verified, attached to it, and accepted from there', {
    timeout: 120_000,
  }, async () => {
    const registry = await startRegistry({ referrersTagFallback: true });
    try {
      const repo = `${registry.host}/acme/app`;
      const pushed = await attest(false, 'push', 'app.wasm', `oci://${repo}:v1`);
      expect(pushed.code, pushed.err).toBe(0);
      const reference = pushed.out.trim();
      const manifest = reference.split('@')[1]!;
      const w = await attest(
        true,
        'verify',
        `oci://${repo}:v1`,
        '--policy',
        'policy.yml',
        '--recursive',
        '--vsa-out',
        'oci.vsa.jsonl',
        '--sign',
      );
      expect(w.code, w.err).toBe(0);
      const bundle = JSON.parse(await readFile(join(dir, 'oci.vsa.jsonl'), 'utf8'));
      const s = statementOf(bundle);
      const app = sha(await readFile(join(dir, 'app.wasm')));
      // The file and its manifest, as actions/attest names an image.
      expect(s.subject).toEqual([
        { name: 'app.wasm', digest: { sha256: app } },
        { name: repo, digest: { sha256: manifest.slice(7) } },
      ]);
      expect(s.predicate.resourceUri).toBe(`oci://${repo}@${manifest}`);
      expect(s.predicate.inputAttestations.map((a: { uri: string }) => a.uri)).toEqual([
        expect.stringMatching(new RegExp(`^oci://${repo}@sha256:`)),
        expect.stringMatching(new RegExp(`^oci://${repo}@sha256:`)),
      ]);
      await writeFile(join(dir, 'app.vsa.sigstore.json'), JSON.stringify(bundle));

      // Attached to the published manifest, by digest, without pushing the file again.
      const attached = await attest(
        false,
        'push',
        '--bundle',
        'app.vsa.sigstore.json',
        reference,
        '--format',
        'json',
      );
      expect(attached.code, attached.err).toBe(0);
      expect(JSON.parse(attached.out).referrers).toEqual([
        expect.objectContaining({
          subject: manifest,
          artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        }),
      ]);
      // A summary about another artifact is not attached to this one.
      await writeFile(
        join(dir, 'other.vsa.sigstore.json'),
        (await readFile(join(dir, 'vsa.jsonl'), 'utf8')).split('\n')[1]!,
      );
      const wrong = await attest(false, 'push', '--bundle', 'other.vsa.sigstore.json', reference);
      expect(wrong.code).toBe(2);
      expect(wrong.err).toContain('the bundle is not about');

      const accept = [
        '--vsa-verifier',
        VERIFIER_SAN,
        '--policy',
        'policy.yml',
        '--recursive',
        '--format',
        'json',
      ];
      const ok = await attest(false, 'verify', `oci://${repo}:v1`, ...accept);
      expect(ok.code, ok.err).toBe(0);
      expect(results(ok.out)[0].summary.resourceUri).toBe(`oci://${repo}@${manifest}`);

      const tree = await attest(false, 'discover', reference);
      expect(tree.code, tree.err).toBe(0);
      expect(tree.out).toContain(PredicateType.VERIFICATION_SUMMARY_V1);

      // Pulled, each bundle lands under its own name: the provenance stays the provenance.
      const pulled = await attest(false, 'pull', reference, '-o', 'pulled');
      expect(pulled.code, pulled.err).toBe(0);
      const provenance = JSON.parse(
        await readFile(join(dir, 'pulled', 'app.wasm.sigstore.json'), 'utf8'),
      );
      expect(describeBundle(provenance).predicateType).toBe(PredicateType.SLSA_PROVENANCE_V1);
      const summary = JSON.parse(
        await readFile(join(dir, 'pulled', 'app.wasm.vsa.sigstore.json'), 'utf8'),
      );
      expect(describeBundle(summary).predicateType).toBe(PredicateType.VERIFICATION_SUMMARY_V1);
      // The pulled file verifies both ways from what lies beside it.
      expect(
        (await attest(false, 'verify', 'pulled/app.wasm', '--policy', 'policy.yml')).code,
      ).toBe(0);
      const byFile = await attest(
        false,
        'verify',
        'pulled/app.wasm',
        '--vsa-verifier',
        VERIFIER_SAN,
        '--policy',
        'policy.yml',
        '--recursive',
        '--vsa-resource-uri',
        `oci://${repo}@${manifest}`,
      );
      expect(byFile.code, byFile.out).toBe(0);

      // Published elsewhere, the same bytes carry the summary (it names the file), but it was
      // not verified as that resource: it never counts there.
      const copy = await attest(
        false,
        'push',
        'app.wasm',
        `oci://${registry.host}/acme/copy:v1`,
        '--bundle',
        'app.vsa.sigstore.json',
        '--no-attestations',
        '--format',
        'json',
      );
      expect(copy.code, copy.err).toBe(0);
      expect(JSON.parse(copy.out).referrers).toHaveLength(1);
      const elsewhere = await attest(
        false,
        'verify',
        `oci://${registry.host}/acme/copy:v1`,
        ...accept,
      );
      expect(results(elsewhere.out)[0].failure.reason).toBe('VSA_RESOURCE_MISMATCH');
    } finally {
      await registry.close();
    }
  });
});
