import { X509Certificate as NodeX509 } from 'node:crypto';
import type { Bundle } from '@sigstore/bundle';
import { RFC3161Timestamp, X509Certificate } from '@sigstore/core';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import { PolicyError, toSignedEntity, VerificationError, Verifier } from '@sigstore/verify';
import type { ArtifactData } from './artifact.js';
import { type CertificateIdentity, certificateIdentity } from './certificate.js';
import type { FailureReason } from './errors.js';
import { quote } from './parse.js';
import { PrehashUnsupported, prehashedContent } from './prehashed.js';
import { fail, pass, type StageResult } from './stage.js';
import { looksLikeGitHubFulcio, type NamedTrustedRoot, rootIssued, type Trust } from './trust.js';

/** The verified certificate fields, plus validity. */
export interface CertificateSummary extends CertificateIdentity {
  notBefore: string;
  notAfter: string;
}

export interface TlogEntrySummary {
  logIndex: string;
  logId: string;
  /** Only when the log signed it (a signed entry timestamp): otherwise it is nobody's word. */
  integratedTime?: string;
  kind: string;
}

/** A time something trusted signed: a log's signed entry timestamp, or an RFC 3161 timestamp. */
export interface SignedTime {
  kind: 'transparency-log' | 'timestamp-authority';
  time: string;
}

/** What the cryptography proves about a bundle, whatever artifact it is checked against. */
export interface CryptoFacts {
  trustedRoot?: string;
  /** From the certificate; absent for a key-signed bundle. */
  identity?: CertificateIdentity;
  certificate?: CertificateSummary;
  timestamps: SignedTime[];
  tlogEntries: TlogEntrySummary[];
}

/** How far a certificate, log entry or timestamp may be ahead of our clock. */
export const CLOCK_SKEW_MS = 5 * 60_000;

const SIGSTORE_CODES = new Set<string>([
  'SIGNATURE_ERROR',
  'CERTIFICATE_ERROR',
  'PUBLIC_KEY_ERROR',
  'TLOG_ERROR',
  'TLOG_INCLUSION_PROOF_ERROR',
  'TLOG_INCLUSION_PROMISE_ERROR',
  'TLOG_MISSING_INCLUSION_ERROR',
  'TLOG_BODY_ERROR',
  'TIMESTAMP_ERROR',
  'UNTRUSTED_SIGNER_ERROR',
]);

const bad = (reason: FailureReason, message: string) =>
  fail<CryptoFacts>('crypto', reason, message);

export function messageDigestAlgorithm(
  md: { algorithm: HashAlgorithm } | undefined,
): 'sha256' | 'sha512' | undefined {
  return md?.algorithm === HashAlgorithm.SHA2_512
    ? 'sha512'
    : md?.algorithm === HashAlgorithm.SHA2_256
      ? 'sha256'
      : undefined;
}

/**
 * @sigstore/core's ASN.1 reader ignores a few bits outside the signed part of a certificate
 * (outer tags, a BIT STRING's unused-bits count, the signature value's tag). OpenSSL's strict
 * DER parse must read the same bytes back, so such edits are refused rather than ignored.
 */
function strictCertificate(der: Buffer): NodeX509 | undefined {
  let cert: NodeX509 | undefined;
  try {
    cert = new NodeX509(der);
  } catch {
    return undefined;
  }
  return Buffer.compare(cert.raw, der) === 0 ? cert : undefined;
}

/**
 * A bundle's certificate chain must stop below the root (Sigstore client spec; the
 * sigstore-conformance suite rejects has_root_in_chain): trust anchors come from the trusted
 * root only, never from the bundle. Returns what is wrong, if anything.
 */
function rootInChain(certificates: { rawBytes: Uint8Array }[]): string | undefined {
  for (const [i, c] of certificates.entries()) {
    let cert: NodeX509;
    try {
      cert = new NodeX509(Buffer.from(c.rawBytes));
    } catch {
      return `certificate ${i} of the bundle's chain does not parse`;
    }
    if (cert.checkIssued(cert) && cert.verify(cert.publicKey))
      return `the bundle's certificate chain includes a self-signed root certificate (${cert.subject.replace(/\n/g, ', ')}): roots come from the trusted root only`;
  }
  return undefined;
}

/** A second opinion on the leaf's signature, from OpenSSL, by a CA of the chosen root. */
const opensslIssued = (leaf: NodeX509, root: NamedTrustedRoot): boolean =>
  root.caCertificates().some((issuer) => leaf.checkIssued(issuer) && leaf.verify(issuer.publicKey));

async function chooseRoot(trust: Trust, leaf: NodeX509): Promise<StageResult<NamedTrustedRoot>> {
  const found = trust.roots.find((r) => rootIssued(r, leaf));
  if (found) return pass(found);
  if (trust.loadGitHub && looksLikeGitHubFulcio(leaf)) {
    let github: NamedTrustedRoot;
    try {
      github = await trust.loadGitHub();
    } catch (err) {
      return fail(
        'crypto',
        'TRUST_ROOT_UNAVAILABLE',
        `signed by GitHub's Sigstore instance (private repositories), whose trusted root comes from its TUF repository, which could not be reached (${(err as Error).message}); run once online (it is then cached) or pass --trusted-root FILE (gh attestation trusted-root > trusted_root.jsonl)`,
      );
    }
    if (rootIssued(github, leaf)) return pass(github);
  }
  if (trust.roots.length === 0)
    return fail('crypto', 'CERTIFICATE_ERROR', 'no trusted root to verify the certificate against');
  // None issued it: let @sigstore/verify say precisely why the chain does not verify.
  return pass(trust.roots[0]!);
}

/** RFC 3161 timestamps must parse fully now, so that what @sigstore/verify cannot read is said so. */
function unreadableTimestamp(bundle: Bundle): string | undefined {
  for (const ts of bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []) {
    try {
      // The fields are read lazily: read the ones @sigstore/verify needs now, so that content it
      // cannot read (BER where DER is required) is reported as such, not as a TypeError later.
      const t = RFC3161Timestamp.parse(Buffer.from(ts.signedTimestamp));
      if (!(t.signingTime instanceof Date) || Number.isNaN(t.signingTime.getTime()))
        throw new Error('no genTime');
      void t.signerSerialNumber;
    } catch (err) {
      return `an RFC 3161 timestamp does not parse: ${err instanceof TypeError ? 'a field is missing or not DER-encoded' : (err as Error).message}`;
    }
  }
  return undefined;
}

/** The signature content over the artifact: its bytes, or (digest only) its given digest. */
async function signedEntity(
  bundle: Bundle,
  data: ArtifactData,
): Promise<StageResult<ReturnType<typeof toSignedEntity>>> {
  if (bundle.content.$case !== 'messageSignature') return pass(toSignedEntity(bundle));
  const bytes = data.read();
  if (bytes) return pass(toSignedEntity(bundle, await bytes));
  // Only a digest of the artifact was given: the signature is checked over that digest.
  const algorithm = messageDigestAlgorithm(bundle.content.messageSignature.messageDigest);
  const hex = algorithm === undefined ? undefined : await data.digest(algorithm);
  if (hex === undefined)
    return fail(
      'crypto',
      'SUBJECT_MISMATCH',
      `the signature is over a ${algorithm ?? 'non-SHA-2'} digest of the artifact, and no such digest was given`,
    );
  const entity = toSignedEntity(bundle);
  entity.signature = await prehashedContent(entity.signature, Buffer.from(hex, 'hex'));
  return pass(entity);
}

function verifierFor(bundle: Bundle, trust: Trust, root: NamedTrustedRoot | undefined): Verifier {
  if (bundle.verificationMaterial.content.$case === 'publicKey') {
    const key = trust.publicKey!;
    const material = {
      ...(trust.roots[0]?.material ?? {
        certificateAuthorities: [],
        timestampAuthorities: [],
        tlogs: [],
        ctlogs: [],
      }),
      publicKey: () => ({ publicKey: key, validFor: () => true }),
    };
    // A key is not bound to a time: timestamps and tlog entries are checked when present.
    return new Verifier(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 });
  }
  const m = root!.material;
  return new Verifier(m, {
    // GitHub's instance has no transparency log and no CT log: its roots list none.
    tlogThreshold: m.tlogs.length > 0 ? 1 : 0,
    ctlogThreshold: m.ctlogs.length > 0 ? 1 : 0,
    timestampThreshold: 1,
  });
}

function sigstoreFailure(err: unknown): StageResult<CryptoFacts> {
  if (err instanceof PrehashUnsupported) return bad('SIGNATURE_ERROR', err.message);
  if (
    (err instanceof VerificationError || err instanceof PolicyError) &&
    SIGSTORE_CODES.has(err.code)
  )
    return bad(
      err.code as FailureReason,
      `${err.message}${err.cause ? `: ${(err.cause as Error).message ?? err.cause}` : ''}`,
    );
  return bad('BUNDLE_INVALID', `the bundle does not verify: ${(err as Error).message}`);
}

/**
 * @sigstore/verify proves inclusion against the signed checkpoint; the proof's own copy of the
 * root hash and tree size must then be the checkpoint's, or the bundle says two things.
 */
function inconsistentCheckpoint(bundle: Bundle): string | undefined {
  for (const e of bundle.verificationMaterial.tlogEntries) {
    const proof = e.inclusionProof;
    if (!proof?.checkpoint?.envelope) continue;
    const [, size, root] = proof.checkpoint.envelope.split('\n');
    if (size !== proof.treeSize || root !== Buffer.from(proof.rootHash).toString('base64'))
      return `tlog entry ${quote(e.logIndex)}: the inclusion proof's root hash or tree size differs from its signed checkpoint`;
  }
  return undefined;
}

/**
 * @sigstore/verify checks a log key's validity only through a SET, at its integrated time; a
 * checkpoint (all a Rekor v2 entry has) is accepted from any key with the log's id. A key that
 * was retired, or not yet trusted, when the signature was timestamped must not vouch for the
 * entry either: its validFor must cover every verified time.
 */
function logKeyUntrusted(
  bundle: Bundle,
  tlogs: NamedTrustedRoot['material']['tlogs'],
  times: Date[],
): string | undefined {
  for (const e of bundle.verificationMaterial.tlogEntries) {
    if (!e.inclusionProof) continue;
    const keyId = Buffer.from(e.logId?.keyId ?? []);
    const keys = tlogs.filter((t) => t.logID.equals(keyId));
    for (const time of times)
      if (!keys.some((k) => k.validFor.start <= time && time <= k.validFor.end))
        return `tlog entry ${quote(e.logIndex)}: the log's key was not trusted at ${time.toISOString()}, when the signature was timestamped (outside its validFor in the trusted root)`;
  }
  return undefined;
}

/** The times something signed: RFC 3161 timestamps, and log entries with a signed entry timestamp. */
function signedTimes(entity: ReturnType<typeof toSignedEntity>): SignedTime[] {
  return entity.timestamps.flatMap((t): SignedTime[] =>
    t.$case === 'timestamp-authority'
      ? [{ kind: t.$case, time: t.timestamp.signingTime.toISOString() }]
      : t.tlogEntry.inclusionPromise
        ? [
            {
              kind: t.$case,
              time: new Date(Number(t.tlogEntry.integratedTime) * 1000).toISOString(),
            },
          ]
        : [],
  );
}

/** A certificate, log entry or timestamp dated after now (plus the allowed skew). */
function fromTheFuture(
  bundle: Bundle,
  entity: ReturnType<typeof toSignedEntity>,
  leaf: X509Certificate | undefined,
  now: number,
): StageResult<CryptoFacts> | undefined {
  const limit = now + CLOCK_SKEW_MS;
  const future = (t: Date) => t.getTime() > limit;
  const when = (t: Date) =>
    `${t.toISOString()}, more than 5 minutes after ${new Date(now).toISOString()}`;
  if (leaf && future(leaf.notBefore))
    return bad(
      'CERTIFICATE_ERROR',
      `the signing certificate is dated in the future (valid from ${when(leaf.notBefore)})`,
    );
  for (const e of bundle.verificationMaterial.tlogEntries) {
    const t = new Date(Number(e.integratedTime) * 1000);
    if (e.integratedTime && future(t))
      return bad(
        'TLOG_ERROR',
        `tlog entry ${quote(e.logIndex)} is dated in the future (${when(t)})`,
      );
  }
  for (const t of entity.timestamps)
    if (t.$case === 'timestamp-authority' && future(t.timestamp.signingTime))
      return bad(
        'TIMESTAMP_ERROR',
        `an RFC 3161 timestamp is dated in the future (${when(t.timestamp.signingTime)})`,
      );
  return undefined;
}

/**
 * Stage 2, cryptography: @sigstore/verify (signature, chain, SCTs, tlog, timestamps) and our
 * additions (strict DER, no root in the chain, OpenSSL's second opinion, checkpoint consistency,
 * log key validity, nothing dated in the future). For a DSSE bundle nothing here depends on the
 * artifact; a message signature is verified over the artifact's bytes (or given digest).
 */
export async function cryptoStage(
  bundle: Bundle,
  data: ArtifactData,
  trust: Trust,
  now: number,
): Promise<StageResult<CryptoFacts>> {
  const vm = bundle.verificationMaterial.content;
  let leaf: X509Certificate | undefined;
  let nodeLeaf: NodeX509 | undefined;
  let root: NamedTrustedRoot | undefined;
  if (vm.$case === 'publicKey') {
    if (!trust.publicKey)
      return bad(
        'PUBLIC_KEY_ERROR',
        'the bundle is signed with a key, not a certificate: pass the public key with --key',
      );
  } else {
    const raw = Buffer.from(
      (vm.$case === 'certificate'
        ? vm.certificate.rawBytes
        : vm.x509CertificateChain.certificates[0]?.rawBytes) ?? [],
    );
    try {
      leaf = X509Certificate.parse(raw);
    } catch (err) {
      return bad(
        'CERTIFICATE_ERROR',
        `the signing certificate does not parse: ${(err as Error).message}`,
      );
    }
    nodeLeaf = strictCertificate(raw);
    if (!nodeLeaf) return bad('CERTIFICATE_ERROR', 'the signing certificate is not strict DER');
    if (vm.$case === 'x509CertificateChain') {
      const problem = rootInChain(vm.x509CertificateChain.certificates);
      if (problem) return bad('CERTIFICATE_ERROR', problem);
    }
    const chosen = await chooseRoot(trust, nodeLeaf);
    if (!chosen.ok) return chosen as StageResult<CryptoFacts>;
    root = chosen.facts;
  }
  // Once a root is chosen, a failure still says which one it was checked against.
  const withRoot = (r: StageResult<CryptoFacts>): StageResult<CryptoFacts> =>
    r.ok || !root ? r : { ...r, facts: { trustedRoot: root.name } };
  const unreadable = unreadableTimestamp(bundle);
  if (unreadable) return withRoot(bad('TIMESTAMP_ERROR', unreadable));
  const built = await signedEntity(bundle, data);
  if (!built.ok) return withRoot(built as StageResult<CryptoFacts>);
  const entity = built.facts;
  try {
    verifierFor(bundle, trust, root).verify(entity);
  } catch (err) {
    return withRoot(sigstoreFailure(err));
  }
  if (nodeLeaf && root && !opensslIssued(nodeLeaf, root))
    return withRoot(
      bad(
        'CERTIFICATE_ERROR',
        'the signing certificate was not issued by a trusted CA (OpenSSL check)',
      ),
    );
  const inconsistent = inconsistentCheckpoint(bundle);
  if (inconsistent) return withRoot(bad('TLOG_INCLUSION_PROOF_ERROR', inconsistent));
  const timestamps = signedTimes(entity);
  const tlogs = (root ?? trust.roots[0])?.material.tlogs ?? [];
  const untrusted = logKeyUntrusted(
    bundle,
    tlogs,
    timestamps.map((t) => new Date(t.time)),
  );
  if (untrusted) return withRoot(bad('TLOG_INCLUSION_PROOF_ERROR', untrusted));
  const future = fromTheFuture(bundle, entity, leaf, now);
  if (future) return withRoot(future);

  let identity: CertificateIdentity | undefined;
  try {
    identity = leaf ? certificateIdentity(leaf) : undefined;
  } catch (err) {
    return bad('CERTIFICATE_ERROR', (err as Error).message);
  }
  return pass({
    ...(root ? { trustedRoot: root.name } : {}),
    ...(leaf && identity
      ? {
          identity,
          certificate: {
            ...identity,
            notBefore: leaf.notBefore.toISOString(),
            notAfter: leaf.notAfter.toISOString(),
          },
        }
      : {}),
    timestamps,
    tlogEntries: bundle.verificationMaterial.tlogEntries.map((e) => ({
      logIndex: e.logIndex,
      logId: Buffer.from(e.logId?.keyId ?? []).toString('hex'),
      ...(e.inclusionPromise && e.integratedTime && e.integratedTime !== '0'
        ? { integratedTime: new Date(Number(e.integratedTime) * 1000).toISOString() }
        : {}),
      kind: `${e.kindVersion?.kind ?? '?'}/${e.kindVersion?.version ?? '?'}`,
    })),
  });
}
