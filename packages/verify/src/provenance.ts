import { BuildType, PredicateType, type Statement } from '@build-artifact/core';
import type { CertificateIdentity } from './certificate.js';
import type { FailureReason } from './errors.js';
import { quote } from './parse.js';
import { fail, pass, type StageResult } from './stage.js';

/** One comparison between the signed predicate and the certificate. */
export interface CrossCheck {
  /** `builder.id`, `sourceCommit`, `sourceRepository`, `sourceRef`. */
  name: string;
  status: 'match' | 'mismatch' | 'not-checked';
  /** The predicate's value. */
  claimed?: string;
  /** The certificate's value. */
  certificate?: string;
  /** Why it was not checked, or what differed. */
  note?: string;
  /** The failure code when this mismatch is enforced. */
  reason?: FailureReason;
}

interface SlsaV1Predicate {
  buildDefinition?: {
    buildType?: string;
    externalParameters?: { workflow?: { ref?: string; repository?: string; path?: string } };
    resolvedDependencies?: { uri?: string; digest?: Record<string, string> }[];
  };
  runDetails?: { builder?: { id?: string } };
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function compare(
  name: string,
  claimed: string | undefined,
  cert: string | undefined,
  reason: FailureReason,
  caseInsensitive = false,
): CrossCheck {
  if (claimed === undefined)
    return { name, status: 'not-checked', certificate: cert, note: 'the predicate does not say' };
  if (cert === undefined)
    return { name, status: 'not-checked', claimed, note: 'the certificate does not say' };
  const same = caseInsensitive ? claimed.toLowerCase() === cert.toLowerCase() : claimed === cert;
  return same
    ? { name, status: 'match', claimed, certificate: cert }
    : {
        name,
        status: 'mismatch',
        claimed,
        certificate: cert,
        reason,
        note: `the predicate claims ${JSON.stringify(claimed)}, the certificate says ${JSON.stringify(cert)}`,
      };
}

function sourceCommit(p: SlsaV1Predicate): string | undefined {
  for (const dep of p.buildDefinition?.resolvedDependencies ?? []) {
    const commit = str(dep?.digest?.gitCommit) ?? str(dep?.digest?.sha1);
    if (commit) return commit;
  }
  return undefined;
}

/** The predicate's claims a renderer would show, read at GitHub's buildType's places. */
function claims(p: SlsaV1Predicate) {
  const wf = p.buildDefinition?.externalParameters?.workflow;
  return {
    'builder.id': str(p.runDetails?.builder?.id),
    sourceCommit: sourceCommit(p),
    sourceRepository: str(wf?.repository),
    sourceRef: str(wf?.ref),
  };
}

const KNOWN_BUILD_TYPES = new Set<string>([
  BuildType.GITHUB_WORKFLOW_V1,
  BuildType.LOCAL_V1,
  BuildType.GITHUB_WORKFLOW_LEGACY_V1,
]);

/** True for SLSA provenance whose buildType we know how to cross-check. */
export function isKnownBuildType(statement: Statement): boolean {
  if (statement.predicateType !== PredicateType.SLSA_PROVENANCE_V1) return true;
  const p = (statement.predicate ?? {}) as SlsaV1Predicate;
  const buildType = str(p.buildDefinition?.buildType);
  return buildType !== undefined && KNOWN_BUILD_TYPES.has(buildType);
}

/**
 * Compares what the SLSA predicate claims with what the certificate (issued from the OIDC
 * token) says. For GitHub's buildType and ours: builder.id = build signer URI, and the source
 * commit, repository and ref. The older GitHub buildType names the runner as builder, so only
 * the source fields can be compared. Claims that cannot be compared (a key signed, or the
 * buildType is unknown) are listed as `not-checked` with what they claim.
 */
export function crossCheck(
  statement: Statement,
  id: CertificateIdentity | undefined,
): CrossCheck[] {
  if (statement.predicateType !== PredicateType.SLSA_PROVENANCE_V1) return [];
  const p = (statement.predicate ?? {}) as SlsaV1Predicate;
  const buildType = str(p.buildDefinition?.buildType);
  const claimed = claims(p);
  const unchecked = (note: string): CrossCheck[] =>
    Object.entries(claimed).flatMap(([name, value]) =>
      value === undefined ? [] : [{ name, status: 'not-checked' as const, claimed: value, note }],
    );
  if (id === undefined) return unchecked('signed with a key: no certificate to compare with');
  if (buildType === undefined || !KNOWN_BUILD_TYPES.has(buildType))
    return [
      {
        name: 'buildType',
        status: 'not-checked',
        claimed: buildType,
        note: 'unknown buildType: nothing in the predicate was compared with the certificate',
      },
      ...unchecked(`unknown buildType ${quote(buildType ?? '(absent)')}: not compared`),
    ];
  const checks: CrossCheck[] = [];
  if (buildType === BuildType.GITHUB_WORKFLOW_LEGACY_V1)
    checks.push({
      name: 'builder.id',
      status: 'not-checked',
      claimed: claimed['builder.id'],
      certificate: id.buildSignerURI,
      note: 'the older GitHub buildType names the runner, not the signing workflow',
    });
  else
    checks.push(
      compare('builder.id', claimed['builder.id'], id.buildSignerURI, 'BUILDER_MISMATCH'),
    );
  checks.push(
    compare(
      'sourceCommit',
      claimed.sourceCommit,
      id.sourceRepositoryDigest,
      'SOURCE_COMMIT_MISMATCH',
      true,
    ),
  );
  checks.push(
    compare(
      'sourceRepository',
      claimed.sourceRepository,
      id.sourceRepositoryURI,
      'SOURCE_REPOSITORY_CLAIM_MISMATCH',
      true,
    ),
  );
  checks.push(
    compare('sourceRef', claimed.sourceRef, id.sourceRepositoryRef, 'SOURCE_REF_CLAIM_MISMATCH'),
  );
  return checks;
}

/** The predicate's claims nothing verified: shown, they must be shown as claims, not facts. */
export function uncheckedClaims(checks: CrossCheck[]): string[] {
  return checks
    .filter((c) => c.status === 'not-checked' && c.claimed !== undefined && c.name !== 'buildType')
    .map((c) => c.name);
}

export interface CrossCheckFacts {
  crossChecks: CrossCheck[];
  uncheckedClaims: string[];
  warnings: string[];
}

/**
 * Stage 5, cross-checks of the predicate against the certificate. Mismatches fail when
 * `enforce` (the user asked about provenance); otherwise they are warnings.
 */
export function crossCheckStage(
  statement: Statement | undefined,
  id: CertificateIdentity | undefined,
  enforce: boolean,
): StageResult<CrossCheckFacts> {
  const crossChecks = statement ? crossCheck(statement, id) : [];
  const unchecked = uncheckedClaims(crossChecks);
  const warnings: string[] = [];
  if (unchecked.length > 0) {
    const why = crossChecks.find((c) => c.name === 'buildType')
      ? `the buildType ${quote(crossChecks.find((c) => c.name === 'buildType')?.claimed ?? '(absent)')} is unknown`
      : id === undefined
        ? 'signed with a key, no certificate to compare them with'
        : 'the certificate does not say';
    warnings.push(`the predicate's ${unchecked.join(', ')} are unchecked claims (${why})`);
  }
  const facts = { crossChecks, uncheckedClaims: unchecked, warnings };
  const mismatch = crossChecks.find((c) => c.status === 'mismatch');
  if (mismatch && enforce)
    return fail(
      'cross-check',
      mismatch.reason!,
      `forged or inconsistent provenance: ${mismatch.name}: ${mismatch.note}`,
      facts,
    );
  if (mismatch)
    warnings.push(
      `provenance ${mismatch.name} does not match the certificate (not enforced with cosign-style flags): ${mismatch.note}`,
    );
  return pass(facts);
}

/** The SLSA Build level the evidence supports, and why. */
export interface SlsaLevel {
  level: 0 | 1 | 2 | 3;
  reason: string;
}

const withoutRef = (uri: string) => uri.replace(/@.*$/, '');
/** `https://host/owner/repo/...` -> `https://host/owner/repo`, lower-cased. */
const repoOf = (uri: string) => uri.split('/').slice(0, 5).join('/').toLowerCase();

/**
 * The SLSA v1.0 Build level from the certificate (never from the predicate):
 * - L1: provenance exists, but unsigned, signed with a key, or signed on a self-hosted runner.
 * - L2: signed provenance, from a certificate issued to a hosted build platform run
 *   (`runnerEnvironment` = github-hosted, the signer workflow named).
 * - L3: L2, and the signing job ran in a reusable workflow that is not the caller's workflow
 *   (build signer URI != build config URI) and lives outside the source repository, so the
 *   project's own build steps and workflow files cannot change how it signs.
 */
export function slsaLevel(
  kind: 'unsigned' | 'key' | 'certificate',
  isProvenance: boolean,
  id?: CertificateIdentity,
): SlsaLevel {
  if (!isProvenance)
    return { level: 0, reason: 'no SLSA provenance: a signature or another predicate only' };
  if (kind === 'unsigned') return { level: 1, reason: 'L1: provenance exists but is not signed' };
  if (kind === 'key' || id === undefined)
    return {
      level: 1,
      reason: 'L1: signed with a key; the certificate that would name the build platform is absent',
    };
  if (id.runnerEnvironment === undefined || id.buildSignerURI === undefined)
    return { level: 1, reason: 'L1: the certificate does not name a hosted build platform run' };
  if (id.runnerEnvironment !== 'github-hosted')
    return {
      level: 1,
      reason: `L1: built on a ${id.runnerEnvironment} runner, not a hosted build platform`,
    };
  const signer = withoutRef(id.buildSignerURI);
  const config = id.buildConfigURI ? withoutRef(id.buildConfigURI) : undefined;
  if (config === undefined || signer === config)
    return {
      level: 2,
      reason: `L2: signed by a GitHub-hosted run of the caller's own workflow ${signer}`,
    };
  if (id.sourceRepositoryURI && repoOf(signer) === id.sourceRepositoryURI.toLowerCase())
    return {
      level: 2,
      reason: `L2: signed by the reusable workflow ${signer}, which lives in the source repository`,
    };
  return {
    level: 3,
    reason: `L3: signed by the isolated reusable workflow ${signer}, not the caller's ${config}`,
  };
}

/**
 * Stage 6, the SLSA Build level, from the certificate; provenance whose buildType is unknown
 * is L1 at most, since its builder, source and commit are unchecked claims.
 */
export function levelStage(
  statement: Statement | undefined,
  id: CertificateIdentity | undefined,
  signedWith: 'key' | 'certificate',
  minimum: 1 | 2 | 3 | undefined,
): StageResult<{ slsa: SlsaLevel }> {
  let slsa = slsaLevel(
    signedWith,
    statement?.predicateType === PredicateType.SLSA_PROVENANCE_V1,
    id,
  );
  if (statement && slsa.level > 1 && !isKnownBuildType(statement)) {
    const buildType = (statement.predicate as SlsaV1Predicate | undefined)?.buildDefinition
      ?.buildType;
    slsa = {
      level: 1,
      reason: `L1: the buildType ${quote(buildType ?? '(absent)')} is unknown, so the predicate's builder, source repository and commit are unchecked claims (the certificate alone would say ${slsa.reason})`,
    };
  }
  if (minimum !== undefined && slsa.level < minimum)
    return fail(
      'level',
      'SLSA_LEVEL_TOO_LOW',
      `SLSA Build L${minimum} required; the evidence supports ${slsa.reason}`,
      { slsa },
    );
  return pass({ slsa });
}
