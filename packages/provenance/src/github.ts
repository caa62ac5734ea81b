import { BuildType, type ResourceDescriptor } from '@build-artifact/core';
import { ProvenanceError } from './error.js';
import { parseServerUrl, serverUrlForIssuer } from './oidc.js';
import { quoted } from './text.js';
import type { GitHubClaims, SlsaProvenanceV1 } from './types.js';

export interface GitHubProvenanceOptions {
  /**
   * GitHub's web URL as the runner gives it (`GITHUB_SERVER_URL`). The verified token's issuer
   * decides where it names a server (github.com and its enterprise issuers, `*.ghe.com`, GitHub
   * Enterprise Server), and then this must agree with it; for any other issuer (a local one)
   * this is the URL used. Default: the token's, else https://github.com.
   */
  serverUrl?: string;
  /** Artifacts the build consumed, recorded after the source (e.g. an embedded wasm module). */
  resolvedDependencies?: readonly ResourceDescriptor[];
}

type Claims = Pick<
  GitHubClaims,
  | 'iss'
  | 'ref'
  | 'sha'
  | 'repository'
  | 'repository_id'
  | 'repository_owner_id'
  | 'event_name'
  | 'workflow_ref'
  | 'job_workflow_ref'
  | 'runner_environment'
  | 'run_id'
  | 'run_attempt'
>;

function serverFor(claims: Claims, given: string | undefined): string {
  const fromToken = typeof claims.iss === 'string' ? serverUrlForIssuer(claims.iss) : undefined;
  const fromRunner = given === undefined ? undefined : parseServerUrl(given);
  // @actions/attest writes GITHUB_SERVER_URL whatever the token says. A runner whose server is
  // not the one that issued its token is misconfigured or tampered with: refuse rather than name
  // another server in signed provenance.
  if (fromToken && fromRunner && fromToken !== fromRunner) {
    throw new ProvenanceError({
      code: 'SERVER_URL_MISMATCH',
      message: `the GitHub server URL ${fromRunner} is not that of the token's issuer ${quoted(claims.iss)} (${fromToken})`,
    });
  }
  return fromToken ?? fromRunner ?? 'https://github.com';
}

/**
 * The SLSA v1 predicate GitHub's own tooling writes (buildType
 * https://actions.github.io/buildtypes/workflow/v1, field for field as @actions/attest's
 * `buildSLSAProvenancePredicate` builds it), from verified OIDC claims. `builder.id` is the
 * workflow that ran the signing job (`job_workflow_ref`): the reusable workflow when signing
 * happens inside one.
 */
export function githubProvenance(
  claims: Claims,
  options: GitHubProvenanceOptions = {},
): SlsaProvenanceV1 {
  const server = serverFor(claims, options.serverUrl);
  // owner/repo/.github/workflows/main.yml@refs/heads/main -> .github/workflows/main.yml. The
  // ref is the `ref` claim (as @actions/attest >= 1.6 has it), so a ref holding '@' stays whole.
  const [path] = claims.workflow_ref.replace(`${claims.repository}/`, '').split('@');
  return {
    buildDefinition: {
      buildType: BuildType.GITHUB_WORKFLOW_V1,
      externalParameters: {
        workflow: {
          ref: claims.ref,
          repository: `${server}/${claims.repository}`,
          path,
        },
      },
      internalParameters: {
        github: {
          event_name: claims.event_name,
          repository_id: claims.repository_id,
          repository_owner_id: claims.repository_owner_id,
          runner_environment: claims.runner_environment,
        },
      },
      resolvedDependencies: [
        {
          uri: `git+${server}/${claims.repository}@${claims.ref}`,
          digest: { gitCommit: claims.sha },
        },
        ...(options.resolvedDependencies ?? []).map((d) => ({ ...d })),
      ],
    },
    runDetails: {
      builder: { id: `${server}/${claims.job_workflow_ref}` },
      metadata: {
        invocationId: `${server}/${claims.repository}/actions/runs/${claims.run_id}/attempts/${claims.run_attempt}`,
      },
    },
  };
}
