// The policy a verification runs under: a policy file's rules with the request's (the flags or
// the action's inputs) over them, the trust they name, and the policy's identity.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  PolicyFile,
  PolicyIdentity,
  PolicySettings,
  Trust,
  VerifyPolicy,
} from '@build-artifact/verify';
import type { FlowContext } from './oci-target.js';

/** Where trust comes from: the shipped roots by default. */
export interface TrustRequest {
  /** A `trusted_root.json` (JSON or JSON lines) that replaces the shipped roots. */
  trustedRoot?: string;
  /** Refresh the roots from their TUF repositories (network). */
  tufRefresh?: boolean;
  /** A PEM public key: bundles signed with a key verify against it. */
  key?: string;
}

/** The parts of a verify request (see VerifyRequest) that make its policy. */
export interface PolicyRequest {
  policy: VerifyPolicy;
  trust?: TrustRequest;
  /** Also verify what each artifact embeds or was built from, with the same policy. */
  recursive?: boolean;
  /**
   * A policy file (YAML or JSON, keys named as `attest verify`'s flags): its rules apply, and
   * those of this request (`policy`, `trust`, `recursive`) replace them where they are set.
   */
  policyFile?: string;
}

/** A verification's effective policy, before its trust is loaded. */
export interface ResolvedPolicy {
  /** The policy file's rules with the request's over them, paths absolute. */
  settings: PolicySettings;
  policy: VerifyPolicy;
  trust: TrustRequest;
  recursive: boolean;
  /** The policy file, when one was given. */
  file?: PolicyFile & { path: string };
}

/** The name of a policy stated by flags (or inputs) alone. */
export const FLAGS_POLICY_NAME = 'flags';

/**
 * Reads the policy file (relative to `context.cwd`) and puts the request's rules over its own:
 * a rule the request sets replaces the file's, the others stay. The file's `trusted-root` and
 * `key` are relative to the file's folder, the request's to `context.cwd`.
 */
export async function resolvePolicy(
  request: PolicyRequest,
  context: FlowContext,
): Promise<ResolvedPolicy> {
  const v = await import('@build-artifact/verify');
  const trust = request.trust ?? {};
  const given: PolicySettings = {
    ...v.policySettingsOf(request.policy),
    ...(request.recursive ? { recursive: true } : {}),
    ...(trust.trustedRoot !== undefined
      ? { 'trusted-root': resolve(context.cwd, trust.trustedRoot) }
      : {}),
    ...(trust.key !== undefined ? { key: resolve(context.cwd, trust.key) } : {}),
  };
  let file: ResolvedPolicy['file'];
  let settings = given;
  if (request.policyFile !== undefined) {
    const path = resolve(context.cwd, request.policyFile);
    file = { ...(await v.readPolicyFile(path, request.policyFile)), path };
    settings = v.mergePolicySettings(file.settings, given);
  }
  return {
    settings,
    policy: v.verifyPolicyOf(settings),
    trust: {
      ...(settings['trusted-root'] !== undefined ? { trustedRoot: settings['trusted-root'] } : {}),
      ...(settings.key !== undefined ? { key: settings.key } : {}),
      ...(trust.tufRefresh ? { tufRefresh: true } : {}),
    },
    recursive: settings.recursive === true,
    ...(file ? { file } : {}),
  };
}

/**
 * Where the policy can be found, for a VSA's `policy.uri`: in GitHub Actions, a policy file of
 * the checked-out repository is its blob at the workflow's commit
 * (`$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/PATH`); elsewhere its `file:` URL. A
 * policy stated by flags alone is `urn:build-artifact:policy:flags` (its digest says what it is).
 */
export function policyUri(path: string | undefined, env: NodeJS.ProcessEnv): string {
  if (path === undefined) return `urn:build-artifact:policy:${FLAGS_POLICY_NAME}`;
  const { GITHUB_ACTIONS, GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_WORKSPACE } =
    env;
  if (GITHUB_ACTIONS === 'true' && GITHUB_SERVER_URL && GITHUB_REPOSITORY && GITHUB_SHA) {
    const inside = GITHUB_WORKSPACE ? relative(GITHUB_WORKSPACE, path) : undefined;
    if (inside && !inside.startsWith('..') && !isAbsolute(inside))
      return `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/blob/${GITHUB_SHA}/${inside.split(sep).map(encodeURIComponent).join('/')}`;
  }
  return pathToFileURL(path).href;
}

/** The policy's identity once its trust is loaded: name, where it is, canonical digest. */
export async function policyIdentity(
  resolved: ResolvedPolicy,
  trust: Trust,
  env: NodeJS.ProcessEnv,
): Promise<PolicyIdentity> {
  const v = await import('@build-artifact/verify');
  return {
    name: resolved.file?.name ?? FLAGS_POLICY_NAME,
    uri: policyUri(resolved.file?.path, env),
    digest: { sha256: v.policyDigest(resolved.settings, trust) },
  };
}
