import { type DigestAlgorithm, isSbomPredicateType, PredicateType } from '@build-artifact/core';
import { ArtifactData, type ArtifactInput } from './artifact.js';
import { cacheOf, type VerificationCache } from './cache.js';
import type { CertificateSummary, CryptoFacts, SignedTime, TlogEntrySummary } from './crypto.js';
import type { VerifyStage } from './errors.js';
import { type Failure, VerifyError } from './errors.js';
import { EVIDENCE_SUFFIXES, type Evidence, evidenceFor } from './evidence.js';
import { asksAboutProvenance, identityStage, type VerifyPolicy, validatePolicy } from './policy.js';
import {
  type CrossCheck,
  crossCheckStage,
  levelStage,
  type SlsaLevel,
  slsaLevel,
} from './provenance.js';
import { STAGE_ORDER, type StageResult } from './stage.js';
import {
  readUnsignedStatement,
  type StatementFacts,
  type StatementSummary,
  type StatementWants,
  statementStage,
  subjectStage,
} from './statement.js';
import type { Trust } from './trust.js';

export type { ArtifactInput } from './artifact.js';
export type { CertificateSummary, SignedTime, TlogEntrySummary } from './crypto.js';

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
  /** Only times something signed: RFC 3161 timestamps and log entries with a signed entry timestamp. */
  timestamps: SignedTime[];
  tlogEntries: TlogEntrySummary[];
  statement?: StatementSummary;
  crossChecks: CrossCheck[];
  /** True when cross-check mismatches fail verification (gh-style flags or a minimum level). */
  crossChecksEnforced: boolean;
  /**
   * The predicate's claims (`builder.id`, `sourceCommit`, `sourceRepository`, `sourceRef`) that
   * nothing verified: a key signed, the buildType is unknown, or the certificate does not say.
   * Show them as claims, never as facts.
   */
  uncheckedClaims: string[];
  slsa?: SlsaLevel;
  /** With requireSbom: the SBOM attestation that verified (or got furthest). */
  sbom?: { source: string; verified: boolean; failure?: Failure };
  attempts: Attempt[];
  warnings: string[];
  /**
   * The bundles this verdict rests on (the provenance and SBOM attestations that verified):
   * where each came from and the SHA-256 of its RFC 8785 JSON. Absent when nothing verified.
   */
  inputAttestations?: AttestationRef[];
}

/** An attestation used for a verdict: a VSA's `inputAttestations` entry. */
export interface AttestationRef {
  /** Where it came from: a file, `file:line`, or the OCI reference of a referrer. */
  uri: string;
  digest: { sha256: string };
}

export interface VerifyOptions {
  /**
   * Verify each distinct bundle's cryptography once across calls: pass the same
   * `createVerificationCache()` to every call of a batch. Without it, once per call.
   */
  cache?: VerificationCache;
}

/** One piece of evidence checked for one purpose: how far it got, and what it showed. */
interface Outcome {
  source: string;
  ok: boolean;
  /** The stage reached: a failure's stage, or the last one run. */
  reached: VerifyStage;
  failure?: Failure;
  predicateType?: string;
  details: Partial<VerificationResult>;
}

interface Context {
  data: ArtifactData;
  policy: VerifyPolicy;
  trust: Trust;
  cache: ReturnType<typeof cacheOf>;
  now: number;
}

/** What the evidence is checked for: the provenance policy, or the SBOM requirement. */
type Purpose =
  | { kind: 'provenance'; wants: StatementWants; enforce: boolean }
  | { kind: 'sbom'; wants: StatementWants };

function provenancePurpose(policy: VerifyPolicy): Purpose {
  const predicateType = policy.predicateType ?? PredicateType.SLSA_PROVENANCE_V1;
  // A plain message signature (cosign sign-blob) has no predicate: it counts only where no
  // predicate type and nothing about provenance was asked (gh finds no attestation there).
  const messageSignatureRefused =
    policy.predicateType !== undefined
      ? `a plain message signature has no predicate, expected ${policy.predicateType}`
      : asksAboutProvenance(policy)
        ? 'a plain message signature (cosign sign-blob) is no provenance: --repo, --owner, --signer-*, --source-*, --slsa-level and --deny-self-hosted-runners need a signed provenance attestation'
        : undefined;
  return {
    kind: 'provenance',
    wants: {
      predicateTypes: [predicateType],
      ...(messageSignatureRefused !== undefined ? { messageSignatureRefused } : {}),
    },
    enforce: asksAboutProvenance(policy),
  };
}

const SBOM_PURPOSE: Purpose = {
  kind: 'sbom',
  wants: {
    predicateTypes: [PredicateType.CYCLONEDX_BOM, PredicateType.SPDX_DOCUMENT_V2_3],
    // Other tools' SBOM attestations count too: cosign's `https://spdx.dev/Document`, versions.
    predicateTypeCounts: isSbomPredicateType,
    messageSignatureRefused:
      'a plain message signature is not an SBOM attestation: a signed in-toto statement with a CycloneDX or SPDX predicate is',
  },
};

const cryptoDetails = (facts: Partial<CryptoFacts>): Partial<VerificationResult> => ({
  ...(facts.trustedRoot !== undefined ? { trustedRoot: facts.trustedRoot } : {}),
  ...(facts.certificate !== undefined ? { certificate: facts.certificate } : {}),
  ...(facts.timestamps !== undefined ? { timestamps: facts.timestamps } : {}),
  ...(facts.tlogEntries !== undefined ? { tlogEntries: facts.tlogEntries } : {}),
});

const statementDetails = (facts: Partial<StatementFacts> | undefined) => ({
  details: {
    ...(facts?.summary !== undefined ? { statement: facts.summary } : {}),
    ...(facts?.digest !== undefined ? { digest: facts.digest } : {}),
  } as Partial<VerificationResult>,
  predicateType: facts?.summary?.predicateType,
});

/** The stages for one piece of evidence, in order; each result folded into the details. */
async function runStages(evidence: Evidence, ctx: Context, purpose: Purpose): Promise<Outcome> {
  let details: Partial<VerificationResult> = {
    crossChecks: [],
    crossChecksEnforced: purpose.kind === 'provenance' && purpose.enforce,
    uncheckedClaims: [],
    timestamps: [],
    tlogEntries: [],
    warnings: [],
  };
  let predicateType: string | undefined;
  const stop = (result: StageResult<unknown> & { ok: false }): Outcome => ({
    source: evidence.source,
    ok: false,
    reached: result.failure.stage ?? 'parse',
    failure: result.failure,
    ...(predicateType !== undefined ? { predicateType } : {}),
    details,
  });

  const parsed = ctx.cache.parse(evidence);
  if (!parsed.ok) return stop(parsed);
  if (parsed.facts.kind === 'statement') {
    // An unsigned in-toto statement: SLSA L1 at most, and never "verified".
    const read = readUnsignedStatement(parsed.facts.json, evidence.source);
    if (!read.ok) return stop(read);
    const subject = await subjectStage(read.facts, ctx.data);
    const s = statementDetails(subject.facts);
    details = { ...details, ...s.details };
    predicateType = s.predicateType;
    if (!subject.ok) return stop(subject);
    details.slsa = slsaLevel('unsigned', predicateType === PredicateType.SLSA_PROVENANCE_V1);
    return stop({
      ok: false,
      failure: {
        reason: 'UNSIGNED',
        message: 'the statement is not signed: it proves nothing about who built the artifact',
        stage: 'crypto',
      },
    });
  }

  const { bundle, summary } = parsed.facts;
  details = { ...details, bundle: summary };
  const crypto = await ctx.cache.crypto(
    evidence.json as object,
    bundle,
    ctx.data,
    ctx.trust,
    ctx.now,
  );
  details = { ...details, ...cryptoDetails(crypto.facts ?? {}) };
  if (!crypto.ok) return stop(crypto);
  const identity = crypto.facts.identity;

  const statement = await statementStage(
    bundle,
    ctx.data,
    purpose.wants,
    ctx.cache.statement(bundle, evidence.source),
  );
  const s = statementDetails(statement.facts);
  details = { ...details, ...s.details };
  predicateType = s.predicateType;
  if (!statement.ok) return stop(statement);

  const who = identityStage(identity, ctx.policy);
  if (!who.ok) return stop(who);
  if (purpose.kind === 'sbom')
    return { source: evidence.source, ok: true, reached: 'identity', predicateType, details };

  const checks = crossCheckStage(statement.facts.statement, identity, purpose.enforce);
  const c = checks.facts;
  details = {
    ...details,
    ...(c ? { crossChecks: c.crossChecks, uncheckedClaims: c.uncheckedClaims } : {}),
    warnings: [...(details.warnings ?? []), ...(c?.warnings ?? [])],
  };
  if (!checks.ok) return stop(checks);

  const level = levelStage(
    statement.facts.statement,
    identity,
    summary.signedWith,
    ctx.policy.minSlsaLevel,
  );
  const slsa = level.facts?.slsa;
  if (slsa) details = { ...details, slsa };
  if (!level.ok) return stop(level);
  return { source: evidence.source, ok: true, reached: 'level', predicateType, details };
}

/** Reading the artifact itself failed (core's file errors): the caller's input, not evidence. */
const FILE_ERRORS = new Set([
  'FILE_NOT_FOUND',
  'FILE_UNREADABLE',
  'NOT_REGULAR_FILE',
  'FILE_TOO_LARGE',
]);

const isInputError = (err: unknown) =>
  err instanceof VerifyError || FILE_ERRORS.has((err as { code?: string } | null)?.code ?? '');

async function checkEvidence(evidence: Evidence, ctx: Context, purpose: Purpose): Promise<Outcome> {
  try {
    return await runStages(evidence, ctx, purpose);
  } catch (err) {
    // Input we cannot read is the caller's error (exit 2); anything else a library throws on
    // this evidence means it does not verify.
    if (isInputError(err)) throw err;
    return {
      source: evidence.source,
      ok: false,
      reached: 'parse',
      failure: { reason: 'BUNDLE_INVALID', message: (err as Error).message, stage: 'parse' },
      details: {},
    };
  }
}

/** The outcome that verified, else the one that got furthest (the first of equals). */
function best(outcomes: Outcome[]): Outcome | undefined {
  const rank = (o: Outcome) => STAGE_ORDER.indexOf(o.reached);
  return outcomes.find((o) => o.ok) ?? [...outcomes].sort((a, b) => rank(b) - rank(a))[0];
}

/** Like gh: one piece of evidence that satisfies the policy is enough. */
async function firstThatPasses(evidence: Evidence[], ctx: Context, purpose: Purpose) {
  const outcomes: Outcome[] = [];
  for (const e of evidence) {
    const o = await checkEvidence(e, ctx, purpose);
    outcomes.push(o);
    if (o.ok) break;
  }
  return { outcomes, chosen: best(outcomes)! };
}

/**
 * Verifies one artifact against its evidence, stage by stage: parse, cryptography, statement,
 * identity, cross-checks, SLSA level, and with `requireSbom` an SBOM attestation. Never throws
 * for a failed check (the result says which check failed, and in which stage); throws
 * VerifyError for input it cannot read and, up front, for a policy that names no signer while
 * no key is given (`INVALID_POLICY`).
 */
export async function verifyArtifact(
  input: ArtifactInput,
  policy: VerifyPolicy,
  trust: Trust,
  options: VerifyOptions = {},
): Promise<VerificationResult> {
  validatePolicy(policy, { publicKey: trust.publicKey !== undefined });
  const cache = cacheOf(options.cache);
  const name = input.name ?? input.path ?? 'artifact';
  const evidence = await evidenceFor(input);
  const data = new ArtifactData(input);
  const result: VerificationResult = {
    artifact: name,
    digest: data.known(),
    verified: false,
    timestamps: [],
    tlogEntries: [],
    crossChecks: [],
    crossChecksEnforced: asksAboutProvenance(policy),
    uncheckedClaims: [],
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
          ? `no bundle given and none found beside ${input.path} (looked for ${EVIDENCE_SUFFIXES.join(', ')})`
          : 'no bundle found',
      stage: 'parse',
    };
    return result;
  }
  const ctx: Context = { data, policy, trust, cache, now: Date.now() };
  const { outcomes, chosen } = await firstThatPasses(evidence, ctx, provenancePurpose(policy));
  Object.assign(result, chosen.details);
  result.digest = { ...data.known(), ...chosen.details.digest };
  result.source = chosen.source;
  result.verified = chosen.ok;
  if (!chosen.ok) result.failure = { ...chosen.failure!, source: chosen.source };
  result.attempts = outcomes.map((o) => ({
    source: o.source,
    verified: o.ok,
    ...(o.predicateType ? { predicateType: o.predicateType } : {}),
    ...(o.failure ? { failure: o.failure } : {}),
  }));

  const used = (source: string) => {
    const e = evidence.find((x) => x.source === source);
    if (e && typeof e.json === 'object' && e.json !== null)
      result.inputAttestations = [
        ...(result.inputAttestations ?? []),
        { uri: source, digest: { sha256: cache.digestOf(e.json) } },
      ];
  };
  if (chosen.ok) used(chosen.source);
  if (policy.requireSbom) {
    const sbom = (await firstThatPasses(evidence, ctx, SBOM_PURPOSE)).chosen;
    if (sbom.ok && result.verified) used(sbom.source);
    result.sbom = {
      source: sbom.source,
      verified: sbom.ok,
      ...(sbom.failure ? { failure: sbom.failure } : {}),
    };
    if (!sbom.ok && result.verified) {
      result.verified = false;
      result.failure = {
        reason: 'SBOM_MISSING',
        message: `no signed SBOM attestation (CycloneDX or SPDX) for this artifact verifies${sbom.failure && sbom.failure.reason !== 'PREDICATE_TYPE_MISMATCH' ? ` (${sbom.source}: ${sbom.failure.message})` : ''}`,
        stage: 'sbom',
      };
    }
  }
  if (result.digest.sha256 === undefined && result.digest.sha512 === undefined) {
    const sha256 = await data.digest('sha256');
    if (sha256) result.digest.sha256 = sha256;
  }
  return result;
}
