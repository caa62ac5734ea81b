import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import {
  type Evidence,
  MAX_KEY_FILE_BYTES,
  mapConcurrent,
  readRegularFileText,
  type Subject,
} from '@build-artifact/core';
import type {
  ArtifactInput,
  PolicyIdentity,
  SummaryPolicy,
  SummaryResult,
  Trust,
} from '@build-artifact/verify';
import { PipelineError } from './errors.js';
import { type FlowContext, fetchOciArtifact } from './oci-target.js';
import { type PolicyRequest, policyIdentity, resolvePolicy, type TrustRequest } from './policy.js';
import {
  type DependencyResult,
  evidenceBeside,
  type VerifiedStatements,
  verifiedStatements,
  verifyDependencies,
} from './recursive.js';
import { parseTarget, type Target } from './targets.js';

/** What `attest verify` and the verify action are asked: targets, evidence, policy, trust. */
export interface VerifyRequest extends PolicyRequest {
  /** Files, `sha256:HEX`/`sha512:HEX` digests, `oci://` or `oci-layout:` references. */
  targets: readonly string[];
  /** Bundle files (JSON or JSON lines) used for every target instead of what is found. */
  bundles?: readonly string[];
  /**
   * Accept a verification summary (VSA) signed by a trusted verifier instead of checking the
   * evidence itself (see SummaryRequest).
   */
  summaries?: SummaryRequest;
  /**
   * The URI that names the (one) target as a resource: what a VSA written for it records as
   * `resourceUri`, and what a VSA accepted for it must record. Default: the file's name, or the
   * `oci://REGISTRY/REPO@sha256:...` of its manifest.
   */
  resourceUri?: string;
  /**
   * Also return, per target and dependency, the statements that verified and the file's size
   * (for reports: `reportTargets`). Off for `attest verify`, whose JSON stays as it is.
   */
  keepStatements?: boolean;
}

/** Which verification summaries count (`attest verify --vsa-verifier ...`). */
export interface SummaryRequest {
  /** The verifier's certificate identity (SAN), exact. */
  verifier?: string;
  /** The verifier's certificate identity, as an anchored regular expression. */
  verifierRegexp?: string;
  /** The OIDC issuer of the verifier's certificate; default GitHub Actions'. */
  issuer?: string;
  /** The oldest a summary may be: `30m`, `12h`, `7d`, `1d12h`. */
  maxAge?: string;
}

/**
 * One target's verdict; a recorded dependency that fails fails the target too. With
 * `summaries`, the verdict is that of the VSA that counted (`summary` says what it stated).
 */
export type TargetResult = SummaryResult & {
  /** The target as given. */
  target: string;
  /** The policy it was verified against. */
  policy: PolicyIdentity;
  /** With `recursive`: what the verified evidence says the artifact was built from. */
  dependencies?: DependencyResult[];
  /** How a VSA names it as a resource (absent for a digest without `resourceUri`). */
  resourceUri?: string;
  /**
   * When verified: what it is known by, as a statement's subjects: its file (name and digests)
   * and, from OCI, its manifest (and index) digests under the repository's name.
   */
  subjects?: Subject[];
  /** With `keepStatements`: what the verified evidence says. */
  statements?: VerifiedStatements;
  /** With `keepStatements`: the size in bytes of the file verified (none for a digest). */
  size?: number;
};

export interface VerifyOutcome {
  results: TargetResult[];
  /** True when every target verified. */
  verified: boolean;
  /** The policy every target was verified against. */
  policy: PolicyIdentity;
  /** When the verification ran (RFC 3339). */
  verifiedAt: string;
}

/** Targets verified side by side: hashing and pulling overlap, signatures are checked in turn. */
const TARGET_CONCURRENCY = 4;

async function loadTrust(request: TrustRequest, context: FlowContext): Promise<Trust> {
  const v = await import('@build-artifact/verify');
  let publicKeyPem: string | undefined;
  if (request.key !== undefined) {
    const keyPath = resolve(context.cwd, request.key);
    publicKeyPem = await readRegularFileText(keyPath, {
      maxBytes: MAX_KEY_FILE_BYTES,
      what: 'key',
    });
  }
  const env = context.env;
  return v.loadTrustedRoot({
    ...(request.trustedRoot !== undefined
      ? { trustedRootPath: resolve(context.cwd, request.trustedRoot) }
      : {}),
    tufRefresh: request.tufRefresh === true,
    cacheDir: env.ATTEST_CACHE_DIR
      ? join(env.ATTEST_CACHE_DIR, 'tuf')
      : join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'build-artifact', 'tuf'),
    ...(env.ATTEST_GITHUB_TUF_URL ? { githubTufURL: env.ATTEST_GITHUB_TUF_URL } : {}),
    ...(publicKeyPem !== undefined ? { publicKeyPem } : {}),
  });
}

/** The artifact as the verifier sees it, and the evidence `recursive` follows from there. */
interface Prepared {
  input: ArtifactInput;
  /** The file the dependencies are looked for beside (local or pulled). */
  path?: string;
  evidence?: Evidence[];
  /** The resource URIs that name it (the first is the one a VSA records). */
  resourceUris: string[];
  /** Its name as a subject, and from OCI its manifests' subjects. */
  subjectName: string;
  manifests?: Subject[];
}

async function prepare(
  target: Target,
  shared: Evidence[],
  /** Recursion and reports read the evidence beside a file themselves (the verifier would too). */
  readsEvidence: boolean,
  context: FlowContext,
): Promise<Prepared> {
  switch (target.kind) {
    case 'digest': {
      if (shared.length === 0)
        throw new PipelineError({
          code: 'INVALID_REQUEST',
          message: `${target.arg}: an artifact given by its digest needs a bundle (--bundle FILE)`,
        });
      return {
        input: { name: target.arg, digest: { [target.algorithm]: target.hex }, evidence: shared },
        evidence: shared,
        resourceUris: [],
        subjectName: target.arg,
      };
    }
    case 'oci': {
      const artifact = await fetchOciArtifact(target.arg, context);
      const [algorithm, hex] = artifact.fileDigest.split(':');
      const evidence = [...artifact.evidence, ...shared];
      return {
        resourceUris: artifact.manifestDigests.map(artifact.referenceFor),
        subjectName: basename(artifact.path),
        manifests: artifact.manifestDigests.map((d) => ({
          name: artifact.subjectName,
          digest: { sha256: d.replace(/^sha256:/, '') },
        })),
        input: {
          name: target.arg,
          path: artifact.path,
          ...(algorithm === 'sha256' || algorithm === 'sha512'
            ? { digest: { [algorithm]: hex } }
            : {}),
          alsoKnownAs: artifact.manifestDigests,
          evidence,
        },
        path: artifact.path,
        evidence,
      };
    }
    case 'file': {
      // With recursion, the dependencies are followed from the very statements that verified:
      // the evidence beside the file is read once, for both (read again, it could have changed).
      let evidence: Evidence[] | undefined = shared.length > 0 ? shared : undefined;
      if (!evidence && readsEvidence) {
        const beside = await evidenceBeside(target.path);
        // None found: the verifier looks for itself and says where it looked.
        if (beside.length > 0) evidence = beside;
      }
      return {
        input: { name: target.arg, path: target.path, ...(evidence ? { evidence } : {}) },
        path: target.path,
        ...(evidence ? { evidence } : {}),
        resourceUris: [basename(target.path)],
        subjectName: basename(target.path),
      };
    }
  }
}

const SUMMARY_ONLY_RULES = new Set([
  'slsa-level',
  'require-sbom',
  'recursive',
  'trusted-root',
  'key',
]);

/** The summary policy of a request, less what only each target knows (its resource URIs). */
async function summaryPolicy(
  request: VerifyRequest,
  resolved: Awaited<ReturnType<typeof resolvePolicy>>,
  identity: PolicyIdentity,
): Promise<Omit<SummaryPolicy, 'resourceUris'>> {
  const v = await import('@build-artifact/verify');
  const s = request.summaries!;
  if (!resolved.file) {
    // Without a policy file there is no digest to ask of the summary: rules a summary does not
    // state could not be checked, and a check that cannot be made must not pass.
    const unstated = Object.keys(resolved.settings).filter((k) => !SUMMARY_ONLY_RULES.has(k));
    if (unstated.length > 0)
      throw new PipelineError({
        code: 'INVALID_REQUEST',
        message: `a verification summary does not state ${unstated.map((k) => `--${k}`).join(', ')}: give the verifier's policy with --policy FILE (the summary must name its digest), or only --slsa-level, --require-sbom and --recursive`,
      });
  }
  return {
    ...(s.verifier !== undefined ? { verifier: s.verifier } : {}),
    ...(s.verifierRegexp !== undefined ? { verifierRegexp: s.verifierRegexp } : {}),
    ...(s.issuer !== undefined ? { issuer: s.issuer } : {}),
    ...(s.maxAge !== undefined ? { maxAgeMs: v.parseDuration(s.maxAge) } : {}),
    ...(resolved.policy.minSlsaLevel !== undefined
      ? { minSlsaLevel: resolved.policy.minSlsaLevel }
      : {}),
    ...(resolved.policy.requireSbom ? { requireSbom: true } : {}),
    ...(resolved.recursive ? { dependencies: true } : {}),
    ...(resolved.file ? { policyDigest: identity.digest.sha256 } : {}),
  };
}

/**
 * Verifies each target (file, digest, OCI reference) against its evidence, the policy and the
 * trust, and with `recursive` what each was built from; with `summaries`, against a trusted
 * verifier's VSA instead. A policy file's rules apply under the request's. Bad requests and
 * unreadable input throw; a failed check is a result (`verified: false` with the reason).
 */
export async function verifyTargets(
  request: VerifyRequest,
  context: FlowContext,
): Promise<VerifyOutcome> {
  if (request.targets.length === 0)
    throw new PipelineError({ code: 'NOTHING_TO_DO', message: 'no artifact to verify' });
  if (request.resourceUri !== undefined && request.targets.length > 1)
    throw new PipelineError({
      code: 'INVALID_REQUEST',
      message: 'a resource URI names one artifact: verify one target with it',
    });
  const verifiedAt = new Date().toISOString();
  const v = await import('@build-artifact/verify');
  const targets = request.targets.map((t) => parseTarget(t, context.cwd));
  const resolved = await resolvePolicy(request, context);
  const { policy, recursive } = resolved;
  // A summary names its own signer (the verifier); the artifact's policy is only its shape then.
  if (request.summaries) v.validatePolicy(policy);
  else v.validatePolicy(policy, { publicKey: resolved.trust.key !== undefined });
  const trust = await loadTrust(resolved.trust, context);
  const identity = await policyIdentity(resolved, trust, context.env);
  const summaries = request.summaries
    ? await summaryPolicy(request, resolved, identity)
    : undefined;
  const shared: Evidence[] = [];
  for (const file of request.bundles ?? [])
    for (const e of await v.readEvidence(resolve(context.cwd, file))) shared.push(e);
  const cache = v.createVerificationCache();

  const keep = request.keepStatements === true;
  const results = await mapConcurrent(targets, TARGET_CONCURRENCY, async (target) => {
    const prepared = await prepare(target, shared, recursive || keep, context);
    const resourceUris =
      request.resourceUri !== undefined ? [request.resourceUri] : prepared.resourceUris;
    const named = (r: SummaryResult): TargetResult => ({
      ...r,
      target: target.arg,
      policy: identity,
      ...(resourceUris[0] !== undefined ? { resourceUri: resourceUris[0] } : {}),
      ...(r.verified
        ? {
            subjects: [
              { name: prepared.subjectName, digest: { ...r.digest } as Subject['digest'] },
              ...(prepared.manifests ?? []),
            ],
          }
        : {}),
    });
    if (summaries) {
      if (resourceUris.length === 0)
        throw new PipelineError({
          code: 'INVALID_REQUEST',
          message: `${target.arg}: say which resource the verification summary must name (--vsa-resource-uri URI)`,
        });
      const r = await v.verifySummary(prepared.input, { ...summaries, resourceUris }, trust, {
        cache,
      });
      if (r.verified && !resolved.file)
        r.warnings.push(
          'accepted whatever policy the verifier applied: give its policy with --policy FILE to require it (the summary names its digest)',
        );
      return named(r);
    }
    const result = await v.verifyArtifact(prepared.input, policy, trust, { cache });
    const shown: TargetResult = named(result);
    if (keep && prepared.path !== undefined) {
      const size = await stat(prepared.path).then(
        (s) => s.size,
        () => undefined,
      );
      if (size !== undefined) shown.size = size;
    }
    // Nothing to follow: the evidence beside the file need not be read again.
    if (!keep && !(recursive && result.verified)) return shown;
    const followed = {
      ...(prepared.path !== undefined ? { path: prepared.path } : {}),
      evidence: prepared.evidence ?? (prepared.path ? await evidenceBeside(prepared.path) : []),
      result,
      policy,
      trust,
      cache,
      keepStatements: keep,
    };
    if (!recursive || !result.verified) {
      if (keep) shown.statements = await verifiedStatements(followed);
      return shown;
    }
    const deps = await verifyDependencies(followed, context);
    shown.dependencies = deps.dependencies;
    if (keep) shown.statements = deps.statements;
    if (!deps.verified) {
      shown.verified = false;
      delete shown.subjects;
      shown.failure = {
        reason: 'DEPENDENCY_FAILED',
        message: 'a dependency recorded in its provenance did not verify',
      };
    }
    return shown;
  });
  return {
    results,
    verified: results.every((r) => r.verified),
    policy: identity,
    verifiedAt,
  };
}
