import { X509Certificate as NodeX509 } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  type DigestAlgorithm,
  digestFile,
  fileError,
  MediaType,
  PredicateType,
  parseStatement,
  type Statement,
} from '@build-artifact/core';
import { type Bundle, bundleFromJSON } from '@sigstore/bundle';
import { RFC3161Timestamp, X509Certificate } from '@sigstore/core';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import { PolicyError, toSignedEntity, VerificationError, Verifier } from '@sigstore/verify';
import { type CertificateIdentity, certificateIdentity } from './certificate.js';
import { CheckFailed, type Failure, type FailureReason, VerifyError } from './errors.js';
import { type Evidence, findEvidenceFiles, readEvidence } from './evidence.js';
import {
  asksAboutProvenance,
  checkIdentity,
  hasIdentityConstraint,
  type VerifyPolicy,
} from './policy.js';
import { PrehashUnsupported, prehashedContent } from './prehashed.js';
import { type CrossCheck, crossCheck, type SlsaLevel, slsaLevel } from './provenance.js';
import { looksLikeGitHubFulcio, type NamedTrustedRoot, rootIssued, type Trust } from './trust.js';

/** What to verify: a file on disk, or a subject digest (OCI) with its evidence. */
export interface ArtifactInput {
  /** The artifact file; hashed to compare with the statement's subjects. */
  path?: string;
  /** The subject digest when there is no file (an OCI manifest): `{ sha256: hex }`. */
  digest?: Partial<Record<DigestAlgorithm, string>>;
  /**
   * Other digests (`sha256:hex`) that name the same artifact, e.g. the OCI manifest (and index)
   * it was pulled by: a statement naming one of them is about this artifact too.
   */
  alsoKnownAs?: readonly string[];
  /** How the artifact is named in the result; default the path. */
  name?: string;
  /** Bundles to check; default: the evidence files found beside `path`. */
  evidence?: Evidence[];
}

/** The verified certificate fields, plus validity. */
export interface CertificateSummary extends CertificateIdentity {
  notBefore: string;
  notAfter: string;
}

export interface TlogEntrySummary {
  logIndex: string;
  logId: string;
  integratedTime?: string;
  kind: string;
}

/** One bundle tried for an artifact. */
export interface Attempt {
  source: string;
  verified: boolean;
  predicateType?: string;
  failure?: Failure;
}

/**
 * The result for one artifact (`--format json` prints it as is; the schema is in the README).
 * `verified` is true only when every check passed.
 */
export interface VerificationResult {
  artifact: string;
  digest: Partial<Record<DigestAlgorithm, string>>;
  verified: boolean;
  /** The check that failed (from the bundle that got furthest), absent when verified. */
  failure?: Failure & { source?: string };
  /** The bundle that verified (or got furthest). */
  source?: string;
  bundle?: {
    mediaType: string;
    content: 'dsseEnvelope' | 'messageSignature';
    signedWith: 'certificate' | 'key';
  };
  trustedRoot?: string;
  certificate?: CertificateSummary;
  timestamps: { kind: 'transparency-log' | 'timestamp-authority'; time: string }[];
  tlogEntries: TlogEntrySummary[];
  statement?: {
    predicateType: string;
    subjects: { name?: string; digest: Record<string, string> }[];
    buildType?: string;
    builderId?: string;
  };
  crossChecks: CrossCheck[];
  /** True when cross-check mismatches fail verification (gh-style flags or a minimum level). */
  crossChecksEnforced: boolean;
  slsa?: SlsaLevel;
  /** With requireSbom: the SBOM attestation that verified. */
  sbom?: { source: string; verified: boolean; failure?: Failure };
  attempts: Attempt[];
  warnings: string[];
}

const STAGE = { parse: 0, crypto: 1, statement: 2, identity: 3, crossCheck: 4, level: 5 } as const;

interface Outcome {
  source: string;
  ok: boolean;
  stage: number;
  failure?: Failure;
  predicateType?: string;
  details: Partial<VerificationResult>;
}

class ArtifactData {
  private digests = new Map<DigestAlgorithm, Promise<string>>();
  private bytes?: Promise<Buffer>;
  constructor(private readonly input: ArtifactInput) {}
  digest(algorithm: DigestAlgorithm): Promise<string | undefined> {
    const given = this.input.digest?.[algorithm];
    if (given !== undefined) return Promise.resolve(given.toLowerCase());
    if (this.input.path === undefined) return Promise.resolve(undefined);
    let p = this.digests.get(algorithm);
    if (!p) {
      p = digestFile(this.input.path, [algorithm]).then((d) => d[algorithm]!);
      this.digests.set(algorithm, p);
    }
    return p;
  }
  read(): Promise<Buffer> | undefined {
    if (this.input.path === undefined) return undefined;
    const path = this.input.path;
    this.bytes ??= readFile(path).catch((err) => {
      throw fileError(path, err);
    });
    return this.bytes;
  }
  aliases(): readonly string[] {
    return this.input.alsoKnownAs ?? [];
  }
  known(): Partial<Record<DigestAlgorithm, string>> {
    return { ...this.input.digest };
  }
}

const fail = (reason: FailureReason, message: string, stage: number): never => {
  throw new CheckFailed(reason, message, stage);
};

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

function isStatementShaped(json: unknown): boolean {
  return typeof json === 'object' && json !== null && '_type' in json && 'subject' in json;
}

async function checkSubject(
  statement: Statement,
  data: ArtifactData,
  details: Partial<VerificationResult>,
) {
  const digests: Partial<Record<DigestAlgorithm, string>> = {};
  const aliases = new Set(data.aliases());
  for (const subject of statement.subject) {
    for (const [algorithm, hex] of Object.entries(subject.digest))
      if (aliases.has(`${algorithm}:${String(hex).toLowerCase()}`)) return;
    for (const algorithm of ['sha256', 'sha512'] as const) {
      const want = subject.digest[algorithm];
      if (want === undefined) continue;
      const have = await data.digest(algorithm);
      if (have === undefined) continue;
      digests[algorithm] = have;
      if (have === want.toLowerCase()) {
        details.digest = { ...details.digest, [algorithm]: have };
        return;
      }
    }
  }
  if (Object.keys(digests).length === 0) {
    // No subject uses sha256 or sha512: say what the artifact's sha256 is anyway.
    const sha256 = await data.digest('sha256');
    if (sha256) digests.sha256 = sha256;
  }
  details.digest = { ...details.digest, ...digests };
  const names = statement.subject
    .map((s) => s.name ?? '(unnamed)')
    .slice(0, 5)
    .join(', ');
  fail(
    'SUBJECT_MISMATCH',
    `the artifact's digest (${
      Object.entries(digests)
        .map(([a, h]) => `${a}:${h}`)
        .join(', ') || 'unknown'
    }) is not a subject of the statement (subjects: ${names}${statement.subject.length > 5 ? ', ...' : ''})`,
    STAGE.statement,
  );
}

function summarizeStatement(statement: Statement): VerificationResult['statement'] {
  const p = statement.predicate as
    | { buildDefinition?: { buildType?: unknown }; runDetails?: { builder?: { id?: unknown } } }
    | undefined;
  const buildType = p?.buildDefinition?.buildType;
  const builderId = p?.runDetails?.builder?.id;
  return {
    predicateType: statement.predicateType,
    subjects: statement.subject.map((s) => ({
      ...(s.name !== undefined ? { name: s.name } : {}),
      digest: { ...s.digest },
    })),
    ...(typeof buildType === 'string' ? { buildType } : {}),
    ...(typeof builderId === 'string' ? { builderId } : {}),
  };
}

async function chooseRoot(trust: Trust, leaf: NodeX509): Promise<NamedTrustedRoot> {
  const found = trust.roots.find((r) => rootIssued(r, leaf));
  if (found) return found;
  if (trust.loadGitHub && looksLikeGitHubFulcio(leaf)) {
    let github: NamedTrustedRoot;
    try {
      github = await trust.loadGitHub();
    } catch (err) {
      return fail(
        'TRUST_ROOT_UNAVAILABLE',
        `signed by GitHub's Sigstore instance (private repositories), whose trusted root comes from its TUF repository, which could not be reached (${(err as Error).message}); run once online (it is then cached) or pass --trusted-root FILE (gh attestation trusted-root > trusted_root.jsonl)`,
        STAGE.crypto,
      );
    }
    if (rootIssued(github, leaf)) return github;
  }
  if (trust.roots.length === 0)
    return fail(
      'CERTIFICATE_ERROR',
      'no trusted root to verify the certificate against',
      STAGE.crypto,
    );
  // None issued it: let @sigstore/verify say precisely why the chain does not verify.
  return trust.roots[0]!;
}

interface BundleCheckOptions {
  predicateType: string | undefined;
  /** Whether cross-checks and the level are evaluated (the SBOM pass skips them). */
  provenance: boolean;
}

async function checkBundle(
  evidence: Evidence,
  data: ArtifactData,
  policy: VerifyPolicy,
  trust: Trust,
  options: BundleCheckOptions,
): Promise<Outcome> {
  const details: Partial<VerificationResult> = {
    crossChecks: [],
    timestamps: [],
    tlogEntries: [],
    warnings: [],
  };
  const outcome: Outcome = { source: evidence.source, ok: false, stage: STAGE.parse, details };
  try {
    await runChecks(evidence, data, policy, trust, options, details, outcome);
    outcome.ok = true;
  } catch (err) {
    if (err instanceof CheckFailed) {
      outcome.stage = err.stage;
      outcome.failure = { reason: err.reason, message: err.message };
    } else if (
      err instanceof VerifyError ||
      (err as { code?: string }).code === 'FILE_NOT_FOUND' ||
      (err as { code?: string }).code === 'FILE_UNREADABLE'
    ) {
      throw err;
    } else {
      outcome.failure = { reason: 'BUNDLE_INVALID', message: (err as Error).message };
    }
  }
  return outcome;
}

async function runChecks(
  evidence: Evidence,
  data: ArtifactData,
  policy: VerifyPolicy,
  trust: Trust,
  options: BundleCheckOptions,
  details: Partial<VerificationResult>,
  outcome: Outcome,
): Promise<void> {
  const enforce = options.provenance && asksAboutProvenance(policy);
  details.crossChecksEnforced = enforce;
  // Unsigned in-toto statement: SLSA L1 at most, and never "verified".
  if (isStatementShaped(evidence.json)) {
    let statement: Statement;
    try {
      statement = parseStatement(evidence.json, evidence.source);
    } catch (err) {
      return fail('STATEMENT_INVALID', (err as Error).message, STAGE.parse);
    }
    details.statement = summarizeStatement(statement);
    outcome.predicateType = statement.predicateType;
    await checkSubject(statement, data, details);
    details.slsa = slsaLevel(
      'unsigned',
      statement.predicateType === PredicateType.SLSA_PROVENANCE_V1,
    );
    return fail(
      'UNSIGNED',
      'the statement is not signed: it proves nothing about who built the artifact',
      STAGE.crypto,
    );
  }

  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(evidence.json);
  } catch (err) {
    return fail(
      'BUNDLE_INVALID',
      `not a valid Sigstore bundle: ${(err as Error).message}`,
      STAGE.parse,
    );
  }
  const content = bundle.content.$case;
  const vm = bundle.verificationMaterial.content;
  const signedWith = vm.$case === 'publicKey' ? 'key' : 'certificate';
  details.bundle = { mediaType: bundle.mediaType, content, signedWith };

  // 1. Cryptography: @sigstore/verify (signature, chain, SCTs, tlog, timestamps).
  let leaf: X509Certificate | undefined;
  let nodeLeaf: NodeX509 | undefined;
  let root: NamedTrustedRoot | undefined;
  if (vm.$case === 'publicKey') {
    if (!trust.publicKey)
      return fail(
        'PUBLIC_KEY_ERROR',
        'the bundle is signed with a key, not a certificate: pass the public key with --key',
        STAGE.crypto,
      );
  } else {
    const raw =
      vm.$case === 'certificate'
        ? vm.certificate.rawBytes
        : vm.x509CertificateChain.certificates[0]?.rawBytes;
    try {
      leaf = X509Certificate.parse(Buffer.from(raw ?? []));
    } catch (err) {
      return fail(
        'CERTIFICATE_ERROR',
        `the signing certificate does not parse: ${(err as Error).message}`,
        STAGE.crypto,
      );
    }
    nodeLeaf = strictCertificate(Buffer.from(raw ?? []));
    if (vm.$case === 'x509CertificateChain')
      rejectRootInChain(vm.x509CertificateChain.certificates);
    root = await chooseRoot(trust, nodeLeaf);
    details.trustedRoot = root.name;
  }
  for (const ts of bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []) {
    try {
      // The fields are read lazily: read the ones @sigstore/verify needs now, so that content it
      // cannot read (BER where DER is required) is reported as such, not as a TypeError later.
      const t = RFC3161Timestamp.parse(Buffer.from(ts.signedTimestamp));
      if (!(t.signingTime instanceof Date) || Number.isNaN(t.signingTime.getTime()))
        throw new Error('no genTime');
      void t.signerSerialNumber;
    } catch (err) {
      return fail(
        'TIMESTAMP_ERROR',
        `an RFC 3161 timestamp does not parse: ${err instanceof TypeError ? 'a field is missing or not DER-encoded' : (err as Error).message}`,
        STAGE.crypto,
      );
    }
  }
  let artifactBytes: Buffer | undefined;
  let givenDigest: Buffer | undefined;
  if (content === 'messageSignature') {
    const bytes = data.read();
    if (bytes) artifactBytes = await bytes;
    else {
      // Only a digest of the artifact was given: the signature is checked over that digest.
      const algorithm = messageDigestAlgorithm(bundle.content.messageSignature.messageDigest);
      const hex = algorithm === undefined ? undefined : await data.digest(algorithm);
      if (hex === undefined)
        return fail(
          'SUBJECT_MISMATCH',
          `the signature is over a ${algorithm ?? 'non-SHA-2'} digest of the artifact, and no such digest was given`,
          STAGE.crypto,
        );
      givenDigest = Buffer.from(hex, 'hex');
    }
  }
  const entity = toSignedEntity(bundle, artifactBytes);
  if (givenDigest) entity.signature = await prehashedContent(entity.signature, givenDigest);
  let verifier: Verifier;
  if (vm.$case === 'publicKey') {
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
    verifier = new Verifier(material, {
      tlogThreshold: 0,
      ctlogThreshold: 0,
      timestampThreshold: 0,
    });
  } else {
    const m = root!.material;
    verifier = new Verifier(m, {
      // GitHub's instance has no transparency log and no CT log: its roots list none.
      tlogThreshold: m.tlogs.length > 0 ? 1 : 0,
      ctlogThreshold: m.ctlogs.length > 0 ? 1 : 0,
      timestampThreshold: 1,
    });
  }
  try {
    verifier.verify(entity);
    if (nodeLeaf && root) opensslIssued(nodeLeaf, root);
  } catch (err) {
    if (err instanceof CheckFailed) throw err;
    if (err instanceof PrehashUnsupported)
      return fail('SIGNATURE_ERROR', err.message, STAGE.crypto);
    if (
      (err instanceof VerificationError || err instanceof PolicyError) &&
      SIGSTORE_CODES.has(err.code)
    ) {
      return fail(
        err.code as FailureReason,
        `${err.message}${err.cause ? `: ${(err.cause as Error).message ?? err.cause}` : ''}`,
        STAGE.crypto,
      );
    }
    return fail(
      'BUNDLE_INVALID',
      `the bundle does not verify: ${(err as Error).message}`,
      STAGE.crypto,
    );
  }
  // @sigstore/verify proves inclusion against the signed checkpoint; the proof's own copy of the
  // root hash and tree size must then be the checkpoint's, or the bundle says two things.
  for (const e of bundle.verificationMaterial.tlogEntries) {
    const proof = e.inclusionProof;
    if (!proof?.checkpoint?.envelope) continue;
    const [, size, root] = proof.checkpoint.envelope.split('\n');
    if (size !== proof.treeSize || root !== Buffer.from(proof.rootHash).toString('base64'))
      return fail(
        'TLOG_INCLUSION_PROOF_ERROR',
        `tlog entry ${e.logIndex}: the inclusion proof's root hash or tree size differs from its signed checkpoint`,
        STAGE.crypto,
      );
  }
  // @sigstore/verify checks a log key's validity only through a SET, at its integrated time; a
  // checkpoint (all a Rekor v2 entry has) is accepted from any key with the log's id. A key that
  // was retired, or not yet trusted, when the signature was timestamped must not vouch for the
  // entry either: its validFor must cover every verified time.
  const trustedTimes = entity.timestamps.flatMap((t) =>
    t.$case === 'timestamp-authority'
      ? [t.timestamp.signingTime]
      : t.tlogEntry.inclusionPromise
        ? [new Date(Number(t.tlogEntry.integratedTime) * 1000)]
        : [],
  );
  const tlogs = (root ?? trust.roots[0])?.material.tlogs ?? [];
  for (const e of bundle.verificationMaterial.tlogEntries) {
    if (!e.inclusionProof) continue;
    const keyId = Buffer.from(e.logId?.keyId ?? []);
    const keys = tlogs.filter((t) => t.logID.equals(keyId));
    for (const time of trustedTimes)
      if (!keys.some((k) => k.validFor.start <= time && time <= k.validFor.end))
        return fail(
          'TLOG_INCLUSION_PROOF_ERROR',
          `tlog entry ${e.logIndex}: the log's key was not trusted at ${time.toISOString()}, when the signature was timestamped (outside its validFor in the trusted root)`,
          STAGE.crypto,
        );
  }
  for (const t of entity.timestamps) {
    if (t.$case === 'transparency-log')
      details.timestamps!.push({
        kind: t.$case,
        time: new Date(Number(t.tlogEntry.integratedTime) * 1000).toISOString(),
      });
    else details.timestamps!.push({ kind: t.$case, time: t.timestamp.signingTime.toISOString() });
  }
  details.tlogEntries = bundle.verificationMaterial.tlogEntries.map((e) => ({
    logIndex: e.logIndex,
    logId: Buffer.from(e.logId?.keyId ?? []).toString('hex'),
    ...(e.integratedTime && e.integratedTime !== '0'
      ? { integratedTime: new Date(Number(e.integratedTime) * 1000).toISOString() }
      : {}),
    kind: `${e.kindVersion?.kind ?? '?'}/${e.kindVersion?.version ?? '?'}`,
  }));
  let id: CertificateIdentity | undefined;
  try {
    id = leaf ? certificateIdentity(leaf) : undefined;
  } catch (err) {
    return fail('CERTIFICATE_ERROR', (err as Error).message, STAGE.crypto);
  }
  if (leaf && id)
    details.certificate = {
      ...id,
      notBefore: leaf.notBefore.toISOString(),
      notAfter: leaf.notAfter.toISOString(),
    };

  // 2. The statement and the artifact.
  let statement: Statement | undefined;
  if (bundle.content.$case === 'dsseEnvelope') {
    const env = bundle.content.dsseEnvelope;
    if (env.payloadType !== MediaType.IN_TOTO)
      return fail(
        'STATEMENT_INVALID',
        `payloadType is ${JSON.stringify(env.payloadType)}, expected ${MediaType.IN_TOTO}`,
        STAGE.statement,
      );
    try {
      statement = parseStatement(
        JSON.parse(Buffer.from(env.payload).toString('utf8')),
        `${evidence.source}: statement`,
      );
    } catch (err) {
      return fail('STATEMENT_INVALID', (err as Error).message, STAGE.statement);
    }
    details.statement = summarizeStatement(statement);
    outcome.predicateType = statement.predicateType;
    if (options.predicateType !== undefined && statement.predicateType !== options.predicateType)
      return fail(
        'PREDICATE_TYPE_MISMATCH',
        `predicate type is ${statement.predicateType}, expected ${options.predicateType}`,
        STAGE.statement,
      );
    await checkSubject(statement, data, details);
  } else {
    if (policy.predicateType !== undefined)
      return fail(
        'PREDICATE_TYPE_MISMATCH',
        `a plain message signature has no predicate, expected ${policy.predicateType}`,
        STAGE.statement,
      );
    const md = bundle.content.messageSignature.messageDigest;
    const algorithm = messageDigestAlgorithm(md);
    if (!md || !algorithm)
      return fail(
        'SUBJECT_MISMATCH',
        `the message digest algorithm ${String(md?.algorithm ?? '(absent)')} is not sha256 or sha512`,
        STAGE.statement,
      );
    const have = await data.digest(algorithm);
    const want = Buffer.from(md.digest).toString('hex');
    details.digest = { ...details.digest, [algorithm]: have };
    if (have !== want)
      return fail(
        'SUBJECT_MISMATCH',
        `the artifact's ${algorithm} is ${have}, the signature is over ${want}`,
        STAGE.statement,
      );
  }

  // 3. Identity, from the certificate only.
  if (id) checkIdentity(id, policy);
  else if (
    hasIdentityConstraint(policy) ||
    policy.certificateOidcIssuer ||
    policy.certificateOidcIssuerRegexp
  )
    return fail(
      'NO_CERTIFICATE_IDENTITY',
      'signed with a key: there is no certificate identity to check the identity flags against',
      STAGE.identity,
    );

  if (!options.provenance) return;
  // 4. Cross-checks between the predicate's claims and the certificate.
  if (statement) {
    details.crossChecks = crossCheck(statement, id);
    const mismatch = details.crossChecks.find((c) => c.status === 'mismatch');
    if (mismatch && enforce)
      return fail(
        mismatch.reason!,
        `forged or inconsistent provenance: ${mismatch.name}: ${mismatch.note}`,
        STAGE.crossCheck,
      );
    if (mismatch)
      details.warnings!.push(
        `provenance ${mismatch.name} does not match the certificate (not enforced with cosign-style flags): ${mismatch.note}`,
      );
  }
  // 5. SLSA Build level.
  details.slsa = slsaLevel(
    signedWith,
    statement?.predicateType === PredicateType.SLSA_PROVENANCE_V1,
    id,
  );
  if (policy.minSlsaLevel !== undefined && details.slsa.level < policy.minSlsaLevel)
    return fail(
      'SLSA_LEVEL_TOO_LOW',
      `SLSA Build L${policy.minSlsaLevel} required; the evidence supports ${details.slsa.reason}`,
      STAGE.level,
    );
}

/**
 * @sigstore/core's ASN.1 reader ignores a few bits outside the signed part of a certificate
 * (outer tags, a BIT STRING's unused-bits count, the signature value's tag). OpenSSL's strict
 * DER parse must read the same bytes back, so such edits are refused rather than ignored.
 */
function strictCertificate(der: Buffer): NodeX509 {
  let cert: NodeX509 | undefined;
  try {
    cert = new NodeX509(der);
  } catch {
    cert = undefined;
  }
  if (!cert || Buffer.compare(cert.raw, der) !== 0)
    return fail('CERTIFICATE_ERROR', 'the signing certificate is not strict DER', STAGE.crypto);
  return cert;
}

/**
 * A bundle's certificate chain must stop below the root (Sigstore client spec; the
 * sigstore-conformance suite rejects has_root_in_chain): trust anchors come from the trusted
 * root only, never from the bundle. A self-signed certificate anywhere in the chain is refused.
 */
function rejectRootInChain(certificates: { rawBytes: Uint8Array }[]): void {
  for (const [i, c] of certificates.entries()) {
    let cert: NodeX509 | undefined;
    try {
      cert = new NodeX509(Buffer.from(c.rawBytes));
    } catch {
      cert = undefined;
    }
    if (!cert)
      fail(
        'CERTIFICATE_ERROR',
        `certificate ${i} of the bundle's chain does not parse`,
        STAGE.crypto,
      );
    else if (cert.checkIssued(cert) && cert.verify(cert.publicKey))
      fail(
        'CERTIFICATE_ERROR',
        `the bundle's certificate chain includes a self-signed root certificate (${cert.subject.replace(/\n/g, ', ')}): roots come from the trusted root only`,
        STAGE.crypto,
      );
  }
}

/** A second opinion on the leaf's signature, from OpenSSL, by a CA of the chosen root. */
function opensslIssued(leaf: NodeX509, root: NamedTrustedRoot): void {
  const ok = root
    .caCertificates()
    .some((issuer) => leaf.checkIssued(issuer) && leaf.verify(issuer.publicKey));
  if (!ok)
    fail(
      'CERTIFICATE_ERROR',
      'the signing certificate was not issued by a trusted CA (OpenSSL check)',
      STAGE.crypto,
    );
}

function messageDigestAlgorithm(
  md: { algorithm: HashAlgorithm } | undefined,
): 'sha256' | 'sha512' | undefined {
  return md?.algorithm === HashAlgorithm.SHA2_512
    ? 'sha512'
    : md?.algorithm === HashAlgorithm.SHA2_256
      ? 'sha256'
      : undefined;
}

function best(outcomes: Outcome[]): Outcome | undefined {
  return outcomes.find((o) => o.ok) ?? [...outcomes].sort((a, b) => b.stage - a.stage)[0];
}

/**
 * Verifies one artifact against its bundles. Never throws for a failed check (the result says
 * which check failed and why); throws VerifyError only for input it cannot read.
 */
/** Shares work between the artifacts of one batch (see `createVerificationCache`). */
export interface VerifyOptions {
  cache?: VerificationCache;
}

/** What a batch of verifications shares; opaque. */
export interface VerificationCache {
  readonly kind: 'verification-cache';
}

export function createVerificationCache(): VerificationCache {
  return { kind: 'verification-cache' };
}

export async function verifyArtifact(
  input: ArtifactInput,
  policy: VerifyPolicy,
  trust: Trust,
  _options: VerifyOptions = {},
): Promise<VerificationResult> {
  const name = input.name ?? input.path ?? 'artifact';
  let evidence = input.evidence;
  if (evidence === undefined) {
    evidence = [];
    if (input.path !== undefined)
      for (const file of await findEvidenceFiles(input.path))
        evidence.push(...(await readEvidence(file)));
  }
  const data = new ArtifactData(input);
  const result: VerificationResult = {
    artifact: name,
    digest: data.known(),
    verified: false,
    timestamps: [],
    tlogEntries: [],
    crossChecks: [],
    crossChecksEnforced: asksAboutProvenance(policy),
    attempts: [],
    warnings: [],
  };
  if (evidence.length === 0) {
    const sha256 = await data.digest('sha256');
    if (sha256) result.digest.sha256 = sha256;
    result.failure = {
      reason: 'NO_BUNDLE',
      message:
        input.path !== undefined
          ? `no bundle given and none found beside ${input.path} (looked for .sigstore.json, .sbom.sigstore.json, .intoto.jsonl)`
          : 'no bundle found',
    };
    return result;
  }
  const predicateType = policy.predicateType ?? PredicateType.SLSA_PROVENANCE_V1;
  const outcomes: Outcome[] = [];
  for (const e of evidence) {
    const o = await checkBundle(e, data, policy, trust, { predicateType, provenance: true });
    outcomes.push(o);
    if (o.ok) break; // like gh: one attestation that satisfies the policy is enough
  }
  // A plain message signature (cosign sign-blob) has no predicate; accept it when no
  // predicate type was asked for.
  const chosen = best(outcomes)!;
  Object.assign(result, chosen.details);
  result.digest = { ...result.digest, ...chosen.details.digest };
  result.source = chosen.source;
  result.verified = chosen.ok;
  if (!chosen.ok) result.failure = { ...chosen.failure!, source: chosen.source };
  result.attempts = outcomes.map((o) => ({
    source: o.source,
    verified: o.ok,
    ...(o.predicateType ? { predicateType: o.predicateType } : {}),
    ...(o.failure ? { failure: o.failure } : {}),
  }));

  if (policy.requireSbom) {
    const sbomOutcomes: Outcome[] = [];
    for (const e of evidence) {
      const o = await checkBundle(e, data, policy, trust, {
        predicateType: PredicateType.CYCLONEDX_BOM,
        provenance: false,
      });
      sbomOutcomes.push(o);
      if (o.ok) break;
    }
    const sbom = best(sbomOutcomes)!;
    result.sbom = {
      source: sbom.source,
      verified: sbom.ok,
      ...(sbom.failure ? { failure: sbom.failure } : {}),
    };
    if (!sbom.ok && result.verified) {
      result.verified = false;
      result.failure = {
        reason: 'SBOM_MISSING',
        message: `no signed CycloneDX attestation for this artifact verifies${sbom.failure && sbom.failure.reason !== 'PREDICATE_TYPE_MISMATCH' ? ` (${sbom.source}: ${sbom.failure.message})` : ''}`,
      };
    }
  }
  if (result.digest.sha256 === undefined && result.digest.sha512 === undefined) {
    const sha256 = await data.digest('sha256');
    if (sha256) result.digest.sha256 = sha256;
  }
  return result;
}
