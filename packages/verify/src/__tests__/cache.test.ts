import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStatement, digestBytes, PredicateType } from '@build-artifact/core';
import { Verifier } from '@sigstore/verify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createVerificationCache,
  type Evidence,
  type Trust,
  type VerificationCache,
  verifyArtifact,
} from '../index.js';
import { githubIdentity, type LocalCA, startLocalCA } from './local-ca.js';

// Batch verification: a bundle's cryptography (signature, chain, log entries, timestamps) runs
// once per distinct bundle and trust, however many artifacts it is checked against. Counted by
// the calls into @sigstore/verify, not by time.
let ca: LocalCA;
let tmp: string;
let trust: Trust;
const id = githubIdentity({ repo: 'example/app' });
const policy = { repo: 'example/app' };
const files: { path: string; sha256: string }[] = [];
let shared: Evidence;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'verify-cache-'));
  ca = await startLocalCA(tmp);
  trust = await ca.trust();
  for (let i = 0; i < 40; i++) {
    const content = Buffer.from(`artifact ${i}`);
    const path = join(tmp, `a${i}.bin`);
    await writeFile(path, content);
    files.push({ path, sha256: digestBytes(content) });
  }
  const statement = buildStatement(
    files.map((f, i) => ({ name: `a${i}.bin`, digest: { sha256: f.sha256 } })),
    PredicateType.SLSA_PROVENANCE_V1,
    {},
  );
  shared = { source: 'shared', json: await ca.signPayload(JSON.stringify(statement), id) };
}, 60_000);
afterAll(async () => {
  await ca?.close();
  await rm(tmp, { recursive: true, force: true });
});
afterEach(() => vi.restoreAllMocks());

const verifyAll = (cache?: VerificationCache, evidence = [shared]) =>
  Promise.all(
    files.map((f) =>
      verifyArtifact({ path: f.path, evidence }, policy, trust, cache ? { cache } : {}),
    ),
  );

describe('createVerificationCache', () => {
  it('verifies a bundle shared by 40 artifacts once, and each artifact’s subject on its own', async () => {
    const calls = vi.spyOn(Verifier.prototype, 'verify');
    const cache = createVerificationCache();
    const results = await verifyAll(cache);
    expect(results.map((r) => r.failure)).toEqual(files.map(() => undefined));
    expect(results.map((r) => r.digest.sha256)).toEqual(files.map((f) => f.sha256));
    expect(calls).toHaveBeenCalledTimes(1);
    expect(cache.stats()).toEqual({ entries: 1, hits: 39, misses: 1 });
    // The same cache, later: still no new run; a tampered artifact still fails on its subject.
    const other = join(tmp, 'other.bin');
    await writeFile(other, 'not a subject');
    const r = await verifyArtifact({ path: other, evidence: [shared] }, policy, trust, { cache });
    expect(r.failure?.reason).toBe('SUBJECT_MISMATCH');
    expect(calls).toHaveBeenCalledTimes(1);
  });

  it('without a cache, each call verifies again', async () => {
    const calls = vi.spyOn(Verifier.prototype, 'verify');
    await verifyAll();
    expect(calls).toHaveBeenCalledTimes(files.length);
  });

  it('keys by the bundle’s content and by the trust', async () => {
    const calls = vi.spyOn(Verifier.prototype, 'verify');
    const cache = createVerificationCache();
    // The same bundle read twice, its keys in another order: one entry.
    const reordered = { source: 'again', json: JSON.parse(JSON.stringify(shared.json)) };
    const json = reordered.json as Record<string, unknown>;
    reordered.json = Object.fromEntries(
      Object.keys(json)
        .reverse()
        .map((k) => [k, json[k]]),
    );
    await verifyAll(cache, [shared]);
    await verifyAll(cache, [reordered]);
    expect(calls).toHaveBeenCalledTimes(1);
    // Another trust (another trusted root or key) verifies again.
    const other = await ca.trust();
    await verifyArtifact({ path: files[0]!.path, evidence: [shared] }, policy, other, { cache });
    expect(calls).toHaveBeenCalledTimes(2);
    // A changed bundle is another bundle, and fails on its own.
    const changed = structuredClone(shared.json) as {
      verificationMaterial: { tlogEntries: { logIndex: string }[] };
    };
    changed.verificationMaterial.tlogEntries[0]!.logIndex = '999999';
    const r = await verifyArtifact(
      { path: files[0]!.path, evidence: [{ source: 'changed', json: changed }] },
      policy,
      trust,
      { cache },
    );
    expect(r.verified).toBe(false);
    expect(calls).toHaveBeenCalledTimes(3);
  });

  it('keys a message signature by the digest it is verified against', async () => {
    const calls = vi.spyOn(Verifier.prototype, 'verify');
    const cache = createVerificationCache();
    const content = Buffer.from('a blob');
    const blob = { source: 'blob', json: await ca.signMessage(content, id) };
    const cosign = { certificateIdentity: id.san };
    const copies = [join(tmp, 'blob1'), join(tmp, 'blob2')];
    for (const p of copies) await writeFile(p, content);
    for (const p of copies) {
      const r = await verifyArtifact({ path: p, evidence: [blob] }, cosign, trust, { cache });
      expect(r.failure).toBeUndefined();
    }
    expect(calls).toHaveBeenCalledTimes(1);
    // Other bytes: verified again, and the signature does not verify over them.
    const other = join(tmp, 'blob3');
    await writeFile(other, 'another blob');
    const r = await verifyArtifact({ path: other, evidence: [blob] }, cosign, trust, { cache });
    expect(r.failure?.reason).toBe('SIGNATURE_ERROR');
    expect(calls).toHaveBeenCalledTimes(2);
    // By digest only: the same digest is the same bytes, already verified; another is not.
    const sha256 = digestBytes(content);
    const byDigest = await verifyArtifact({ digest: { sha256 }, evidence: [blob] }, cosign, trust, {
      cache,
    });
    expect(byDigest.failure).toBeUndefined();
    expect(calls).toHaveBeenCalledTimes(2);
    const elsewhere = digestBytes(Buffer.from('elsewhere'));
    const wrong = await verifyArtifact(
      { digest: { sha256: elsewhere }, evidence: [blob] },
      cosign,
      trust,
      { cache },
    );
    expect(wrong.verified).toBe(false);
    expect(calls).toHaveBeenCalledTimes(3);
  });

  it('refuses a cache it did not make', async () => {
    await expect(
      verifyArtifact({ path: files[0]!.path, evidence: [shared] }, policy, trust, {
        cache: { stats: () => ({ entries: 0, hits: 0, misses: 0 }) },
      }),
    ).rejects.toThrow(/createVerificationCache/);
  });
});
