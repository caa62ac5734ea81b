import { describe, expect, it } from 'vitest';
import type { CertificateIdentity } from '../index.js';
import { VerifyError, validatePolicy } from '../index.js';
import { checkIdentity } from '../policy.js';
import { slsaLevel } from '../provenance.js';

const id: CertificateIdentity = {
  deprecatedExtensions: [],
  subjectAlternativeName:
    'https://github.com/acme/builders/.github/workflows/build.yml@refs/tags/v1.2.0',
  issuer: 'https://token.actions.githubusercontent.com',
  buildSignerURI: 'https://github.com/acme/builders/.github/workflows/build.yml@refs/tags/v1.2.0',
  buildSignerDigest: 'b'.repeat(40),
  runnerEnvironment: 'github-hosted',
  sourceRepositoryURI: 'https://github.com/acme/app',
  sourceRepositoryDigest: 'a'.repeat(40),
  sourceRepositoryRef: 'refs/tags/v3.0.0',
  sourceRepositoryOwnerURI: 'https://github.com/acme',
  buildConfigURI: 'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v3.0.0',
};

function reason(policy: Parameters<typeof checkIdentity>[1], identity = id): string | undefined {
  return checkIdentity(identity, policy)?.reason;
}

describe('identity policy', () => {
  it('--repo requires the signer in the same repository unless --signer-* says otherwise', () => {
    expect(reason({ repo: 'acme/app' })).toBe('SIGNER_REPOSITORY_MISMATCH');
    expect(reason({ repo: 'acme/app', signerRepo: 'acme/builders' })).toBeUndefined();
    expect(reason({ repo: 'ACME/App', signerRepo: 'acme/builders' })).toBeUndefined();
    expect(reason({ repo: 'acme/app-fork', signerRepo: 'acme/builders' })).toBe(
      'REPOSITORY_MISMATCH',
    );
    // A repository whose name starts like the expected one is another repository.
    expect(reason({ repo: 'acme/ap', signerRepo: 'acme/builders' })).toBe('REPOSITORY_MISMATCH');
    expect(reason({ repo: 'acme/app', signerRepo: 'acme/build' })).toBe(
      'SIGNER_REPOSITORY_MISMATCH',
    );
  });

  it('--owner accepts signers of the same owner only', () => {
    expect(reason({ owner: 'acme' })).toBeUndefined();
    expect(reason({ owner: 'acm' })).toBe('OWNER_MISMATCH');
    expect(
      reason(
        { owner: 'acme' },
        { ...id, buildSignerURI: 'https://github.com/evil/builders/.github/workflows/b.yml@v1' },
      ),
    ).toBe('SIGNER_REPOSITORY_MISMATCH');
  });

  it('--signer-workflow: host optional, any ref unless given, no prefix matches', () => {
    const wf = 'acme/builders/.github/workflows/build.yml';
    expect(reason({ owner: 'acme', signerWorkflow: wf })).toBeUndefined();
    expect(reason({ owner: 'acme', signerWorkflow: `github.com/${wf}` })).toBeUndefined();
    expect(reason({ owner: 'acme', signerWorkflow: `${wf}@refs/tags/v1.2.0` })).toBeUndefined();
    expect(reason({ owner: 'acme', signerWorkflow: `${wf}@refs/tags/v1.2` })).toBe(
      'SIGNER_WORKFLOW_MISMATCH',
    );
    expect(reason({ owner: 'acme', signerWorkflow: 'acme/builders/.github/workflows/build' })).toBe(
      'SIGNER_WORKFLOW_MISMATCH',
    );
    expect(
      reason({ owner: 'acme', signerWorkflow: 'acme/builders/.github/workflows/build.y' }),
    ).toBe('SIGNER_WORKFLOW_MISMATCH');
  });

  it('cosign regexes are anchored at both ends', () => {
    expect(reason({ certificateIdentityRegexp: 'acme/builders' })).toBe('IDENTITY_MISMATCH');
    expect(reason({ certificateIdentityRegexp: 'https://github.com/acme/.*' })).toBeUndefined();
    expect(
      reason({
        certificateIdentityRegexp: '.*',
        certificateOidcIssuerRegexp: 'https://token.actions.githubusercontent.com.evil',
      }),
    ).toBe('ISSUER_MISMATCH');
    // An alternation cannot escape the anchors.
    expect(
      reason({ certificateIdentityRegexp: 'x|https://github.com/acme/builders/.*' }),
    ).toBeUndefined();
    expect(reason({ certificateIdentityRegexp: 'x|acme' })).toBe('IDENTITY_MISMATCH');
  });

  it('gh flags expect GitHub Actions as issuer unless one is named', () => {
    expect(reason({ owner: 'acme' }, { ...id, issuer: 'https://accounts.google.com' })).toBe(
      'ISSUER_MISMATCH',
    );
  });

  it('source ref/digest, signer digest and runner checks', () => {
    expect(
      reason({
        owner: 'acme',
        sourceRef: 'refs/tags/v3.0.0',
        sourceDigest: 'A'.repeat(40),
        signerDigest: 'b'.repeat(40),
      }),
    ).toBeUndefined();
    expect(reason({ owner: 'acme', sourceRef: 'refs/heads/main' })).toBe('SOURCE_REF_MISMATCH');
    expect(
      reason(
        { owner: 'acme', denySelfHostedRunners: true },
        { ...id, runnerEnvironment: 'self-hosted' },
      ),
    ).toBe('SELF_HOSTED_RUNNER');
  });

  it('bad flag combinations are usage errors', () => {
    for (const bad of [
      { repo: 'nope' },
      { repo: 'acme/app', owner: 'other' },
      { signerWorkflow: 'a/b/c', signerRepo: 'a/b' },
      { certificateIdentity: 'x', certificateIdentityRegexp: 'x' },
      { certificateIdentityRegexp: '(' },
      { signerRepo: 'nope' },
      { owner: 'a/b' },
      { certificateIdentity: 'x', signerRepo: 'a/b' },
      { certificateOidcIssuer: 'x', certificateOidcIssuerRegexp: 'x' },
      { certificateOidcIssuerRegexp: '[' },
      { repo: 'a/b', hostname: 'github.example.com' },
    ]) {
      expect(() => validatePolicy(bad)).toThrow(VerifyError);
      expect(() => validatePolicy(bad)).toThrow(
        expect.objectContaining({ code: 'INVALID_POLICY' }),
      );
    }
    expect(() => validatePolicy({ repo: 'a/b', hostname: 'Acme.ghe.com' })).not.toThrow();
  });
});

describe('SLSA Build level', () => {
  it('is decided from the certificate', () => {
    expect(slsaLevel('certificate', true, id).level).toBe(3);
    expect(slsaLevel('certificate', true, { ...id, buildSignerURI: id.buildConfigURI }).level).toBe(
      2,
    );
    expect(
      slsaLevel('certificate', true, {
        ...id,
        buildSignerURI: 'https://github.com/acme/app/.github/workflows/build.yml@refs/tags/v3.0.0',
      }).level,
    ).toBe(2);
    expect(slsaLevel('certificate', true, { ...id, runnerEnvironment: 'self-hosted' }).level).toBe(
      1,
    );
    expect(slsaLevel('certificate', true, { ...id, runnerEnvironment: undefined }).level).toBe(1);
    expect(slsaLevel('key', true).level).toBe(1);
    expect(slsaLevel('unsigned', true).level).toBe(1);
    expect(slsaLevel('certificate', false, id).level).toBe(0);
  });
});
