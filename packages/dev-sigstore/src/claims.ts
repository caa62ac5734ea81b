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
  /** The job's deployment environment, when it has one (`sub` then names it). */
  environment?: string;
  /** The enterprise owning the repository (GitHub Enterprise Cloud). */
  enterprise?: string;
  enterprise_id?: string;
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

/** The GitHub runs the claim sets describe (see `claimSets`). */
export type ClaimSetName =
  | 'push'
  | 'fork-pull-request-self-hosted'
  | 'release-reusable-workflow'
  | 'ref-with-at'
  | 'merge-queue'
  | 'enterprise-issuer'
  | 'ghe-com'
  | 'enterprise-server';

/** One GitHub Actions run: what the runner says its server is, and its token's claims. */
export interface ClaimSet {
  /** `GITHUB_SERVER_URL` on that run's runner. */
  serverUrl: string;
  /** The token's claims (`iss` only where it is not the issuer's own: the enterprise form). */
  claims: Partial<GitHubClaims>;
}

/**
 * Claims of real kinds of GitHub Actions runs, shaped as GitHub issues them, for tests that
 * compare what two tools build from one token. `issuer` is the dev issuer's `iss`: the
 * enterprise set is issued from its enterprise form `<issuer>/<slug>`.
 */
export function claimSets(issuer: string): Record<ClaimSetName, ClaimSet> {
  const github = 'https://github.com';
  return {
    // A push to main building in the repository's own workflow.
    push: {
      serverUrl: github,
      claims: {
        sub: 'repo:example/nats-wasm:ref:refs/heads/main',
        ref: 'refs/heads/main',
        ref_type: 'branch',
        ref_protected: 'true',
        sha: '3f786850e387550fdab836ed7e6dc881de23001b',
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
        workflow: 'build',
        workflow_ref: 'example/nats-wasm/.github/workflows/build.yml@refs/heads/main',
        workflow_sha: '3f786850e387550fdab836ed7e6dc881de23001b',
        job_workflow_ref: 'example/nats-wasm/.github/workflows/build.yml@refs/heads/main',
        job_workflow_sha: '3f786850e387550fdab836ed7e6dc881de23001b',
        event_name: 'push',
        head_ref: '',
        base_ref: '',
        runner_environment: 'github-hosted',
      },
    },
    // A pull request from a fork, built on the repository's own (self-hosted) runner: the ref
    // is the merge ref, the actor is the contributor, `sub` names the pull request.
    'fork-pull-request-self-hosted': {
      serverUrl: github,
      claims: {
        sub: 'repo:example/embedding-cli:pull_request',
        ref: 'refs/pull/128/merge',
        ref_type: 'branch',
        ref_protected: 'false',
        sha: '89e6c98d92887913cadf06b2adb97f26cde4849b',
        repository: 'example/embedding-cli',
        repository_id: '100000002',
        repository_owner: 'example',
        repository_owner_id: '100000000',
        repository_visibility: 'private',
        run_id: '9000000102',
        run_number: '311',
        run_attempt: '2',
        actor: 'outside-contributor',
        actor_id: '7654321',
        workflow: 'ci',
        workflow_ref: 'example/embedding-cli/.github/workflows/ci.yml@refs/pull/128/merge',
        workflow_sha: '89e6c98d92887913cadf06b2adb97f26cde4849b',
        job_workflow_ref: 'example/embedding-cli/.github/workflows/ci.yml@refs/pull/128/merge',
        job_workflow_sha: '89e6c98d92887913cadf06b2adb97f26cde4849b',
        event_name: 'pull_request',
        head_ref: 'fix-wasm-loader',
        base_ref: 'main',
        runner_environment: 'self-hosted',
      },
    },
    // A release of a tag, signed inside another repository's reusable workflow (the builder),
    // in a deployment environment.
    'release-reusable-workflow': {
      serverUrl: github,
      claims: {
        sub: 'repo:example/embedding-cli:environment:release',
        environment: 'release',
        ref: 'refs/tags/v1.2.0',
        ref_type: 'tag',
        ref_protected: 'true',
        sha: 'b6589fc6ab0dc82cf12099d1c2d40ab994e8410c',
        repository: 'example/embedding-cli',
        repository_id: '100000002',
        repository_owner: 'example',
        repository_owner_id: '100000000',
        repository_visibility: 'public',
        run_id: '9000000203',
        run_number: '57',
        run_attempt: '1',
        actor: 'release-manager',
        actor_id: '1234567',
        workflow: 'release',
        workflow_ref: 'example/embedding-cli/.github/workflows/release.yml@refs/tags/v1.2.0',
        workflow_sha: 'b6589fc6ab0dc82cf12099d1c2d40ab994e8410c',
        job_workflow_ref:
          'build-artifact/build-artifact/.github/workflows/build-artifact.yml@refs/tags/v1.0.0',
        job_workflow_sha: 'f0e1d2c3b4a5968778695a4b3c2d1e0f12345678',
        event_name: 'release',
        head_ref: '',
        base_ref: '',
        runner_environment: 'github-hosted',
      },
    },
    // A monorepo's package tag as changesets writes them: the ref holds '@' twice.
    'ref-with-at': {
      serverUrl: github,
      claims: {
        sub: 'repo:example/js-tools:ref:refs/tags/@example/cli@2.3.1',
        ref: 'refs/tags/@example/cli@2.3.1',
        ref_type: 'tag',
        ref_protected: 'false',
        sha: '356a192b7913b04c54574d18c28d46e6395428ab',
        repository: 'example/js-tools',
        repository_id: '100000003',
        repository_owner: 'example',
        repository_owner_id: '100000000',
        repository_visibility: 'public',
        run_id: '9000000304',
        run_number: '12',
        run_attempt: '1',
        actor: 'github-actions[bot]',
        actor_id: '41898282',
        workflow: 'publish',
        workflow_ref: 'example/js-tools/.github/workflows/publish.yml@refs/tags/@example/cli@2.3.1',
        workflow_sha: '356a192b7913b04c54574d18c28d46e6395428ab',
        job_workflow_ref:
          'example/js-tools/.github/workflows/publish.yml@refs/tags/@example/cli@2.3.1',
        job_workflow_sha: '356a192b7913b04c54574d18c28d46e6395428ab',
        event_name: 'push',
        head_ref: '',
        base_ref: '',
        runner_environment: 'github-hosted',
      },
    },
    // A merge queue's temporary branch (event merge_group).
    'merge-queue': {
      serverUrl: github,
      claims: {
        sub: 'repo:example/nats-wasm:ref:refs/heads/gh-readonly-queue/main/pr-512-da4b9237bacccdf19c0760cab7aec4a8359010b0',
        ref: 'refs/heads/gh-readonly-queue/main/pr-512-da4b9237bacccdf19c0760cab7aec4a8359010b0',
        ref_type: 'branch',
        ref_protected: 'false',
        sha: '77de68daecd823babbb58edb1c8e14d7106e83bb',
        repository: 'example/nats-wasm',
        repository_id: '100000001',
        repository_owner: 'example',
        repository_owner_id: '100000000',
        repository_visibility: 'public',
        run_id: '9000000405',
        run_number: '903',
        run_attempt: '1',
        actor: 'octocat',
        actor_id: '583231',
        workflow: 'ci',
        workflow_ref:
          'example/nats-wasm/.github/workflows/ci.yml@refs/heads/gh-readonly-queue/main/pr-512-da4b9237bacccdf19c0760cab7aec4a8359010b0',
        workflow_sha: '77de68daecd823babbb58edb1c8e14d7106e83bb',
        job_workflow_ref:
          'example/nats-wasm/.github/workflows/ci.yml@refs/heads/gh-readonly-queue/main/pr-512-da4b9237bacccdf19c0760cab7aec4a8359010b0',
        job_workflow_sha: '77de68daecd823babbb58edb1c8e14d7106e83bb',
        event_name: 'merge_group',
        head_ref: '',
        base_ref: '',
        runner_environment: 'github-hosted',
      },
    },
    // GitHub Enterprise Cloud with a custom issuer: `iss` is `<issuer>/<enterprise-slug>`.
    'enterprise-issuer': {
      serverUrl: github,
      claims: {
        iss: `${issuer}/acme-corp`,
        sub: 'repo:acme-platform/build-tools:ref:refs/heads/main',
        ref: 'refs/heads/main',
        ref_type: 'branch',
        ref_protected: 'true',
        sha: '1b6453892473a467d07372d45eb05abc2031647a',
        repository: 'acme-platform/build-tools',
        repository_id: '100000004',
        repository_owner: 'acme-platform',
        repository_owner_id: '100000010',
        repository_visibility: 'internal',
        enterprise: 'acme-corp',
        enterprise_id: '5123',
        run_id: '9000000506',
        run_number: '88',
        run_attempt: '1',
        actor: 'acme-dev',
        actor_id: '2345678',
        workflow: 'release',
        workflow_ref: 'acme-platform/build-tools/.github/workflows/release.yml@refs/heads/main',
        workflow_sha: '1b6453892473a467d07372d45eb05abc2031647a',
        job_workflow_ref: 'acme-platform/build-tools/.github/workflows/release.yml@refs/heads/main',
        job_workflow_sha: '1b6453892473a467d07372d45eb05abc2031647a',
        event_name: 'workflow_dispatch',
        head_ref: '',
        base_ref: '',
        runner_environment: 'github-hosted',
      },
    },
    // GitHub Enterprise Cloud with data residency (a tenant on *.ghe.com).
    'ghe-com': {
      serverUrl: 'https://octo-tenant.ghe.com',
      claims: {
        sub: 'repo:payments/ledger:ref:refs/heads/main',
        ref: 'refs/heads/main',
        ref_type: 'branch',
        ref_protected: 'true',
        sha: 'ac3478d69a3c81fa62e60f5c3696165a4e5e6ac4',
        repository: 'payments/ledger',
        repository_id: '2001',
        repository_owner: 'payments',
        repository_owner_id: '1001',
        repository_visibility: 'private',
        enterprise: 'octo-tenant',
        enterprise_id: '1',
        run_id: '40001',
        run_number: '5',
        run_attempt: '1',
        actor: 'ledger-dev',
        actor_id: '301',
        workflow: 'release',
        workflow_ref: 'payments/ledger/.github/workflows/release.yml@refs/heads/main',
        workflow_sha: 'ac3478d69a3c81fa62e60f5c3696165a4e5e6ac4',
        job_workflow_ref: 'payments/ledger/.github/workflows/release.yml@refs/heads/main',
        job_workflow_sha: 'ac3478d69a3c81fa62e60f5c3696165a4e5e6ac4',
        event_name: 'push',
        head_ref: '',
        base_ref: '',
        runner_environment: 'github-hosted',
      },
    },
    // GitHub Enterprise Server: its own host, self-hosted runners.
    'enterprise-server': {
      serverUrl: 'https://github.corp.example',
      claims: {
        sub: 'repo:platform/api:ref:refs/tags/v3.0.0',
        ref: 'refs/tags/v3.0.0',
        ref_type: 'tag',
        ref_protected: 'false',
        sha: 'c1dfd96eea8cc2b62785275bca38ac261256e278',
        repository: 'platform/api',
        repository_id: '42',
        repository_owner: 'platform',
        repository_owner_id: '7',
        repository_visibility: 'internal',
        run_id: '1337',
        run_number: '9',
        run_attempt: '3',
        actor: 'deploy-bot',
        actor_id: '12',
        workflow: 'release',
        workflow_ref: 'platform/api/.github/workflows/release.yml@refs/tags/v3.0.0',
        workflow_sha: 'c1dfd96eea8cc2b62785275bca38ac261256e278',
        job_workflow_ref: 'platform/api/.github/workflows/release.yml@refs/tags/v3.0.0',
        job_workflow_sha: 'c1dfd96eea8cc2b62785275bca38ac261256e278',
        event_name: 'push',
        head_ref: '',
        base_ref: '',
        runner_environment: 'self-hosted',
      },
    },
  };
}
