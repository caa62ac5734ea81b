import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSLSAProvenancePredicate } from '@actions/attest';
import { PredicateType } from '@build-artifact/core';
import {
  type ClaimSet,
  type ClaimSetName,
  claimSets,
  type DevSigstore,
  startDevSigstore,
} from '@build-artifact/dev-sigstore';
import { ASN1Obj, X509Certificate } from '@sigstore/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type GitHubClaims,
  githubProvenance,
  ProvenanceError,
  provenanceStatement,
  type SlsaProvenanceV1,
  verifyOidcToken,
} from '../index.js';

const testdata = join(import.meta.dirname, '../../../../../shared/testdata/bundles/gh-cli');

// A real attestation made by actions/attest-build-provenance (GitHub's buildType), and the claims
// Fulcio copied from its OIDC token into the certificate.
async function realAttestation() {
  const bundle = JSON.parse(await readFile(join(testdata, 'custom-issuer.sigstore.json'), 'utf8'));
  const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'));
  const cert = X509Certificate.parse(
    Buffer.from(bundle.verificationMaterial.certificate.rawBytes, 'base64'),
  );
  const ext = (n: number) => {
    const e = cert.extension(`1.3.6.1.4.1.57264.1.${n}`);
    if (!e) throw new Error(`no extension .${n}`);
    return ASN1Obj.parseBuffer(e.value as Buffer<ArrayBuffer>).value.toString('utf8');
  };
  const gh = 'https://github.com/';
  const strip = (v: string) => (v.startsWith(gh) ? v.slice(gh.length) : v);
  const [, runId, attempt] = /\/actions\/runs\/(\d+)\/attempts\/(\d+)$/.exec(ext(21))!;
  const claims = {
    iss: ext(8),
    repository: strip(ext(12)),
    repository_owner: strip(ext(16)),
    sha: ext(13),
    ref: ext(14),
    repository_id: ext(15),
    repository_owner_id: ext(17),
    event_name: ext(20),
    runner_environment: ext(11),
    workflow_ref: strip(ext(18)),
    workflow_sha: ext(19),
    job_workflow_ref: strip(ext(9)),
    job_workflow_sha: ext(10),
    repository_visibility: ext(22),
    run_id: runId!,
    run_attempt: attempt!,
  };
  return { statement, claims };
}

function expectFieldByField(actual: unknown, expected: unknown, path = 'predicate'): void {
  if (typeof expected === 'object' && expected !== null) {
    expect(Object.keys(actual as object).sort(), `keys of ${path}`).toEqual(
      Object.keys(expected).sort(),
    );
    for (const [k, v] of Object.entries(expected)) {
      expectFieldByField((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
    }
  } else {
    expect(actual, path).toBe(expected);
  }
}

let dev: DevSigstore;
beforeAll(async () => {
  dev = await startDevSigstore();
});
afterAll(async () => {
  await dev?.close();
});

describe('GitHub provenance', () => {
  it('rebuilds a real GitHub provenance field by field from the same claims', async () => {
    const { statement, claims } = await realAttestation();
    expect(statement.predicate.buildDefinition.buildType).toBe(
      'https://actions.github.io/buildtypes/workflow/v1',
    );
    const predicate = githubProvenance(claims);
    expectFieldByField(predicate, statement.predicate);
    expect(JSON.stringify(provenanceStatement(statement.subject, predicate))).toBe(
      JSON.stringify(statement),
    );
  });

  it('matches it from a verified token of the GitHub-like issuer too', async () => {
    const { statement, claims } = await realAttestation();
    const { iss: _iss, ...rest } = claims;
    dev.setClaims(rest);
    try {
      const res = await fetch(`${dev.oidc.requestURL}&audience=sigstore`, {
        headers: { Authorization: `Bearer ${dev.oidc.requestToken}` },
      });
      const { value } = (await res.json()) as { value: string };
      const verified = await verifyOidcToken(value, { issuer: dev.oidc.issuer });
      expectFieldByField(githubProvenance(verified), statement.predicate);
    } finally {
      dev.setClaims({});
    }
  });

  it('names the reusable workflow as builder, and appends consumed artifacts', () => {
    const claims = {
      repository: 'example/embedding-cli',
      ref: 'refs/tags/v1.2.0',
      sha: '1'.repeat(40),
      repository_id: '7',
      repository_owner_id: '8',
      event_name: 'push',
      runner_environment: 'github-hosted',
      workflow_ref: 'example/embedding-cli/.github/workflows/release.yml@refs/tags/v1.2.0',
      job_workflow_ref:
        'build-artifact/build-artifact/.github/workflows/build-artifact.yml@refs/tags/v1',
      run_id: '99',
      run_attempt: '2',
    } satisfies Partial<GitHubClaims>;
    const wasm = {
      uri: 'oci://ghcr.io/example/nats-wasm@sha256:' + 'a'.repeat(64),
      digest: { sha256: 'a'.repeat(64) },
    };
    const p = githubProvenance(claims as GitHubClaims, {
      resolvedDependencies: [wasm],
      serverUrl: 'https://ghe.example.com/',
    });
    expect(p.runDetails.builder.id).toBe(
      'https://ghe.example.com/build-artifact/build-artifact/.github/workflows/build-artifact.yml@refs/tags/v1',
    );
    expect(p.buildDefinition.resolvedDependencies).toEqual([
      {
        uri: 'git+https://ghe.example.com/example/embedding-cli@refs/tags/v1.2.0',
        digest: { gitCommit: '1'.repeat(40) },
      },
      wasm,
    ]);
    expect(p.runDetails.metadata?.invocationId).toBe(
      'https://ghe.example.com/example/embedding-cli/actions/runs/99/attempts/2',
    );
  });

  it("takes GitHub's URL from the token's issuer, not from GITHUB_SERVER_URL", () => {
    const claims = {
      iss: 'https://ghe.example.com/_services/token',
      repository: 'o/r',
      workflow_ref: 'o/r/.github/workflows/release.yml@refs/heads/main',
    } as GitHubClaims;
    process.env.GITHUB_SERVER_URL = 'https://elsewhere.example';
    try {
      const p = githubProvenance(claims);
      expect(
        (p.buildDefinition.externalParameters.workflow as { repository: string }).repository,
      ).toBe('https://ghe.example.com/o/r');
    } finally {
      delete process.env.GITHUB_SERVER_URL;
    }
  });

  it("takes the workflow's ref from the ref claim, whole when it holds '@'", () => {
    const p = githubProvenance({
      iss: 'https://token.actions.githubusercontent.com',
      repository: 'o/r',
      ref: 'refs/tags/@scope/pkg@1.0.0',
      workflow_ref: 'o/r/.github/workflows/release.yml@refs/tags/@scope/pkg@1.0.0',
    } as GitHubClaims);
    expect(p.buildDefinition.externalParameters).toEqual({
      workflow: {
        ref: 'refs/tags/@scope/pkg@1.0.0',
        repository: 'https://github.com/o/r',
        path: '.github/workflows/release.yml',
      },
    });
  });

  it('names the server of the token’s issuer: *.ghe.com, GHES, an enterprise issuer', () => {
    const claims = {
      repository: 'o/r',
      ref: 'refs/heads/main',
      workflow_ref: 'o/r/.github/workflows/release.yml@refs/heads/main',
      job_workflow_ref: 'o/r/.github/workflows/release.yml@refs/heads/main',
    };
    const cases: [string, string][] = [
      ['https://token.actions.githubusercontent.com/acme-corp', 'https://github.com'],
      ['https://token.actions.octo-tenant.ghe.com', 'https://octo-tenant.ghe.com'],
      ['https://github.corp.example/_services/token', 'https://github.corp.example'],
    ];
    for (const [iss, server] of cases) {
      const p = githubProvenance({ ...claims, iss } as GitHubClaims);
      expect(p.runDetails.builder.id, iss).toBe(
        `${server}/o/r/.github/workflows/release.yml@refs/heads/main`,
      );
      // GITHUB_SERVER_URL as the runner gives it agrees, with or without a trailing slash.
      expect(
        githubProvenance({ ...claims, iss } as GitHubClaims, { serverUrl: `${server}/` }),
      ).toEqual(p);
    }
  });

  // @actions/attest writes GITHUB_SERVER_URL into the provenance whatever issued the token. We
  // refuse a server URL that is not the one of the token's issuer: the token is what was
  // verified, and gh (`--hostname`, the tenant) checks the certificate's URLs, which Fulcio
  // writes from the token, so provenance naming another server would contradict its own
  // certificate. For an issuer that names no server (a local one), GITHUB_SERVER_URL is used,
  // exactly as @actions/attest does (the comparison below).
  it('refuses a GITHUB_SERVER_URL that is not the server of the token’s issuer', () => {
    const claims = {
      iss: 'https://token.actions.githubusercontent.com',
      repository: 'o/r',
      ref: 'refs/heads/main',
      workflow_ref: 'o/r/.github/workflows/release.yml@refs/heads/main',
    } as GitHubClaims;
    for (const serverUrl of ['https://octo-tenant.ghe.com', 'https://evil.example']) {
      let err: unknown;
      try {
        githubProvenance(claims, { serverUrl });
      } catch (e) {
        err = e;
      }
      expect(err, serverUrl).toBeInstanceOf(ProvenanceError);
      expect((err as ProvenanceError).code).toBe('SERVER_URL_MISMATCH');
    }
    expect(() => githubProvenance(claims, { serverUrl: 'https://github.com/o' })).toThrow(
      ProvenanceError,
    );
  });
});

// The oracle: @actions/attest's own buildSLSAProvenancePredicate, which fetches a token from
// ACTIONS_ID_TOKEN_REQUEST_URL (audience "nobody"), verifies it against the issuer it is given
// (here the local one: its default is derived from GITHUB_SERVER_URL and is GitHub's), and
// writes URLs from GITHUB_SERVER_URL.
describe("equals @actions/attest's buildSLSAProvenancePredicate", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of [
      'ACTIONS_ID_TOKEN_REQUEST_URL',
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      'GITHUB_SERVER_URL',
    ]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    dev.setClaims({});
  });

  // @actions/core prints workflow commands (::debug::, ::add-mask::) on stdout: not for the test log.
  async function theirPredicate() {
    const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      return await buildSLSAProvenancePredicate(dev.oidc.issuer);
    } finally {
      quiet.mockRestore();
    }
  }

  async function both(set: ClaimSet) {
    Object.assign(process.env, {
      ACTIONS_ID_TOKEN_REQUEST_URL: dev.oidc.requestURL,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: dev.oidc.requestToken,
      GITHUB_SERVER_URL: set.serverUrl,
    });
    dev.setClaims(set.claims);
    const theirs = await theirPredicate();
    // Ours as `attest provenance` does it: a token for Fulcio's audience from the same endpoint,
    // verified against the expected issuer, and the runner's server URL.
    const res = await fetch(`${dev.oidc.requestURL}&audience=sigstore`, {
      headers: { Authorization: `Bearer ${dev.oidc.requestToken}` },
    });
    const { value } = (await res.json()) as { value: string };
    const claims = await verifyOidcToken(value, { issuer: dev.oidc.issuer });
    return { theirs, ours: githubProvenance(claims, { serverUrl: set.serverUrl }), claims };
  }

  const names = Object.keys(claimSets('http://issuer.invalid')) as ClaimSetName[];
  it.each(names)('for the claims of %s', async (name) => {
    const set = claimSets(dev.oidc.issuer)[name];
    const { theirs, ours, claims } = await both(set);
    expect(theirs.type).toBe(PredicateType.SLSA_PROVENANCE_V1);
    expectFieldByField(ours, theirs.params);
    expect(claims.iss).toBe(set.claims.iss ?? dev.oidc.issuer);
  });

  // Equal in every set above; they part on events from commits without a ref, where
  // @actions/attest >= 1.6 writes the `ref` claim (actions/toolkit#1969).
  it('takes the ref claim when it differs from the ref in workflow_ref', async () => {
    const push = claimSets(dev.oidc.issuer).push;
    const set = {
      ...push,
      claims: {
        ...push.claims,
        ref: 'refs/heads/deploy-target',
        workflow_ref: 'example/nats-wasm/.github/workflows/build.yml@refs/heads/main',
      },
    };
    const { theirs, ours } = await both(set);
    expect((theirs.params as SlsaProvenanceV1).buildDefinition.externalParameters.workflow).toEqual(
      expect.objectContaining({ ref: 'refs/heads/deploy-target' }),
    );
    expectFieldByField(ours, theirs.params);
  });

  it('covers a pull request from a fork on a self-hosted runner, a reusable workflow, an @ in a ref, a merge queue, an enterprise issuer, GHES and *.ghe.com', () => {
    const sets = claimSets(dev.oidc.issuer);
    expect(sets['fork-pull-request-self-hosted'].claims).toMatchObject({
      event_name: 'pull_request',
      runner_environment: 'self-hosted',
    });
    const reusable = sets['release-reusable-workflow'].claims;
    expect(reusable.job_workflow_ref!.startsWith(`${reusable.repository}/`)).toBe(false);
    expect(sets['ref-with-at'].claims.ref).toMatch(/@.*@/);
    expect(sets['merge-queue'].claims.event_name).toBe('merge_group');
    expect(sets['enterprise-issuer'].claims.iss).toBe(`${dev.oidc.issuer}/acme-corp`);
    expect(sets['ghe-com'].serverUrl).toMatch(/^https:\/\/[a-z0-9-]+\.ghe\.com$/);
    expect(sets['enterprise-server'].serverUrl).toBe('https://github.corp.example');
  });

  // @actions/attest checks only that `iss` starts with the issuer, so it takes tokens GitHub
  // never issues (a nested path, or a longer host name) as long as the base issuer's keys
  // verify them. We take the issuer and its one-segment enterprise form only, as Fulcio's
  // GitHub enterprise issuer and gh (an exact --cert-oidc-issuer) do.
  it('differs on purpose: refuses an iss that only starts with the issuer', async () => {
    for (const iss of [`${dev.oidc.issuer}/acme-corp/team`, `${dev.oidc.issuer}-evil`]) {
      const set = { serverUrl: 'https://github.com', claims: { iss } };
      const err = await both(set).catch((e) => e);
      expect(err, iss).toBeInstanceOf(ProvenanceError);
      expect(err.code).toBe('INVALID_TOKEN');
      // ...where @actions/attest accepts it.
      const theirs = await theirPredicate();
      expect(theirs.type).toBe(PredicateType.SLSA_PROVENANCE_V1);
    }
  });
});
