import { execFile } from 'node:child_process';
import { hostname } from 'node:os';
import { promisify } from 'node:util';
import type { ResourceDescriptor } from '@build-artifact/core';
import type { SlsaProvenanceV1 } from '@build-artifact/provenance';
import type { FlowContext } from './oci-target.js';

/** Where provenance comes from: GitHub's shape from a verified Actions token, or a local build. */
export interface ProvenanceRequest {
  /**
   * `github`: from the job's OIDC token (verified against its issuer); `local`: this machine's
   * builder; `auto` (default): `github` inside Actions (a token service in the environment).
   */
  builder?: 'auto' | 'github' | 'local';
  /** The token issuer to verify against (default GitHub's; `ATTEST_OIDC_ISSUER` overrides). */
  issuer?: string;
  /** The issuer's JWKS URL, when not found through its discovery document. */
  jwksUrl?: string;
  /** Artifacts the build consumed (e.g. the wasm module a CLI embeds). */
  resolvedDependencies?: readonly ResourceDescriptor[];
}

/** A predicate, how it was made (for people), and the verified token when there was one. */
export interface Predicate {
  predicate: SlsaProvenanceV1;
  describe: string;
  /** The verified OIDC token (audience `sigstore`): Fulcio accepts it as it is. */
  token?: string;
}

const run = promisify(execFile);

async function git(cwd: string, ...args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['-C', cwd, ...args], { timeout: 10_000 });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Inside Actions the job's OIDC token service is in the environment. */
export function inGitHubActions(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}

/**
 * The SLSA predicate of this run. In GitHub Actions a token is read from the token service and
 * verified against its issuer's keys: the claims, not the GITHUB_* variables a build step could
 * change, are the source of truth. Elsewhere, the local builder with the git checkout as source.
 */
export async function buildPredicate(
  request: ProvenanceRequest,
  context: FlowContext,
): Promise<Predicate> {
  const prov = await import('@build-artifact/provenance');
  const resolvedDependencies = request.resolvedDependencies ?? [];
  const builder =
    request.builder === 'auto' || request.builder === undefined
      ? inGitHubActions(context.env)
        ? 'github'
        : 'local'
      : request.builder;
  if (builder === 'github') {
    const { fetchActionsIdToken } = await import('@build-artifact/sign');
    // The runner's server URL only picks the default issuer (github.com, *.ghe.com, GHES) and
    // must agree with the token; the token's claims are the source of truth.
    const serverUrl = context.env.GITHUB_SERVER_URL || undefined;
    const issuer =
      request.issuer ?? (context.env.ATTEST_OIDC_ISSUER || prov.issuerForServerUrl(serverUrl));
    const jwksUrl = request.jwksUrl ?? context.env.ATTEST_OIDC_JWKS_URL;
    const token = await fetchActionsIdToken(context.env, 'sigstore');
    const claims = await prov.verifyOidcToken(token, {
      issuer,
      ...(jwksUrl ? { jwksUrl } : {}),
    });
    return {
      token,
      predicate: prov.githubProvenance(claims, {
        resolvedDependencies: [...resolvedDependencies],
        ...(serverUrl ? { serverUrl } : {}),
      }),
      describe: `GitHub Actions run ${claims.repository} #${claims.run_id}, workflow ${claims.job_workflow_ref ?? claims.workflow_ref} (token verified against ${claims.iss})`,
    };
  }
  const [commit, remote, ref] = await Promise.all([
    git(context.cwd, 'rev-parse', 'HEAD'),
    git(context.cwd, 'config', '--get', 'remote.origin.url'),
    git(context.cwd, 'symbolic-ref', '-q', 'HEAD'),
  ]);
  const source =
    commit && remote
      ? {
          uri: `git+${remote.replace(/^git@([^:]+):/, 'https://$1/')}${ref ? `@${ref}` : ''}`,
          gitCommit: commit,
        }
      : undefined;
  const predicate = prov.localProvenance({
    hostname: hostname(),
    ...(source ? { source } : {}),
    resolvedDependencies: [...resolvedDependencies],
  });
  return { predicate, describe: `local build (builder ${predicate.runDetails.builder.id})` };
}
