import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStatement, digestBytes, PredicateType } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { signStatement } from '@build-artifact/sign';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Evidence, loadTrustedRoot, type Trust, verifyArtifact } from '../index.js';
import { mutateBundle } from './mutations.js';

// The same mutation corpus over a bundle from the local Sigstore: v0.3 with an RFC 3161
// timestamp and a dsse tlog entry (what the public-good bundles above do not have).
let dev: DevSigstore;
let tmp: string;
let trust: Trust;
let artifact: string;
let bundle: unknown;
const content = Buffer.from('mutations over a locally signed bundle');

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'verify-mutdev-'));
  dev = await startDevSigstore({ issuer: 'https://token.actions.githubusercontent.com' });
  await dev.writeTrustedRoot(join(tmp, 'trusted_root.json'));
  trust = await loadTrustedRoot({ trustedRootPath: join(tmp, 'trusted_root.json') });
  artifact = join(tmp, 'artifact.bin');
  await writeFile(artifact, content);
  const statement = buildStatement(
    [{ name: 'artifact.bin', digest: { sha256: digestBytes(content) } }],
    PredicateType.SLSA_PROVENANCE_V1,
    {
      buildDefinition: { buildType: 'https://example.invalid/unknown' },
    },
  );
  bundle = await signStatement(statement, {
    fulcioURL: dev.fulcioURL,
    rekorURL: dev.rekorURL,
    tsaURL: dev.tsaURL,
    identityToken: await dev.mintToken('sigstore'),
  });
}, 60_000);
afterAll(async () => {
  await dev?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('mutated bundles: v0.3 with RFC 3161 timestamp (local Sigstore)', () => {
  it('rejects every mutation that changes signed or verified content, each with a specific reason', async () => {
    // Removing both redundant witnesses at once is not allowed either.
    const stripped = structuredClone(bundle) as {
      verificationMaterial: Record<string, unknown> & { tlogEntries: Record<string, unknown>[] };
    };
    delete stripped.verificationMaterial.timestampVerificationData;
    delete stripped.verificationMaterial.tlogEntries[0]!.inclusionPromise;
    const policy = { owner: 'example', signerRepo: 'build-artifact/build-artifact' };
    const verify = (json: unknown) =>
      verifyArtifact(
        { path: artifact, evidence: [{ source: 'mutated', json } as Evidence] },
        policy,
        trust,
      );
    expect((await verify(bundle)).failure).toBeUndefined();
    expect((await verify(stripped)).failure?.reason).toBe('TIMESTAMP_ERROR');
    const rows: string[] = [];
    for (const m of mutateBundle(bundle as never)) {
      const r = await verify(m.bundle);
      rows.push(`${m.path} ${m.what} -> ${r.verified ? 'STILL_VALID' : r.failure?.reason}`);
    }
    // What may go without consequence: the DSSE keyid (an unauthenticated hint), and one of two
    // redundant witnesses: the SET (the inclusion proof and its checkpoint remain) or the RFC 3161
    // timestamp (the SET-backed tlog time remains). Every other mutation must fail.
    const mayStay = [
      /^dsseEnvelope\.signatures\[0\]\.keyid /,
      /^verificationMaterial\.tlogEntries\[0\]\.inclusionPromise removed/,
      /^verificationMaterial\.timestampVerificationData(\.rfc3161Timestamps(\[0\])?)? removed/,
    ];
    const accepted = rows.filter((r) => r.endsWith('STILL_VALID'));
    expect(accepted.filter((r) => !mayStay.some((re) => re.test(r)))).toEqual([]);
    const reasons = new Set(rows.map((r) => r.split(' -> ')[1]));
    expect(reasons.has(undefined as never)).toBe(false);
    expect(reasons.has('BUNDLE_INVALID')).toBe(true);
    // Timestamp mutations fail on the timestamp; certificate mutations on the certificate.
    for (const row of rows) {
      if (
        row.startsWith(
          'verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].signedTimestamp changed',
        )
      )
        expect(row).toMatch(/-> TIMESTAMP_ERROR$/);
      if (row.startsWith('cert:')) expect(row).toMatch(/-> CERTIFICATE_ERROR$/);
      if (row.startsWith('payload:')) expect(row).toMatch(/-> TLOG_BODY_ERROR$/);
      if (row.includes('inclusionProof'))
        expect(row).toMatch(/-> (TLOG_INCLUSION_PROOF_ERROR|BUNDLE_INVALID)$/);
    }
    expect(rows.length).toBeGreaterThan(100);
  }, 120_000);
});
