import type { ResourceDescriptor } from '@build-artifact/core';

/** SLSA provenance v1 predicate (https://slsa.dev/spec/v1.0/provenance). */
export interface SlsaProvenanceV1 {
  buildDefinition: {
    buildType: string;
    externalParameters: Record<string, unknown>;
    internalParameters?: Record<string, unknown>;
    resolvedDependencies?: ResourceDescriptor[];
  };
  runDetails: {
    builder: {
      id: string;
      version?: Record<string, string>;
      builderDependencies?: ResourceDescriptor[];
    };
    metadata?: { invocationId?: string; startedOn?: string; finishedOn?: string };
    byproducts?: ResourceDescriptor[];
  };
}

/**
 * The claims of a GitHub Actions OIDC token that provenance is built from (strings, as GitHub
 * sends them). Other claims are kept as they come.
 */
export interface GitHubClaims {
  iss: string;
  aud: string | string[];
  sub: string;
  ref: string;
  sha: string;
  repository: string;
  repository_id: string;
  repository_owner: string;
  repository_owner_id: string;
  event_name: string;
  workflow_ref: string;
  job_workflow_ref: string;
  runner_environment: string;
  run_id: string;
  run_attempt: string;
  repository_visibility?: string;
  workflow_sha?: string;
  job_workflow_sha?: string;
  [claim: string]: unknown;
}
