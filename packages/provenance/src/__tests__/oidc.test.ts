import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProvenanceError, serverUrlForIssuer, verifyOidcToken } from '../index.js';

let dev: DevSigstore;
let other: DevSigstore;
beforeAll(async () => {
  [dev, other] = await Promise.all([startDevSigstore(), startDevSigstore({ tokenLifetime: -600 })]);
});
afterAll(async () => {
  await Promise.all([dev?.close(), other?.close()]);
});

async function code(p: Promise<unknown>): Promise<string | undefined> {
  const err = await p.then(
    () => undefined,
    (e) => e,
  );
  expect(err).toBeInstanceOf(ProvenanceError);
  return (err as ProvenanceError).code;
}

describe('verifyOidcToken', () => {
  it('checks the signature against the JWKS found by discovery and returns the claims', async () => {
    const claims = await verifyOidcToken(await dev.mintToken('sigstore'), {
      issuer: dev.oidc.issuer,
    });
    expect(claims.repository).toBe('example/nats-wasm');
    expect(claims.iss).toBe(dev.oidc.issuer);
  });

  it('takes an explicit JWKS URL (the issuer name need not serve it)', async () => {
    const gh = await startDevSigstore({ issuer: 'https://token.actions.githubusercontent.com' });
    try {
      const claims = await verifyOidcToken(await gh.mintToken('sigstore'), {
        issuer: 'https://token.actions.githubusercontent.com',
        jwksUrl: gh.oidc.jwksURL,
      });
      expect(claims.iss).toBe('https://token.actions.githubusercontent.com');
    } finally {
      await gh.close();
    }
  });

  it('refuses a wrong audience, a token from another issuer, an expired or altered token', async () => {
    expect(
      await code(verifyOidcToken(await dev.mintToken('nobody'), { issuer: dev.oidc.issuer })),
    ).toBe('INVALID_TOKEN');
    // Signed by another key but claiming our issuer: the JWKS of the issuer decides.
    const forged = await other.mintToken('sigstore', { iss: dev.oidc.issuer });
    expect(
      await code(verifyOidcToken(forged, { issuer: dev.oidc.issuer, clockTolerance: 3600 })),
    ).toBe('INVALID_TOKEN');
    expect(
      await code(verifyOidcToken(await other.mintToken('sigstore'), { issuer: other.oidc.issuer })),
    ).toBe('INVALID_TOKEN');
    const [h, p, s] = (await dev.mintToken('sigstore')).split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload.repository = 'attacker/repo';
    const altered = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
    expect(await code(verifyOidcToken(altered, { issuer: dev.oidc.issuer }))).toBe('INVALID_TOKEN');
    expect(await code(verifyOidcToken('not.a.jwt', { issuer: dev.oidc.issuer }))).toBe(
      'INVALID_TOKEN',
    );
  });

  it('requires the claims provenance is built from', async () => {
    const token = await dev.mintToken('sigstore', { job_workflow_ref: '' });
    expect(await code(verifyOidcToken(token, { issuer: dev.oidc.issuer }))).toBe('MISSING_CLAIMS');
  });

  it('reports an issuer whose discovery fails', async () => {
    expect(
      await code(
        verifyOidcToken(await dev.mintToken('sigstore'), { issuer: `${dev.fulcioURL}/nowhere` }),
      ),
    ).toBe('OIDC_DISCOVERY_FAILED');
  });
});

describe('serverUrlForIssuer', () => {
  it('derives GitHub’s URL from the issuer, not from the environment', () => {
    expect(serverUrlForIssuer('https://token.actions.githubusercontent.com')).toBe(
      'https://github.com',
    );
    expect(serverUrlForIssuer('https://token.actions.githubusercontent.com/hammer-time')).toBe(
      'https://github.com',
    );
    expect(serverUrlForIssuer('https://ghe.example.com/_services/token')).toBe(
      'https://ghe.example.com',
    );
    expect(
      serverUrlForIssuer('https://token.actions.githubusercontent.com.evil.example'),
    ).toBeUndefined();
    expect(serverUrlForIssuer('http://127.0.0.1:1234/oidc')).toBeUndefined();
  });
});
