/**
 * The claims of a GitHub Actions OIDC token, as documented by GitHub
 * ("About security hardening with OpenID Connect"). All values are strings, as GitHub sends them.
 */
export interface GitHubClaims {
  iss: string;
  sub: string;
  aud: string;
  jti?: string;
  ref: string;
  ref_type?: string;
  ref_protected?: string;
  sha: string;
  repository: string;
  repository_id: string;
  repository_owner: string;
  repository_owner_id: string;
  repository_visibility: string;
  run_id: string;
  run_number: string;
  run_attempt: string;
  actor: string;
  actor_id: string;
  workflow: string;
  workflow_ref: string;
  workflow_sha: string;
  job_workflow_ref: string;
  job_workflow_sha: string;
  event_name: string;
  head_ref?: string;
  base_ref?: string;
  runner_environment: string;
  [claim: string]: unknown;
}

/** Claims the dev issuer puts in its tokens unless told otherwise: a public repository's push build. */
export function defaultClaims(): Omit<GitHubClaims, 'iss' | 'aud'> {
  const sha = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
  return {
    sub: 'repo:example/nats-wasm:ref:refs/heads/main',
    ref: 'refs/heads/main',
    ref_type: 'branch',
    ref_protected: 'true',
    sha,
    repository: 'example/nats-wasm',
    repository_id: '100000001',
    repository_owner: 'example',
    repository_owner_id: '100000000',
    repository_visibility: 'public',
    run_id: '9000000001',
    run_number: '42',
    run_attempt: '1',
    actor: 'octocat',
    actor_id: '583231',
    workflow: 'release',
    workflow_ref: `example/nats-wasm/.github/workflows/release.yml@refs/heads/main`,
    workflow_sha: sha,
    job_workflow_ref:
      'build-artifact/build-artifact/.github/workflows/build-artifact.yml@refs/tags/v1.0.0',
    job_workflow_sha: 'f0e1d2c3b4a5968778695a4b3c2d1e0f12345678',
    event_name: 'push',
    head_ref: '',
    base_ref: '',
    runner_environment: 'github-hosted',
  };
}

/**
 * Claims that follow from others as GitHub sets them, so that overriding `repository` or `ref`
 * alone still gives a consistent token (`sub`, owner, workflow ref...). Explicit values win.
 */
export function derivedClaims(claims: Partial<GitHubClaims>): Partial<GitHubClaims> {
  const defaults = defaultClaims();
  const repository = String(claims.repository ?? defaults.repository);
  const ref = String(claims.ref ?? defaults.ref);
  const sha = String(claims.sha ?? defaults.sha);
  const derived: Partial<GitHubClaims> = {
    sub: `repo:${repository}:ref:${ref}`,
    repository_owner: repository.split('/')[0]!,
    workflow_ref: `${repository}/.github/workflows/release.yml@${ref}`,
    workflow_sha: sha,
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
  };
  return derived;
}
