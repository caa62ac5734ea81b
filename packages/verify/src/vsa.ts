// SLSA verification summaries (VSA, https://slsa.dev/verification_summary/v1, SLSA v1.1): the
// predicate's fields and their types, the levels we write, and how a consumer checks a VSA
// signed by a verifier it trusts (the spec's "How to verify"): the bundle goes through the same
// stages as any bundle, then the summary's own fields are checked here.
import {
  describeBundle,
  type Evidence,
  GITHUB_ACTIONS_ISSUER,
  PredicateType,
} from '@build-artifact/core';
import { ArtifactData, type ArtifactInput } from './artifact.js';
import { CLOCK_SKEW_MS } from './crypto.js';
import { type Failure, type FailureReason, VerifyError } from './errors.js';
import { evidenceFor } from './evidence.js';
import { quote } from './parse.js';
import { anchored, type VerifyPolicy } from './policy.js';
import { STAGE_ORDER } from './stage.js';
import type { Trust } from './trust.js';
import { type VerificationResult, type VerifyOptions, verifyArtifact } from './verify.js';

/** The SLSA version whose VSA fields and Build track we write and read. */
export const VSA_SLSA_VERSION = '1.1';

/**
 * Our custom `verifiedLevels` value (the spec allows custom values that do not start with
 * `SLSA_`): the policy required a signed SBOM attestation (CycloneDX or SPDX) for the artifact,
 * meeting the same identity rules as its provenance, and one verified.
 */
export const SBOM_VERIFIED_LEVEL = 'BUILD_ARTIFACT_SBOM_VERIFIED';

/** An in-toto DigestSet: algorithm -> hex. */
type DigestSet = Record<string, string>;

/** The VSA predicate, field for field as SLSA v1.1 defines it. */
export interface VerificationSummary {
  verifier: { id: string; version?: Record<string, string> };
  timeVerified?: string;
  resourceUri: string;
  policy: { uri: string; digest?: DigestSet };
  inputAttestations?: { uri?: string; digest: DigestSet }[];
  verificationResult: 'PASSED' | 'FAILED';
  verifiedLevels: string[];
  dependencyLevels?: Record<string, number>;
  slsaVersion?: string;
}

/**
 * The fields of the VSA predicate (SLSA v1.1), whether each is required, and its JSON type: what
 * we write and what `readSummary` checks (a test keeps this equal to the spec's field list).
 */
export const VSA_FIELDS = {
  verifier: { required: true, type: 'object' },
  'verifier.id': { required: true, type: 'string' },
  'verifier.version': { required: false, type: 'object' },
  timeVerified: { required: false, type: 'string' },
  resourceUri: { required: true, type: 'string' },
  policy: { required: true, type: 'object' },
  inputAttestations: { required: false, type: 'array' },
  verificationResult: { required: true, type: 'string' },
  verifiedLevels: { required: true, type: 'array' },
  dependencyLevels: { required: false, type: 'object' },
  slsaVersion: { required: false, type: 'string' },
} as const;

/** `SLSA_BUILD_LEVEL_N`. */
export const buildLevelName = (level: number): string => `SLSA_BUILD_LEVEL_${level}`;

const BUILD_LEVEL = /^SLSA_BUILD_LEVEL_([0-3])$/;

/** The level of the Build track a list of levels states, if any. */
export function buildLevelOf(levels: readonly string[]): number | undefined {
  for (const l of levels) {
    const m = BUILD_LEVEL.exec(l);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/**
 * What a verified artifact's summary says it reached: its SLSA Build level (one per track, as
 * the spec requires), and SBOM_VERIFIED_LEVEL when a signed SBOM attestation verified.
 */
export function verifiedLevelsOf(result: VerificationResult): string[] {
  const levels = [buildLevelName(result.slsa?.level ?? 0)];
  if (result.sbom?.verified) levels.push(SBOM_VERIFIED_LEVEL);
  return levels;
}

/**
 * `dependencyLevels`: how many of the transitive dependencies verified at each level, each
 * counted once per track at its highest level. An empty object says there were none.
 */
export function dependencyLevelsOf(
  dependencies: readonly VerificationResult[],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of dependencies)
    for (const level of verifiedLevelsOf(d)) counts[level] = (counts[level] ?? 0) + 1;
  return counts;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const HEX = /^[0-9a-fA-F]+$/;

function digestSetProblem(value: unknown, where: string): string | undefined {
  if (!isObject(value) || Object.keys(value).length === 0)
    return `${where} must be a non-empty digest set`;
  for (const [algorithm, hex] of Object.entries(value))
    if (typeof hex !== 'string' || !HEX.test(hex))
      return `${where}[${quote(algorithm)}] is not hex`;
  return undefined;
}

/**
 * Reads a VSA predicate: every field of the spec with its type (unknown fields are ignored, as
 * the in-toto parsing rules require). Returns the summary, or what is wrong with it.
 */
export function readSummary(
  predicate: unknown,
): { ok: true; summary: VerificationSummary } | { ok: false; problem: string } {
  const bad = (problem: string) => ({ ok: false as const, problem });
  if (!isObject(predicate)) return bad('the predicate is not an object');
  const p = predicate;
  if (!isObject(p.verifier)) return bad('verifier must be an object');
  if (typeof p.verifier.id !== 'string' || p.verifier.id === '')
    return bad('verifier.id must be a URI');
  if (p.verifier.version !== undefined) {
    if (!isObject(p.verifier.version)) return bad('verifier.version must be a map of strings');
    for (const v of Object.values(p.verifier.version))
      if (typeof v !== 'string') return bad('verifier.version must be a map of strings');
  }
  if (p.timeVerified !== undefined) {
    if (
      typeof p.timeVerified !== 'string' ||
      !RFC3339.test(p.timeVerified) ||
      Number.isNaN(Date.parse(p.timeVerified))
    )
      return bad(`timeVerified ${quote(p.timeVerified)} is not an RFC 3339 timestamp`);
  }
  if (typeof p.resourceUri !== 'string' || p.resourceUri === '')
    return bad('resourceUri must be a URI');
  if (!isObject(p.policy) || typeof p.policy.uri !== 'string' || p.policy.uri === '')
    return bad('policy must be an object with a uri');
  if (p.policy.digest !== undefined) {
    const problem = digestSetProblem(p.policy.digest, 'policy.digest');
    if (problem) return bad(problem);
  }
  if (p.inputAttestations !== undefined) {
    if (!Array.isArray(p.inputAttestations)) return bad('inputAttestations must be an array');
    for (const [i, a] of p.inputAttestations.entries()) {
      if (!isObject(a)) return bad(`inputAttestations[${i}] must be an object`);
      if (a.uri !== undefined && typeof a.uri !== 'string')
        return bad(`inputAttestations[${i}].uri must be a string`);
      const problem = digestSetProblem(a.digest, `inputAttestations[${i}].digest`);
      if (problem) return bad(problem);
    }
  }
  if (p.verificationResult !== 'PASSED' && p.verificationResult !== 'FAILED')
    return bad(`verificationResult is ${quote(p.verificationResult)}, not PASSED or FAILED`);
  if (!Array.isArray(p.verifiedLevels) || p.verifiedLevels.some((l) => typeof l !== 'string'))
    return bad('verifiedLevels must be an array of strings');
  if (p.verifiedLevels.filter((l) => String(l).startsWith('SLSA_BUILD_LEVEL_')).length > 1)
    return bad('verifiedLevels holds more than one level of the Build track');
  if (p.dependencyLevels !== undefined) {
    if (!isObject(p.dependencyLevels)) return bad('dependencyLevels must be an object');
    for (const [level, n] of Object.entries(p.dependencyLevels))
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)
        return bad(`dependencyLevels[${quote(level)}] must be a count`);
  }
  if (
    p.slsaVersion !== undefined &&
    (typeof p.slsaVersion !== 'string' || !/^\d+\.\d+$/.test(p.slsaVersion))
  )
    return bad(`slsaVersion ${quote(p.slsaVersion)} is not MAJOR.MINOR`);
  return { ok: true, summary: p as unknown as VerificationSummary };
}

/** What a consumer accepts a verification summary for (`attest verify --vsa-verifier ...`). */
export interface SummaryPolicy {
  /** The verifier's certificate identity (SAN), exact; or its `verifier.id` for a key-signed VSA. */
  verifier?: string;
  /** The same as an anchored regular expression. */
  verifierRegexp?: string;
  /** The OIDC issuer of the verifier's certificate; default GitHub Actions'. */
  issuer?: string;
  /** The oldest a summary may be (its `timeVerified` and every signed time), in milliseconds. */
  maxAgeMs?: number;
  /** The Build level `verifiedLevels` must reach. */
  minSlsaLevel?: 1 | 2 | 3;
  /** `verifiedLevels` must hold SBOM_VERIFIED_LEVEL. */
  requireSbom?: boolean;
  /**
   * The verifier must have made claims about dependencies (`dependencyLevels` set), none of
   * them FAILED nor below `minSlsaLevel`.
   */
  dependencies?: boolean;
  /** The SHA-256 (hex) the summary's `policy.digest` must have. */
  policyDigest?: string;
  /** The `resourceUri` values that name this artifact; one must be the summary's. */
  resourceUris: readonly string[];
}

/** What a verified summary said, on the result (`summary`). */
export interface SummaryFacts {
  source: string;
  verifier: string;
  timeVerified?: string;
  resourceUri: string;
  policy: { uri: string; digest?: DigestSet };
  verificationResult: string;
  verifiedLevels: string[];
  dependencyLevels?: Record<string, number>;
}

const UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** `90s`, `30m`, `12h`, `7d`, `2w`, or a sum like `1d12h`, in milliseconds. */
export function parseDuration(text: string, what = '--vsa-max-age'): number {
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h|d|w)/g)];
  if (text === '' || parts.map((p) => p[0]).join('') !== text)
    throw new VerifyError({
      code: 'INVALID_POLICY',
      message: `${what} ${quote(text)}: expected a duration such as 30m, 12h, 7d or 1d12h`,
    });
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * UNITS[p[2]!]!, 0);
  if (!Number.isSafeInteger(ms) || ms <= 0)
    throw new VerifyError({ code: 'INVALID_POLICY', message: `${what} ${quote(text)}: too long` });
  return ms;
}

/** Checks a summary policy up front (a bad one is exit 2). */
export function validateSummaryPolicy(policy: SummaryPolicy): void {
  if ((policy.verifier === undefined) === (policy.verifierRegexp === undefined))
    throw new VerifyError({
      code: 'INVALID_POLICY',
      message: 'name the trusted verifier with one of --vsa-verifier or --vsa-verifier-regexp',
    });
  if (policy.verifierRegexp !== undefined) anchored(policy.verifierRegexp, '--vsa-verifier-regexp');
  if (policy.resourceUris.length === 0)
    throw new VerifyError({
      code: 'INVALID_POLICY',
      message: 'no resource URI to expect in the summary (--vsa-resource-uri URI)',
    });
}

const summaryFailure = (reason: FailureReason, message: string): Failure => ({
  reason,
  message,
  stage: 'summary',
});

/** The summary's own fields against the consumer's expectations (the spec's steps 4-7). */
function checkSummary(
  summary: VerificationSummary,
  verified: VerificationResult,
  policy: SummaryPolicy,
  now: number,
): Failure | undefined {
  const id = summary.verifier.id;
  const san = verified.certificate?.subjectAlternativeName;
  if (verified.bundle?.signedWith === 'certificate') {
    // The identity stage matched the certificate; the summary must name that same verifier.
    if (id !== san)
      return summaryFailure(
        'VSA_VERIFIER_MISMATCH',
        `the summary names verifier ${quote(id)} but was signed by ${quote(san ?? '(no SAN)')}`,
      );
  } else {
    const ok =
      policy.verifier !== undefined
        ? id === policy.verifier
        : anchored(policy.verifierRegexp!, '--vsa-verifier-regexp').test(id);
    if (!ok)
      return summaryFailure(
        'VSA_VERIFIER_MISMATCH',
        `the summary (signed with the given key) names verifier ${quote(id)}, expected ${quote(policy.verifier ?? policy.verifierRegexp)}`,
      );
  }
  if (!policy.resourceUris.includes(summary.resourceUri))
    return summaryFailure(
      'VSA_RESOURCE_MISMATCH',
      `the summary is for ${quote(summary.resourceUri)}, not ${policy.resourceUris.map((u) => quote(u)).join(' or ')}`,
    );
  if (summary.verificationResult !== 'PASSED')
    return summaryFailure(
      'VSA_NOT_PASSED',
      `the verifier's result is ${quote(summary.verificationResult)}`,
    );
  const signed = verified.timestamps.map((t) => Date.parse(t.time));
  const claimed = summary.timeVerified === undefined ? undefined : Date.parse(summary.timeVerified);
  if (claimed !== undefined) {
    if (claimed > now + CLOCK_SKEW_MS)
      return summaryFailure('VSA_INVALID', `timeVerified ${summary.timeVerified} is in the future`);
    if (signed.length > 0 && claimed > Math.max(...signed) + CLOCK_SKEW_MS)
      return summaryFailure(
        'VSA_INVALID',
        `timeVerified ${summary.timeVerified} is after the summary was signed`,
      );
  }
  if (policy.maxAgeMs !== undefined) {
    const times = [...(claimed !== undefined ? [claimed] : []), ...signed];
    if (times.length === 0)
      return summaryFailure(
        'VSA_EXPIRED',
        'the summary has no timeVerified and no signed time: its age cannot be known',
      );
    const oldest = Math.min(...times);
    if (now - oldest > policy.maxAgeMs)
      return summaryFailure(
        'VSA_EXPIRED',
        `the summary is from ${new Date(oldest).toISOString()}, older than the ${Math.round(policy.maxAgeMs / 1000)} s allowed`,
      );
  }
  if (policy.policyDigest !== undefined) {
    const have = summary.policy.digest?.sha256?.toLowerCase();
    if (have !== policy.policyDigest.toLowerCase())
      return summaryFailure(
        'VSA_POLICY_MISMATCH',
        `the summary's policy ${quote(summary.policy.uri)} has digest sha256:${have ?? '(none)'}, expected sha256:${policy.policyDigest}`,
      );
  }
  const level = buildLevelOf(summary.verifiedLevels);
  if (policy.minSlsaLevel !== undefined && (level === undefined || level < policy.minSlsaLevel))
    return summaryFailure(
      'VSA_LEVEL_TOO_LOW',
      `SLSA Build L${policy.minSlsaLevel} required; the summary's verifiedLevels are ${quote(summary.verifiedLevels)}`,
    );
  if (policy.requireSbom && !summary.verifiedLevels.includes(SBOM_VERIFIED_LEVEL))
    return summaryFailure(
      'VSA_LEVEL_TOO_LOW',
      `a verified SBOM is required; the summary's verifiedLevels lack ${SBOM_VERIFIED_LEVEL}`,
    );
  if (policy.dependencies) {
    const deps = summary.dependencyLevels;
    if (deps === undefined)
      return summaryFailure(
        'VSA_DEPENDENCIES',
        'the summary makes no claim about dependencies (no dependencyLevels)',
      );
    const below = Object.entries(deps).find(([name, n]) => {
      if (n === 0) return false;
      if (name === 'FAILED') return true;
      const m = /^SLSA_BUILD_LEVEL_(\d|UNEVALUATED)$/.exec(name);
      if (!m || policy.minSlsaLevel === undefined) return false;
      return m[1] === 'UNEVALUATED' || Number(m[1]) < policy.minSlsaLevel;
    });
    if (below)
      return summaryFailure(
        'VSA_DEPENDENCIES',
        `${below[1]} dependencies at ${below[0]}${policy.minSlsaLevel !== undefined ? `, below the required L${policy.minSlsaLevel}` : ''}`,
      );
  }
  return undefined;
}

/** A result whose verdict is that of a verification summary. */
export type SummaryResult = VerificationResult & { summary?: SummaryFacts };

function factsOf(source: string, s: VerificationSummary): SummaryFacts {
  return {
    source,
    verifier: s.verifier.id,
    ...(s.timeVerified !== undefined ? { timeVerified: s.timeVerified } : {}),
    resourceUri: s.resourceUri,
    policy: s.policy,
    verificationResult: s.verificationResult,
    verifiedLevels: s.verifiedLevels,
    ...(s.dependencyLevels !== undefined ? { dependencyLevels: s.dependencyLevels } : {}),
  };
}

/**
 * Verifies an artifact through a verification summary signed by a trusted verifier: each VSA
 * among the evidence goes through the same stages as any bundle (signature, chain, log,
 * timestamps; the statement must name the artifact's digest; the certificate must be the
 * verifier's, or the bundle signed with the given key), then its fields are checked (verifier,
 * resource, PASSED, age, policy digest, levels, dependencies). One that passes is enough; a
 * summary for another digest, a failed one, an expired one or one signed by anyone else never
 * counts. Never throws for a failed check; throws VerifyError for a bad policy or unreadable
 * input.
 */
export async function verifySummary(
  input: ArtifactInput,
  policy: SummaryPolicy,
  trust: Trust,
  options: VerifyOptions = {},
): Promise<SummaryResult> {
  validateSummaryPolicy(policy);
  const evidence = await evidenceFor(input);
  const isSummary = (e: Evidence) =>
    describeBundle(e.json).predicateType === PredicateType.VERIFICATION_SUMMARY_V1;
  const candidates = evidence.filter(isSummary);
  const certificatePolicy: VerifyPolicy = {
    ...(policy.verifier !== undefined
      ? { certificateIdentity: policy.verifier }
      : { certificateIdentityRegexp: policy.verifierRegexp! }),
    certificateOidcIssuer: policy.issuer ?? GITHUB_ACTIONS_ISSUER,
    predicateType: PredicateType.VERIFICATION_SUMMARY_V1,
  };
  const keyPolicy: VerifyPolicy = { predicateType: PredicateType.VERIFICATION_SUMMARY_V1 };
  const now = Date.now();

  if (candidates.length === 0) {
    const data = new ArtifactData(input);
    const sha256 = await data.digest('sha256');
    return {
      artifact: input.name ?? input.path ?? 'artifact',
      digest: { ...data.known(), ...(sha256 ? { sha256 } : {}) },
      verified: false,
      failure: {
        reason: 'VSA_MISSING',
        message: `no verification summary (${PredicateType.VERIFICATION_SUMMARY_V1}) among the ${evidence.length} bundle${evidence.length === 1 ? '' : 's'} found`,
        stage: 'statement',
      },
      timestamps: [],
      tlogEntries: [],
      crossChecks: [],
      crossChecksEnforced: false,
      uncheckedClaims: [],
      attempts: evidence.map((e) => ({ source: e.source, verified: false })),
      warnings: [],
    };
  }

  const tried: SummaryResult[] = [];
  for (const e of candidates) {
    const keySigned = trust.publicKey !== undefined && describeBundle(e.json).signedWith === 'key';
    const r: SummaryResult = await verifyArtifact(
      { ...input, evidence: [e] },
      keySigned ? keyPolicy : certificatePolicy,
      trust,
      options,
    );
    tried.push(r);
    if (!r.verified) continue;
    // The statement verified above is this bundle's payload: read its predicate.
    const read = readSummary(describeBundle(e.json).statement?.predicate);
    if (!read.ok) {
      r.verified = false;
      r.failure = { ...summaryFailure('VSA_INVALID', read.problem), source: e.source };
      continue;
    }
    r.summary = factsOf(e.source, read.summary);
    const failure = checkSummary(read.summary, r, policy, now);
    if (failure) {
      r.verified = false;
      r.failure = { ...failure, source: e.source };
      continue;
    }
    const level = buildLevelOf(read.summary.verifiedLevels);
    if (level !== undefined)
      r.slsa = {
        level: level as 0 | 1 | 2 | 3,
        reason: `L${level} according to the verification summary of ${quote(read.summary.verifier.id, 200)}${read.summary.timeVerified ? ` (${read.summary.timeVerified})` : ''}`,
      };
    if (read.summary.verifiedLevels.includes(SBOM_VERIFIED_LEVEL))
      r.sbom = { source: e.source, verified: true };
    break;
  }
  const rank = (r: SummaryResult) =>
    r.verified ? STAGE_ORDER.length : STAGE_ORDER.indexOf(r.failure?.stage ?? 'parse');
  const chosen = tried.find((r) => r.verified) ?? [...tried].sort((a, b) => rank(b) - rank(a))[0]!;
  chosen.attempts = tried.map((r) => ({
    source: r.source ?? r.failure?.source ?? '',
    verified: r.verified,
    ...(r.statement ? { predicateType: r.statement.predicateType } : {}),
    ...(r.failure ? { failure: r.failure } : {}),
  }));
  return chosen;
}
