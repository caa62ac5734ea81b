import { GITHUB_ACTIONS_ISSUER } from '@build-artifact/core';
import { startDevSigstore } from '@build-artifact/dev-sigstore';
import { describe, expect, it } from 'vitest';
import { policyUri } from '../policy.js';
import type { TargetResult, VerifyOutcome } from '../verify.js';
import { summaryStatement, summaryWriter } from '../vsa.js';

const context = (env: NodeJS.ProcessEnv = {}) => ({ cwd: '/work', env });
const jwt = (claims: object) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

const verified = (patch: Partial<TargetResult> = {}): TargetResult => ({
  target: 'dist/app.wasm',
  artifact: 'dist/app.wasm',
  digest: { sha256: 'ab'.repeat(32) },
  verified: true,
  timestamps: [],
  tlogEntries: [],
  crossChecks: [],
  crossChecksEnforced: true,
  uncheckedClaims: [],
  attempts: [],
  warnings: [],
  slsa: { level: 2, reason: 'L2' },
  policy: { name: 'p', uri: 'file:///p.yml', digest: { sha256: 'cd'.repeat(32) } },
  resourceUri: 'app.wasm',
  subjects: [{ name: 'app.wasm', digest: { sha256: 'ab'.repeat(32) } }],
  inputAttestations: [{ uri: 'dist/app.wasm.sigstore.json', digest: { sha256: 'ef'.repeat(32) } }],
  ...patch,
});

describe('policy URIs', () => {
  it('is the blob at the workflow’s commit in Actions, else a file URL, or the flags’ URN', () => {
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_WORKSPACE: '/home/runner/work/app/app',
    };
    expect(policyUri('/home/runner/work/app/app/policies/my policy.yml', env)).toBe(
      `https://github.com/acme/app/blob/${'a'.repeat(40)}/policies/my%20policy.yml`,
    );
    expect(policyUri('/tmp/p.yml', env)).toBe('file:///tmp/p.yml');
    expect(policyUri('/tmp/p.yml', {})).toBe('file:///tmp/p.yml');
    expect(policyUri(undefined, env)).toBe('urn:build-artifact:policy:flags');
  });
});

describe('the verifier of written summaries', () => {
  it('is the signing identity when keyless, else the one named, else the workflow in Actions', async () => {
    const keyless = (claims: object, env: NodeJS.ProcessEnv = {}, verifierId?: string) =>
      summaryWriter(
        {
          signing: {
            identityToken: jwt(claims),
            fulcioURL: 'http://127.0.0.1:9',
            tsaURL: 'http://127.0.0.1:9',
          },
          ...(verifierId ? { verifierId } : {}),
        },
        context(env),
      );
    const wf = 'acme/verify/.github/workflows/verify.yml@refs/heads/main';
    expect((await keyless({ job_workflow_ref: wf })).verifier).toBe(`https://github.com/${wf}`);
    expect(
      (await keyless({ job_workflow_ref: wf }, { GITHUB_SERVER_URL: 'https://acme.ghe.com' }))
        .verifier,
    ).toBe(`https://acme.ghe.com/${wf}`);
    expect((await keyless({ email: 'me@example.com' })).verifier).toBe('mailto:me@example.com');
    await expect(
      keyless({ job_workflow_ref: wf }, {}, 'https://example.com/other'),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect((await summaryWriter({ verifierId: 'https://example.com/v' }, context())).verifier).toBe(
      'https://example.com/v',
    );
    const actions = {
      GITHUB_ACTIONS: 'true',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/ci.yml@refs/heads/main',
    };
    expect((await summaryWriter({}, context(actions))).verifier).toBe(
      'https://github.com/acme/app/.github/workflows/ci.yml@refs/heads/main',
    );
    await expect(summaryWriter({}, context())).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringContaining('--verifier-id'),
    });
    await expect(
      summaryWriter({ verifierId: 'x', githubAttestations: { token: 't' } }, context()),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('unsigned in a job that may get a token: the workflow that runs the job, from its claims', async () => {
    const reusable = 'acme/builders/.github/workflows/build.yml@refs/tags/v1';
    const dev = await startDevSigstore({
      issuer: GITHUB_ACTIONS_ISSUER,
      claims: { job_workflow_ref: reusable },
    });
    try {
      const env = {
        ...dev.env(),
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/ci.yml@refs/heads/main',
      };
      expect((await summaryWriter({}, context(env))).verifier).toBe(
        `https://github.com/${reusable}`,
      );
    } finally {
      await dev.close();
    }
  });
});

describe('summaryStatement', () => {
  const fields = { verifier: 'https://example.com/v', timeVerified: '2026-01-02T03:04:05.000Z' };

  it('states the artifact, the policy, what it rests on and the levels, per SLSA v1.1', async () => {
    const dep = verified({
      slsa: { level: 3, reason: 'L3' },
      sbom: { source: 's', verified: true },
    });
    const s = await summaryStatement(
      verified({
        dependencies: [
          {
            sha256: '11'.repeat(32),
            recordedIn: ['provenance'],
            verified: true,
            result: dep,
            dependencies: [
              {
                sha256: '22'.repeat(32),
                recordedIn: ['sbom'],
                verified: true,
                result: verified(),
                dependencies: [],
              },
            ],
          },
        ],
      }),
      fields,
    );
    expect(s).toEqual({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'app.wasm', digest: { sha256: 'ab'.repeat(32) } }],
      predicateType: 'https://slsa.dev/verification_summary/v1',
      predicate: {
        verifier: { id: 'https://example.com/v', version: { '@build-artifact/verify': '0.1.0' } },
        timeVerified: '2026-01-02T03:04:05.000Z',
        resourceUri: 'app.wasm',
        policy: { uri: 'file:///p.yml', digest: { sha256: 'cd'.repeat(32) } },
        // Each attestation once, the dependencies' too.
        inputAttestations: [
          { uri: 'dist/app.wasm.sigstore.json', digest: { sha256: 'ef'.repeat(32) } },
        ],
        verificationResult: 'PASSED',
        verifiedLevels: ['SLSA_BUILD_LEVEL_2'],
        dependencyLevels: {
          SLSA_BUILD_LEVEL_3: 1,
          BUILD_ARTIFACT_SBOM_VERIFIED: 1,
          SLSA_BUILD_LEVEL_2: 1,
        },
        slsaVersion: '1.1',
      },
    });
  });

  it('only for an artifact that verified, and only with a resource to name', async () => {
    await expect(
      summaryStatement(verified({ verified: false, subjects: undefined }), fields),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    const { resourceUri: _r, ...unnamed } = verified();
    await expect(summaryStatement(unnamed as TargetResult, fields)).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringContaining('--vsa-resource-uri'),
    });
  });

  it('writes nothing for the targets that failed', async () => {
    const writer = await summaryWriter({ verifierId: 'https://example.com/v' }, context());
    const outcome: VerifyOutcome = {
      results: [verified(), verified({ target: 'b', verified: false })],
      verified: false,
      policy: verified().policy,
      verifiedAt: fields.timeVerified,
    };
    const written = await writer.write(outcome);
    expect(written.summaries.map((s) => s.target)).toEqual(['dist/app.wasm']);
    expect(written.file).toBeUndefined();
  });
});
