import { BuildType, type ResourceDescriptor } from '@build-artifact/core';
import { serverUrlForIssuer } from './oidc.js';
import type { GitHubClaims, SlsaProvenanceV1 } from './types.js';

export interface GitHubProvenanceOptions {
  /**
   * GitHub's web URL. Default: the one the verified token's issuer belongs to (github.com, or a
   * GitHub Enterprise Server's host), https://github.com for any other issuer; never the
   * GITHUB_SERVER_URL variable, which a step can change.
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

/**
 * The SLSA v1 predicate GitHub's own tooling writes (buildType
 * https://actions.github.io/buildtypes/workflow/v1, as actions/attest-build-provenance builds it),
 * from verified OIDC claims. `builder.id` is the workflow that ran the signing job
 * (`job_workflow_ref`): the reusable workflow when signing happens inside one.
 */
export function githubProvenance(
  claims: Claims,
  options: GitHubProvenanceOptions = {},
): SlsaProvenanceV1 {
  const server = (
    options.serverUrl ??
    serverUrlForIssuer(claims.iss) ??
    'https://github.com'
  ).replace(/\/+$/, '');
  // owner/repo/.github/workflows/main.yml@refs/heads/main -> path, ref (a ref may contain '@').
  const [path, ...refParts] = claims.workflow_ref.replace(`${claims.repository}/`, '').split('@');
  return {
    buildDefinition: {
      buildType: BuildType.GITHUB_WORKFLOW_V1,
      externalParameters: {
        workflow: {
          ref: refParts.join('@'),
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
