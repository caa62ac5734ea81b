import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type Evidence,
  MAX_KEY_FILE_BYTES,
  mapConcurrent,
  readRegularFileText,
} from '@build-artifact/core';
import type {
  ArtifactInput,
  Trust,
  VerificationResult,
  VerifyPolicy,
} from '@build-artifact/verify';
import { PipelineError } from './errors.js';
import { type FlowContext, fetchOciArtifact } from './oci-target.js';
import {
  type DependencyResult,
  evidenceBeside,
  type VerifiedStatements,
  verifiedStatements,
  verifyDependencies,
} from './recursive.js';
import { parseTarget, type Target } from './targets.js';

/** Where trust comes from: the shipped roots by default. */
export interface TrustRequest {
  /** A `trusted_root.json` (JSON or JSON lines) that replaces the shipped roots. */
  trustedRoot?: string;
  /** Refresh the roots from their TUF repositories (network). */
  tufRefresh?: boolean;
  /** A PEM public key: bundles signed with a key verify against it. */
  key?: string;
}

/** What `attest verify` and the verify action are asked: targets, evidence, policy, trust. */
export interface VerifyRequest {
  /** Files, `sha256:HEX`/`sha512:HEX` digests, `oci://` or `oci-layout:` references. */
  targets: readonly string[];
  /** Bundle files (JSON or JSON lines) used for every target instead of what is found. */
  bundles?: readonly string[];
  policy: VerifyPolicy;
  trust?: TrustRequest;
  /** Also verify what each artifact embeds or was built from, with the same policy. */
  recursive?: boolean;
  /**
   * Also return, per target and dependency, the statements that verified and the file's size
   * (for reports: `reportTargets`). Off for `attest verify`, whose JSON stays as it is.
   */
  keepStatements?: boolean;
}

/** One target's verdict; a recorded dependency that fails fails the target too. */
export type TargetResult = VerificationResult & {
  /** The target as given. */
  target: string;
  /** With `recursive`: what the verified evidence says the artifact was built from. */
  dependencies?: DependencyResult[];
  /** With `keepStatements`: what the verified evidence says. */
  statements?: VerifiedStatements;
  /** With `keepStatements`: the size in bytes of the file verified (none for a digest). */
  size?: number;
};

export interface VerifyOutcome {
  results: TargetResult[];
  /** True when every target verified. */
  verified: boolean;
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
}

async function prepare(
  target: Target,
  shared: Evidence[],
  /** Recursion and reports read the evidence beside a file themselves (the verifier would too). */
  readsEvidence: boolean,
  context: FlowContext,
): Promise<Prepared> {
  const v = await import('@build-artifact/verify');
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
      };
    }
    case 'oci': {
      const artifact = await fetchOciArtifact(target.arg, context);
      const [algorithm, hex] = artifact.fileDigest.split(':');
      const evidence = [...artifact.evidence, ...shared];
      return {
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
      void v;
      return {
        input: { name: target.arg, path: target.path, ...(evidence ? { evidence } : {}) },
        path: target.path,
        ...(evidence ? { evidence } : {}),
      };
    }
  }
}

/**
 * Verifies each target (file, digest, OCI reference) against its evidence, the policy and the
 * trust, and with `recursive` what each was built from. Bad requests and unreadable input throw;
 * a failed check is a result (`verified: false` with the reason).
 */
export async function verifyTargets(
  request: VerifyRequest,
  context: FlowContext,
): Promise<VerifyOutcome> {
  if (request.targets.length === 0)
    throw new PipelineError({ code: 'NOTHING_TO_DO', message: 'no artifact to verify' });
  const v = await import('@build-artifact/verify');
  const targets = request.targets.map((t) => parseTarget(t, context.cwd));
  v.validatePolicy(request.policy, { publicKey: request.trust?.key !== undefined });
  const trust = await loadTrust(request.trust ?? {}, context);
  const shared: Evidence[] = [];
  for (const file of request.bundles ?? [])
    for (const e of await v.readEvidence(resolve(context.cwd, file))) shared.push(e);
  const cache = v.createVerificationCache();

  const keep = request.keepStatements === true;
  const results = await mapConcurrent(targets, TARGET_CONCURRENCY, async (target) => {
    const prepared = await prepare(target, shared, request.recursive === true || keep, context);
    const result = await v.verifyArtifact(prepared.input, request.policy, trust, { cache });
    const shown: TargetResult = { ...result, target: target.arg };
    if (keep && prepared.path !== undefined) {
      const size = await stat(prepared.path).then(
        (s) => s.size,
        () => undefined,
      );
      if (size !== undefined) shown.size = size;
    }
    const evidence = prepared.evidence ?? [];
    const followed = {
      ...(prepared.path !== undefined ? { path: prepared.path } : {}),
      evidence,
      result,
      policy: request.policy,
      trust,
      cache,
      keepStatements: keep,
    };
    if (!request.recursive || !result.verified) {
      if (keep) shown.statements = await verifiedStatements(followed);
      return shown;
    }
    const deps = await verifyDependencies(followed, context);
    shown.dependencies = deps.dependencies;
    if (keep) shown.statements = deps.statements;
    if (!deps.verified) {
      shown.verified = false;
      shown.failure = {
        reason: 'DEPENDENCY_FAILED',
        message: 'a dependency recorded in its provenance did not verify',
      };
    }
    return shown;
  });
  return { results, verified: results.every((r) => r.verified) };
}
