import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Evidence,
  type FailureReason,
  loadTrustedRoot,
  readEvidence,
  type Trust,
  type VerifyPolicy,
  verifyArtifact,
} from '../index.js';
import { mutateBundle } from './mutations.js';
import { BCR, GH } from './testdata.js';

let trust: Trust;
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'verify-mut-'));
  trust = await loadTrustedRoot({
    cacheDir: join(tmp, 'cache'),
    githubTufURL: 'http://127.0.0.1:9',
  });
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

type Expected = FailureReason | 'STILL_VALID';

// The reason every mutation must be rejected with. A mutation missing from this table fails the
// test, so each new kind of mutation gets classified by hand.
const COMMON: Record<string, Expected> = {
  'mediaType changed': 'BUNDLE_INVALID',
  'mediaType removed': 'BUNDLE_INVALID',
  'verificationMaterial removed': 'BUNDLE_INVALID',
  'tlogEntries[0].logIndex changed': 'TLOG_INCLUSION_PROMISE_ERROR',
  'tlogEntries[0].logIndex removed': 'TLOG_INCLUSION_PROMISE_ERROR',
  'tlogEntries[0].logId.keyId changed': 'TLOG_INCLUSION_PROMISE_ERROR',
  'tlogEntries[0].logId.keyId removed': 'TLOG_INCLUSION_PROMISE_ERROR',
  'tlogEntries[0].logId removed': 'BUNDLE_INVALID',
  'tlogEntries[0].kindVersion.kind changed': 'TLOG_BODY_ERROR',
  'tlogEntries[0].kindVersion.kind removed': 'TLOG_BODY_ERROR',
  'tlogEntries[0].kindVersion.version changed': 'TLOG_BODY_ERROR',
  'tlogEntries[0].kindVersion.version removed': 'TLOG_BODY_ERROR',
  'tlogEntries[0].kindVersion removed': 'BUNDLE_INVALID',
  'tlogEntries[0].integratedTime changed': 'TLOG_INCLUSION_PROMISE_ERROR',
  'tlogEntries[0].integratedTime removed': 'TIMESTAMP_ERROR',
  'tlogEntries[0].inclusionPromise.signedEntryTimestamp changed': 'TLOG_INCLUSION_PROMISE_ERROR',
  'tlogEntries[0].inclusionPromise.signedEntryTimestamp removed': 'TLOG_INCLUSION_PROMISE_ERROR',
  'tlogEntries[0].inclusionProof.logIndex changed': 'TLOG_INCLUSION_PROOF_ERROR',
  'tlogEntries[0].inclusionProof.logIndex removed': 'TLOG_INCLUSION_PROOF_ERROR',
  // Not checked by @sigstore/verify (it uses the checkpoint's copy): our own check.
  'tlogEntries[0].inclusionProof.rootHash changed': 'TLOG_INCLUSION_PROOF_ERROR',
  'tlogEntries[0].inclusionProof.rootHash removed': 'TLOG_INCLUSION_PROOF_ERROR',
  'tlogEntries[0].inclusionProof.treeSize changed': 'TLOG_INCLUSION_PROOF_ERROR',
  'tlogEntries[0].inclusionProof.treeSize removed': 'TLOG_INCLUSION_PROOF_ERROR',
  'tlogEntries[0].inclusionProof.hashes[*] changed': 'TLOG_INCLUSION_PROOF_ERROR',
  'tlogEntries[0].inclusionProof.hashes[*] removed': 'TLOG_INCLUSION_PROOF_ERROR',
  'tlogEntries[0].inclusionProof.hashes removed': 'TLOG_INCLUSION_PROOF_ERROR',
  'tlogEntries[0].inclusionProof.checkpoint.envelope changed': 'TLOG_INCLUSION_PROOF_ERROR',
  'tlogEntries[0].inclusionProof.checkpoint.envelope removed': 'TLOG_INCLUSION_PROOF_ERROR',
  'tlogEntries[0].inclusionProof.checkpoint removed': 'BUNDLE_INVALID',
  'tlogEntries[0].canonicalizedBody changed': 'TLOG_INCLUSION_PROMISE_ERROR',
  'tlogEntries[0].canonicalizedBody removed': 'TLOG_INCLUSION_PROMISE_ERROR',
  // No transparency log entry left: no trusted time to check the short-lived certificate at.
  'tlogEntries[0] removed': 'TIMESTAMP_ERROR',
  'tlogEntries removed': 'TIMESTAMP_ERROR',
  'dsseEnvelope.payload changed': 'TLOG_BODY_ERROR',
  'dsseEnvelope.payload removed': 'BUNDLE_INVALID',
  'dsseEnvelope.payloadType changed': 'SIGNATURE_ERROR',
  'dsseEnvelope.payloadType removed': 'SIGNATURE_ERROR',
  'dsseEnvelope.signatures[0].sig changed': 'TLOG_BODY_ERROR',
  'dsseEnvelope.signatures[0].sig removed': 'BUNDLE_INVALID',
  // The DSSE keyid is an unauthenticated hint (DSSE spec): changing it changes nothing signed.
  'dsseEnvelope.signatures[0].keyid changed': 'STILL_VALID',
  'dsseEnvelope.signatures[0].keyid removed': 'STILL_VALID',
  'dsseEnvelope.signatures[0] removed': 'BUNDLE_INVALID',
  'dsseEnvelope.signatures removed': 'BUNDLE_INVALID',
  'dsseEnvelope removed': 'BUNDLE_INVALID',
  // Any field of the signed statement: the tlog entry records the payload's hash.
  'payload changed': 'TLOG_BODY_ERROR',
  // Any field of the certificate's DER: the chain (or the parse) fails.
  'cert changed': 'CERTIFICATE_ERROR',
};

const CASES: {
  name: string;
  artifact: string;
  bundle: string;
  policy: VerifyPolicy;
  expected: Record<string, Expected>;
}[] = [
  {
    name: 'v0.3, certificate, dsse tlog entry (rules_lint)',
    artifact: join(BCR, 'rules_lint-v1.3.1.tar.gz'),
    bundle: join(BCR, 'rules_lint-v1.3.1.tar.gz.intoto.jsonl'),
    policy: {
      repo: 'aspect-build/rules_lint',
      signerRepo: 'bazel-contrib/.github',
      minSlsaLevel: 3,
    },
    expected: {
      ...COMMON,
      'verificationMaterial.certificate.rawBytes changed': 'CERTIFICATE_ERROR',
      'verificationMaterial.certificate.rawBytes removed': 'BUNDLE_INVALID',
      'verificationMaterial.certificate removed': 'BUNDLE_INVALID',
      // v0.3 requires the inclusion proof; without the promise there is no trusted time.
      'tlogEntries[0].inclusionProof removed': 'BUNDLE_INVALID',
      'tlogEntries[0].inclusionPromise removed': 'TIMESTAMP_ERROR',
    },
  },
  {
    name: 'v0.1, x509CertificateChain, intoto tlog entry (sigstore-js)',
    artifact: join(GH, 'sigstore-js-2.1.0.tgz'),
    bundle: join(GH, 'sigstore-js-2.1.0-bundle-v0.1.json'),
    policy: { repo: 'sigstore/sigstore-js' },
    expected: {
      ...COMMON,
      'verificationMaterial.x509CertificateChain.certificates[0].rawBytes changed':
        'CERTIFICATE_ERROR',
      'verificationMaterial.x509CertificateChain.certificates[0].rawBytes removed':
        'BUNDLE_INVALID',
      'verificationMaterial.x509CertificateChain.certificates[0] removed': 'BUNDLE_INVALID',
      'verificationMaterial.x509CertificateChain.certificates removed': 'BUNDLE_INVALID',
      'verificationMaterial.x509CertificateChain removed': 'BUNDLE_INVALID',
      // v0.1 requires the promise (SET), which alone proves inclusion: without the proof the
      // bundle is still a valid v0.1 bundle.
      'tlogEntries[0].inclusionPromise removed': 'BUNDLE_INVALID',
      'tlogEntries[0].inclusionProof removed': 'STILL_VALID',
    },
  },
];

function classify(path: string, what: string): string {
  if (path.startsWith('payload:')) return `payload ${what}`;
  if (path.startsWith('cert:')) return `cert ${what}`;
  return `${path.replace(/^verificationMaterial\.(tlogEntries)/, '$1').replace(/hashes\[\d+\]/, 'hashes[*]')} ${what}`;
}

describe.each(CASES)('mutated bundles: $name', ({ artifact, bundle, policy, expected }) => {
  it('rejects every mutation with its specific reason, and accepts none wrongly', async () => {
    const base = (await readEvidence(bundle))[0]!.json;
    const verify = (json: unknown) =>
      verifyArtifact(
        { path: artifact, evidence: [{ source: 'mutated', json } as Evidence] },
        policy,
        trust,
      );
    expect((await verify(base)).verified).toBe(true);
    const got: string[] = [];
    const want: string[] = [];
    let certFields = 0;
    for (const m of mutateBundle(base as never)) {
      const r = await verify(m.bundle);
      const key = classify(m.path, m.what);
      if (m.path.startsWith('cert:')) certFields++;
      got.push(`${m.path} ${m.what} -> ${r.verified ? 'STILL_VALID' : r.failure?.reason}`);
      want.push(`${m.path} ${m.what} -> ${expected[key] ?? `(unclassified: ${key})`}`);
    }
    expect(got).toEqual(want);
    expect(certFields).toBeGreaterThan(40);
    expect(got.length).toBeGreaterThan(100);
  }, 120_000);
});
