import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { ASN1Obj, X509Certificate } from '@sigstore/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type GitHubClaims,
  githubProvenance,
  provenanceStatement,
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
    const p = githubProvenance(claims, {
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
      expect(p.buildDefinition.externalParameters.workflow.repository).toBe(
        'https://ghe.example.com/o/r',
      );
    } finally {
      delete process.env.GITHUB_SERVER_URL;
    }
  });

  it("keeps an '@' inside the workflow's ref", () => {
    const p = githubProvenance({
      iss: 'https://token.actions.githubusercontent.com',
      repository: 'o/r',
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
});
