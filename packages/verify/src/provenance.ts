import { BuildType, PredicateType, type Statement } from '@build-artifact/core';
import type { CertificateIdentity } from './certificate.js';
import type { FailureReason } from './errors.js';

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

/**
 * Compares what the SLSA predicate claims with what the certificate (issued from the OIDC
 * token) says. For GitHub's buildType and ours: builder.id = build signer URI, and the source
 * commit, repository and ref. The older GitHub buildType names the runner as builder, so only
 * the source fields can be compared. Other predicates are not cross-checked.
 */
export function crossCheck(
  statement: Statement,
  id: CertificateIdentity | undefined,
): CrossCheck[] {
  if (statement.predicateType !== PredicateType.SLSA_PROVENANCE_V1) return [];
  const p = (statement.predicate ?? {}) as SlsaV1Predicate;
  const buildType = str(p.buildDefinition?.buildType);
  if (id === undefined) {
    return [
      {
        name: 'builder.id',
        status: 'not-checked',
        claimed: str(p.runDetails?.builder?.id),
        note: 'signed with a key: no certificate to compare with',
      },
    ];
  }
  const checks: CrossCheck[] = [];
  const builderId = str(p.runDetails?.builder?.id);
  const wf = p.buildDefinition?.externalParameters?.workflow;
  if (buildType === BuildType.GITHUB_WORKFLOW_V1 || buildType === BuildType.LOCAL_V1) {
    checks.push(compare('builder.id', builderId, id.buildSignerURI, 'BUILDER_MISMATCH'));
  } else if (buildType === BuildType.GITHUB_WORKFLOW_LEGACY_V1) {
    checks.push({
      name: 'builder.id',
      status: 'not-checked',
      claimed: builderId,
      certificate: id.buildSignerURI,
      note: 'the older GitHub buildType names the runner, not the signing workflow',
    });
  } else {
    return [
      {
        name: 'buildType',
        status: 'not-checked',
        claimed: buildType,
        note: 'unknown buildType: nothing in the predicate was compared with the certificate',
      },
    ];
  }
  checks.push(
    compare(
      'sourceCommit',
      sourceCommit(p),
      id.sourceRepositoryDigest,
      'SOURCE_COMMIT_MISMATCH',
      true,
    ),
  );
  const repo = str(wf?.repository);
  checks.push(
    compare(
      'sourceRepository',
      repo,
      id.sourceRepositoryURI,
      'SOURCE_REPOSITORY_CLAIM_MISMATCH',
      true,
    ),
  );
  checks.push(
    compare('sourceRef', str(wf?.ref), id.sourceRepositoryRef, 'SOURCE_REF_CLAIM_MISMATCH'),
  );
  return checks;
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
