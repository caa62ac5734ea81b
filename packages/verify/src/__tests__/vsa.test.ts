import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStatement, digestBytes, type Evidence, PredicateType } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { signStatement } from '@build-artifact/sign';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildLevelOf,
  dependencyLevelsOf,
  loadTrustedRoot,
  parseDuration,
  readSummary,
  SBOM_VERIFIED_LEVEL,
  type SummaryPolicy,
  type Trust,
  type VerificationResult,
  type VerificationSummary,
  VSA_FIELDS,
  verifiedLevelsOf,
  verifySummary,
} from '../index.js';

const SPEC = JSON.parse(
  readFileSync(join(import.meta.dirname, '__fixtures__', 'vsa-v1.1-fields.json'), 'utf8'),
);

const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

/** The spec's fields of a predicate (verifier's one level down), with the JSON type of each. */
export function fieldsOf(predicate: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(predicate)) {
    out[k] = typeOf(v);
    if (k === 'verifier')
      for (const [k2, v2] of Object.entries(v as object)) out[`verifier.${k2}`] = typeOf(v2);
  }
  return out;
}

const EXAMPLE: VerificationSummary = {
  verifier: { id: 'https://example.com/publication_verifier', version: { tool: 'v1' } },
  timeVerified: '1985-04-12T23:20:50.52Z',
  resourceUri: 'https://example.com/example-1.2.3.tar.gz',
  policy: { uri: 'https://example.com/example_tarball.policy', digest: { sha256: '12ab' } },
  inputAttestations: [{ uri: 'https://example.com/p.intoto.jsonl', digest: { sha256: 'abcd' } }],
  verificationResult: 'PASSED',
  verifiedLevels: ['SLSA_BUILD_LEVEL_3'],
  dependencyLevels: { SLSA_BUILD_LEVEL_3: 5, SLSA_BUILD_LEVEL_2: 7, SLSA_BUILD_LEVEL_1: 1 },
  slsaVersion: '1.0',
};

describe('the VSA predicate (SLSA v1.1)', () => {
  it('has exactly the fields of the spec, each with its type and whether it is required', () => {
    expect(VSA_FIELDS).toEqual(SPEC.fields);
    expect(SPEC.predicateType).toBe(PredicateType.VERIFICATION_SUMMARY_V1);
    // The spec's example reads, field for field.
    expect(readSummary(EXAMPLE)).toEqual({ ok: true, summary: EXAMPLE });
    const fields = fieldsOf(EXAMPLE as unknown as Record<string, unknown>);
    for (const [name, type] of Object.entries(fields))
      expect(SPEC.fields[name]?.type, name).toBe(type);
  });

  it('refuses a missing required field and a field of the wrong type', () => {
    const bad = (patch: Record<string, unknown>) =>
      readSummary({ ...EXAMPLE, ...patch }) as { ok: boolean; problem?: string };
    for (const [name, spec] of Object.entries(SPEC.fields) as [string, { required: boolean }][]) {
      if (name.includes('.')) continue;
      const { [name]: _dropped, ...rest } = EXAMPLE as unknown as Record<string, unknown>;
      expect(readSummary(rest).ok, name).toBe(!spec.required);
      expect(bad({ [name]: 42 }).ok, `${name}: 42`).toBe(false);
    }
    expect(bad({ verifier: {} }).problem).toBe('verifier.id must be a URI');
    expect(bad({ verifier: { id: 'x', version: { a: 1 } } }).problem).toMatch(/version/);
    expect(bad({ timeVerified: 'yesterday' }).problem).toMatch(/RFC 3339/);
    expect(bad({ policy: { digest: { sha256: 'ab' } } }).problem).toMatch(/uri/);
    expect(bad({ inputAttestations: [{ uri: 'x' }] }).problem).toMatch(/digest/);
    expect(bad({ verificationResult: 'passed' }).problem).toMatch(/PASSED or FAILED/);
    expect(bad({ verifiedLevels: ['SLSA_BUILD_LEVEL_2', 'SLSA_BUILD_LEVEL_3'] }).problem).toMatch(
      /more than one level/,
    );
    expect(bad({ dependencyLevels: { SLSA_BUILD_LEVEL_3: -1 } }).problem).toMatch(/count/);
    // The keys it names are the summary's text: quoted, control characters escaped.
    expect(bad({ dependencyLevels: { '\u001b[2J': -1 } }).problem).toBe(
      'dependencyLevels["\\u001b[2J"] must be a count',
    );
    expect(bad({ policy: { uri: 'x', digest: { '\u0007': 'zz' } } }).problem).toBe(
      'policy.digest["\\u0007"] is not hex',
    );
    expect(bad({ slsaVersion: '1' }).problem).toMatch(/MAJOR\.MINOR/);
    // Unknown fields are ignored, as the in-toto parsing rules require.
    expect(readSummary({ ...EXAMPLE, 'https://example.com/ext': 1 }).ok).toBe(true);
  });

  it('levels: one per track, the SBOM as a custom value outside SLSA_, dependencies counted once', () => {
    const r = (level: 0 | 1 | 2 | 3, sbom = false) =>
      ({
        slsa: { level, reason: '' },
        ...(sbom ? { sbom: { source: 's', verified: true } } : {}),
      }) as VerificationResult;
    expect(verifiedLevelsOf(r(3, true))).toEqual(['SLSA_BUILD_LEVEL_3', SBOM_VERIFIED_LEVEL]);
    expect(SBOM_VERIFIED_LEVEL.startsWith('SLSA_')).toBe(false);
    expect(verifiedLevelsOf(r(1))).toEqual(['SLSA_BUILD_LEVEL_1']);
    for (const level of verifiedLevelsOf(r(2)))
      expect(SPEC.slsaResults.includes(level) || !level.startsWith('SLSA_')).toBe(true);
    expect(dependencyLevelsOf([r(3, true), r(3), r(2)])).toEqual({
      SLSA_BUILD_LEVEL_3: 2,
      SLSA_BUILD_LEVEL_2: 1,
      [SBOM_VERIFIED_LEVEL]: 1,
    });
    expect(dependencyLevelsOf([])).toEqual({});
    expect(buildLevelOf(['X', 'SLSA_BUILD_LEVEL_2'])).toBe(2);
    expect(buildLevelOf(['SLSA_BUILD_LEVEL_UNEVALUATED'])).toBeUndefined();
  });

  it('reads durations', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1d12h')).toBe(36 * 3_600_000);
    expect(parseDuration('2w')).toBe(14 * 86_400_000);
    for (const bad of ['', '12', 'h', '1y', '-1h', '1h ', '0s'])
      expect(() => parseDuration(bad), bad).toThrow(/--vsa-max-age/);
  });
});

// Summaries signed over the local Sigstore (real Fulcio, Rekor and TSA handlers), checked with
// the same stages as any bundle, then field by field.
describe('verifySummary', () => {
  let dev: DevSigstore;
  let tmp: string;
  let trust: Trust;
  let artifact: string;
  const content = Buffer.from('\0asm\x01\0\0\0 a module verified once');
  const sha256 = digestBytes(content);
  const VERIFIER = 'acme/verifiers/.github/workflows/verify.yml@refs/heads/main';
  const SAN = `https://github.com/${VERIFIER}`;
  const POLICY = 'c0ffee'.padEnd(64, '0');

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'vsa-'));
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

  const predicate = (patch: Partial<VerificationSummary> = {}): VerificationSummary => ({
    verifier: { id: SAN },
    timeVerified: new Date().toISOString(),
    resourceUri: 'nats.wasm',
    policy: { uri: 'file:///p.yml', digest: { sha256: POLICY } },
    inputAttestations: [{ uri: 'nats.wasm.sigstore.json', digest: { sha256: 'ab'.repeat(32) } }],
    verificationResult: 'PASSED',
    verifiedLevels: ['SLSA_BUILD_LEVEL_3', SBOM_VERIFIED_LEVEL],
    dependencyLevels: { SLSA_BUILD_LEVEL_3: 1 },
    slsaVersion: '1.1',
    ...patch,
  });

  async function vsa(
    patch: Partial<VerificationSummary> = {},
    options: { digest?: string; job?: string; key?: string; raw?: unknown } = {},
  ): Promise<Evidence> {
    const statement = buildStatement(
      [{ name: 'nats.wasm', digest: { sha256: options.digest ?? sha256 } }],
      PredicateType.VERIFICATION_SUMMARY_V1,
      options.raw ?? predicate(patch),
    );
    const bundle = await signStatement(
      statement,
      options.key
        ? { privateKeyPem: options.key }
        : {
            fulcioURL: dev.fulcioURL,
            rekorURL: dev.rekorURL,
            tsaURL: dev.tsaURL,
            identityToken: await dev.mintToken('sigstore', {
              job_workflow_ref: options.job ?? VERIFIER,
            }),
          },
    );
    return { source: `vsa-${Math.random().toString(16).slice(2, 8)}`, json: bundle };
  }

  const policy: SummaryPolicy = {
    verifier: SAN,
    resourceUris: ['nats.wasm'],
    minSlsaLevel: 3,
    requireSbom: true,
    dependencies: true,
    policyDigest: POLICY,
    maxAgeMs: 3_600_000,
  };
  const check = async (evidence: Evidence[], p: Partial<SummaryPolicy> = {}, t = trust) =>
    verifySummary({ path: artifact, evidence }, { ...policy, ...p }, t);

  it('passes a summary of this artifact, signed by the verifier, PASSED, at the levels asked', async () => {
    const r = await check([await vsa()]);
    expect(r.failure).toBeUndefined();
    expect(r.verified).toBe(true);
    expect(r.certificate?.subjectAlternativeName).toBe(SAN);
    expect(r.summary).toMatchObject({
      verifier: SAN,
      resourceUri: 'nats.wasm',
      verificationResult: 'PASSED',
      policy: { digest: { sha256: POLICY } },
    });
    expect(r.slsa?.level).toBe(3);
    expect(r.slsa?.reason).toContain(SAN);
    expect(r.sbom?.verified).toBe(true);
    expect(r.digest.sha256).toBe(sha256);
    expect(r.inputAttestations).toHaveLength(1);
    // A regular expression names the verifier as well, anchored.
    expect(
      (
        await check([await vsa()], {
          verifier: undefined,
          verifierRegexp: 'https://github\\.com/acme/verifiers/.*',
        })
      ).verified,
    ).toBe(true);
    expect(
      (await check([await vsa()], { verifier: undefined, verifierRegexp: 'acme/verifiers/.*' }))
        .failure?.reason,
    ).toBe('IDENTITY_MISMATCH');
  });

  it('never counts a summary for another digest, a failed, an expired or a stranger’s one', async () => {
    const reason = async (e: Evidence, p: Partial<SummaryPolicy> = {}) =>
      (await check([e], p)).failure?.reason;
    expect(await reason(await vsa({}, { digest: 'ee'.repeat(32) }))).toBe('SUBJECT_MISMATCH');
    expect(
      await reason(await vsa({ verificationResult: 'FAILED', verifiedLevels: ['FAILED'] })),
    ).toBe('VSA_NOT_PASSED');
    const old = new Date(Date.now() - 2 * 86_400_000).toISOString();
    expect(await reason(await vsa({ timeVerified: old }))).toBe('VSA_EXPIRED');
    expect(await reason(await vsa({ timeVerified: old }), { maxAgeMs: undefined })).toBeUndefined();
    expect(
      await reason(await vsa({}, { job: 'evil/repo/.github/workflows/x.yml@refs/heads/main' })),
    ).toBe('IDENTITY_MISMATCH');
    // Signed by the verifier, but naming another verifier: the pair must match.
    expect(await reason(await vsa({ verifier: { id: 'https://example.com/other' } }))).toBe(
      'VSA_VERIFIER_MISMATCH',
    );
    expect(await reason(await vsa({ resourceUri: 'oci://ghcr.io/acme/other@sha256:00' }))).toBe(
      'VSA_RESOURCE_MISMATCH',
    );
    expect(
      await reason(await vsa({ policy: { uri: 'x', digest: { sha256: 'ab'.repeat(32) } } })),
    ).toBe('VSA_POLICY_MISMATCH');
    expect(await reason(await vsa({ policy: { uri: 'x' } }))).toBe('VSA_POLICY_MISMATCH');
    expect(
      await reason(await vsa({ verifiedLevels: ['SLSA_BUILD_LEVEL_2', SBOM_VERIFIED_LEVEL] })),
    ).toBe('VSA_LEVEL_TOO_LOW');
    expect(await reason(await vsa({ verifiedLevels: ['SLSA_BUILD_LEVEL_3'] }))).toBe(
      'VSA_LEVEL_TOO_LOW',
    );
    expect(await reason(await vsa({ dependencyLevels: { SLSA_BUILD_LEVEL_1: 1 } }))).toBe(
      'VSA_DEPENDENCIES',
    );
    const { dependencyLevels: _d, ...noDeps } = predicate();
    expect(await reason(await vsa({}, { raw: noDeps }))).toBe('VSA_DEPENDENCIES');
    expect(await reason(await vsa({}, { raw: { ...predicate(), verifiedLevels: 'L3' } }))).toBe(
      'VSA_INVALID',
    );
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(await reason(await vsa({ timeVerified: future }), { maxAgeMs: undefined })).toBe(
      'VSA_INVALID',
    );
    // Another issuer than the one named.
    expect(await reason(await vsa(), { issuer: 'https://token.actions.example.com' })).toBe(
      'ISSUER_MISMATCH',
    );
  });

  it('checks the bundle’s signature like any bundle, and needs a summary at all', async () => {
    const e = await vsa();
    const tampered = structuredClone(e.json) as { dsseEnvelope: { payload: string } };
    const statement = JSON.parse(Buffer.from(tampered.dsseEnvelope.payload, 'base64').toString());
    statement.predicate.verifiedLevels = ['SLSA_BUILD_LEVEL_3', SBOM_VERIFIED_LEVEL, 'X'];
    tampered.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    const r = await check([{ source: 'tampered', json: tampered }]);
    expect(r.verified).toBe(false);
    expect(r.failure?.stage).toBe('crypto');
    const none = await check([]);
    expect(none.failure?.reason).toBe('VSA_MISSING');
    expect(none.digest.sha256).toBe(sha256);
  });

  it('one summary that passes is enough; otherwise the one that got furthest is reported', async () => {
    const bad = await vsa({ verificationResult: 'FAILED' });
    const stranger = await vsa({}, { job: 'evil/repo/.github/workflows/x.yml@refs/heads/main' });
    const good = await vsa();
    const r = await check([stranger, bad, good]);
    expect(r.verified).toBe(true);
    expect(r.attempts.map((a) => a.verified)).toEqual([false, false, true]);
    const worst = await check([stranger, bad]);
    expect(worst.failure?.reason).toBe('VSA_NOT_PASSED');
    expect(worst.attempts).toHaveLength(2);
  });

  it('a summary signed with a key verifies with --key, its verifier.id named exactly', async () => {
    const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const pem = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const keyTrust = await loadTrustedRoot({
      trustedRootPath: join(tmp, 'trusted_root.json'),
      publicKeyPem: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
    const e = await vsa({ verifier: { id: 'https://example.com/verifier' } }, { key: pem });
    const ok = await check(
      [e],
      { verifier: 'https://example.com/verifier', maxAgeMs: undefined },
      keyTrust,
    );
    expect(ok.failure).toBeUndefined();
    expect(ok.verified).toBe(true);
    expect(
      (await check([e], { verifier: SAN, maxAgeMs: undefined }, keyTrust)).failure?.reason,
    ).toBe('VSA_VERIFIER_MISMATCH');
    // Without the key there is nothing to check the signature with.
    expect((await check([e], { verifier: 'https://example.com/verifier' })).verified).toBe(false);
    // No timeVerified, no signed time: an age limit cannot be met.
    const { timeVerified: _t, ...undated } = predicate({
      verifier: { id: 'https://example.com/verifier' },
    });
    const u = await vsa({}, { key: pem, raw: undated });
    expect(
      (await check([u], { verifier: 'https://example.com/verifier' }, keyTrust)).failure?.reason,
    ).toBe('VSA_EXPIRED');
  });

  it('refuses a policy that names no verifier, or no resource', async () => {
    await expect(check([], { verifier: undefined })).rejects.toMatchObject({
      code: 'INVALID_POLICY',
    });
    await expect(check([], { verifierRegexp: '(' })).rejects.toMatchObject({
      code: 'INVALID_POLICY',
    });
    await expect(check([], { resourceUris: [] })).rejects.toMatchObject({ code: 'INVALID_POLICY' });
  });
});
