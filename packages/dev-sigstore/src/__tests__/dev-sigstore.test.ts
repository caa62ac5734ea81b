import { generateKeyPairSync, sign, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { claimSets, type DevSigstore, DevSigstoreError, startDevSigstore } from '../index.js';

let dev: DevSigstore;
let dir: string;
beforeAll(async () => {
  dev = await startDevSigstore({ claims: { repository_visibility: 'private' } });
  dir = await mkdtemp(join(tmpdir(), 'dev-sigstore-'));
});
afterAll(async () => {
  await dev?.close();
  await rm(dir, { recursive: true, force: true });
});

async function requestToken(audience: string, bearer = dev.oidc.requestToken): Promise<Response> {
  // Exactly as @actions/core builds the URL: the request URL already has a query string.
  return fetch(`${dev.oidc.requestURL}&audience=${encodeURIComponent(audience)}`, {
    headers: { Authorization: `Bearer ${bearer}` },
  });
}

async function certificateFor(token: string): Promise<Response> {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const sub = String(decodeJwt(token).sub);
  return fetch(`${dev.fulcioURL}/api/v2/signingCert`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      credentials: { oidcIdentityToken: token },
      publicKeyRequest: {
        publicKey: {
          algorithm: 'ECDSA',
          content: publicKey.export({ format: 'pem', type: 'spki' }),
        },
        proofOfPossession: sign('sha256', Buffer.from(sub), privateKey).toString('base64'),
      },
    }),
  });
}

// The value of a Fulcio extension from .8 on: a DER UTF8String (tag 0x0c, short length).
function extension(cert: X509Certificate, oid: string): string | undefined {
  const der = cert.raw;
  const parts = oid.split('.').map(Number);
  const body = [parts[0]! * 40 + parts[1]!];
  for (const n of parts.slice(2)) {
    const bytes = [n & 0x7f];
    for (let v = n >> 7; v > 0; v >>= 7) bytes.unshift((v & 0x7f) | 0x80);
    body.push(...bytes);
  }
  const encoded = Buffer.from([0x06, body.length, ...body]);
  const at = der.indexOf(encoded);
  if (at < 0) return undefined;
  // OID, then OCTET STRING (04 len) holding the UTF8String (0c len value).
  let p = at + encoded.length;
  expect(der[p]).toBe(0x04);
  p += 2;
  expect(der[p]).toBe(0x0c);
  const len = der[p + 1]!;
  return der.subarray(p + 2, p + 2 + len).toString('utf8');
}

describe('the OIDC issuer', () => {
  it('mints GitHub-shaped tokens for the Actions request, verifiable through discovery + JWKS', async () => {
    const res = await requestToken('sigstore');
    expect(res.status).toBe(200);
    const { value } = (await res.json()) as { value: string };
    const discovery = (await (
      await fetch(`${dev.oidc.issuerURL}/.well-known/openid-configuration`)
    ).json()) as {
      issuer: string;
      jwks_uri: string;
    };
    expect(discovery.issuer).toBe(dev.oidc.issuer);
    const { payload, protectedHeader } = await jwtVerify(
      value,
      createRemoteJWKSet(new URL(discovery.jwks_uri)),
      {
        issuer: dev.oidc.issuer,
        audience: 'sigstore',
      },
    );
    expect(protectedHeader.alg).toBe('RS256');
    for (const claim of [
      'sub',
      'ref',
      'sha',
      'repository',
      'repository_id',
      'repository_owner',
      'repository_owner_id',
      'workflow_ref',
      'job_workflow_ref',
      'job_workflow_sha',
      'event_name',
      'run_id',
      'run_attempt',
      'runner_environment',
      'repository_visibility',
      'iat',
      'nbf',
      'exp',
      'jti',
    ]) {
      expect(payload, claim).toHaveProperty(claim);
    }
    expect(payload.repository_visibility).toBe('private');
  });

  it('refuses a request without the request token', async () => {
    expect((await requestToken('sigstore', 'wrong')).status).toBe(401);
  });

  it('uses claims changed at run time, keeping the derived ones consistent', async () => {
    dev.setClaims({
      repository: 'other/repo',
      ref: 'refs/tags/v2',
      repository_visibility: 'private',
    });
    try {
      const claims = decodeJwt(await dev.mintToken('x'));
      expect(claims).toMatchObject({
        repository: 'other/repo',
        repository_owner: 'other',
        sub: 'repo:other/repo:ref:refs/tags/v2',
        workflow_ref: 'other/repo/.github/workflows/release.yml@refs/tags/v2',
        ref_type: 'tag',
      });
      dev.setClaims({ repository: 'other/repo', sub: 'custom' });
      expect(decodeJwt(await dev.mintToken('x')).sub).toBe('custom');
      // Per-token claims are derived from the same way.
      dev.setClaims({});
      expect(decodeJwt(await dev.mintToken('x', { repository: 'third/repo' }))).toMatchObject({
        repository: 'third/repo',
        repository_owner: 'third',
        sub: 'repo:third/repo:ref:refs/heads/main',
        workflow_ref: 'third/repo/.github/workflows/release.yml@refs/heads/main',
      });
    } finally {
      dev.setClaims({ repository_visibility: 'private' });
    }
  });
});

describe('the enterprise form of the issuer', () => {
  it('issues <issuer>/<slug> tokens with its own key, discovery and JWKS under /<slug>', async () => {
    const iss = `${dev.oidc.issuer}/acme-corp`;
    const token = await dev.mintToken('sigstore', { iss });
    const discovery = (await (
      await fetch(`${dev.oidc.issuerURL}/acme-corp/.well-known/openid-configuration`)
    ).json()) as { issuer: string; jwks_uri: string };
    expect(discovery.issuer).toBe(iss);
    expect(discovery.jwks_uri).toBe(`${dev.oidc.issuerURL}/acme-corp/.well-known/jwks`);
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(discovery.jwks_uri)), {
      issuer: iss,
      audience: 'sigstore',
    });
    expect(payload.iss).toBe(iss);
    // Its key is its own: a base token does not verify against it...
    const base = await dev.mintToken('sigstore');
    await expect(
      jwtVerify(base, createRemoteJWKSet(new URL(discovery.jwks_uri)), { audience: 'sigstore' }),
    ).rejects.toThrow();
    // ...but the base JWKS lists it, as GitHub's base keys verify enterprise tokens.
    const baseJwks = createRemoteJWKSet(new URL(dev.oidc.jwksURL));
    expect((await jwtVerify(token, baseJwks, { audience: 'sigstore' })).payload.iss).toBe(iss);
    // The request endpoint issues it too when the claims say so.
    dev.setClaims({ iss, repository_visibility: 'private' });
    try {
      const { value } = (await (await requestToken('sigstore')).json()) as { value: string };
      expect(decodeJwt(value).iss).toBe(iss);
      expect((await certificateFor(value)).status).toBe(201);
    } finally {
      dev.setClaims({ repository_visibility: 'private' });
    }
  });

  it('serves no documents for a path GitHub would not issue', async () => {
    for (const path of ['a/b/.well-known/jwks', '-x/.well-known/jwks', 'acme/.well-known/other']) {
      expect((await fetch(`${dev.oidc.issuerURL}/${path}`)).status, path).toBe(404);
    }
  });
});

describe('claim sets', () => {
  it('are GitHub-shaped, consistent, and verifiable from the token endpoint', async () => {
    const sets = claimSets(dev.oidc.issuer);
    onTestFinished(() => dev.setClaims({ repository_visibility: 'private' }));
    for (const [name, { serverUrl, claims }] of Object.entries(sets)) {
      expect(serverUrl, name).toMatch(/^https:\/\/[a-z0-9.-]+$/);
      expect(claims.workflow_ref!.startsWith(`${claims.repository}/.github/workflows/`), name).toBe(
        true,
      );
      expect(claims.sub!.startsWith(`repo:${claims.repository}:`), name).toBe(true);
      expect(claims.repository!.split('/')[0], name).toBe(claims.repository_owner);
      dev.setClaims(claims);
      const { value } = (await (await requestToken('sigstore')).json()) as { value: string };
      const minted = decodeJwt(value);
      expect(minted, name).toMatchObject({ ...claims, iss: claims.iss ?? dev.oidc.issuer });
      expect((await certificateFor(value)).status, name).toBe(201);
    }
  });
});

describe('Fulcio', () => {
  it('certifies a GitHub token as real Fulcio does: SAN = job workflow, OIDs .8-.22 as UTF8String', async () => {
    const token = await dev.mintToken('sigstore');
    const claims = decodeJwt(token) as Record<string, string>;
    const res = await certificateFor(token);
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      signedCertificateEmbeddedSct: { chain: { certificates: string[] } };
    };
    const [leafPem, rootPem] = body.signedCertificateEmbeddedSct.chain.certificates;
    const leaf = new X509Certificate(leafPem!);
    expect(leaf.verify(new X509Certificate(rootPem!).publicKey)).toBe(true);
    const gh = 'https://github.com';
    expect(leaf.subjectAltName).toBe(`URI:${gh}/${claims.job_workflow_ref}`);
    const expected: Record<string, string> = {
      '8': dev.oidc.issuer,
      '9': `${gh}/${claims.job_workflow_ref}`,
      '10': claims.job_workflow_sha!,
      '11': 'github-hosted',
      '12': `${gh}/${claims.repository}`,
      '13': claims.sha!,
      '14': claims.ref!,
      '15': claims.repository_id!,
      '16': `${gh}/${claims.repository_owner}`,
      '17': claims.repository_owner_id!,
      '18': `${gh}/${claims.workflow_ref}`,
      '19': claims.workflow_sha!,
      '20': claims.event_name!,
      '21': `${gh}/${claims.repository}/actions/runs/${claims.run_id}/attempts/${claims.run_attempt}`,
      '22': 'private',
    };
    for (const [n, value] of Object.entries(expected)) {
      expect(extension(leaf, `1.3.6.1.4.1.57264.1.${n}`), `OID .${n}`).toBe(value);
    }
  });

  it('refuses a token for another audience, or not from its issuer', async () => {
    expect((await certificateFor(await dev.mintToken('nobody'))).status).toBe(401);
    const other = await startDevSigstore();
    try {
      expect((await certificateFor(await other.mintToken('sigstore'))).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('refuses a proof of possession by another key', async () => {
    const token = await dev.mintToken('sigstore');
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const { privateKey: otherKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const res = await fetch(`${dev.fulcioURL}/api/v2/signingCert`, {
      method: 'POST',
      body: JSON.stringify({
        credentials: { oidcIdentityToken: token },
        publicKeyRequest: {
          publicKey: { content: publicKey.export({ format: 'pem', type: 'spki' }) },
          proofOfPossession: sign(
            'sha256',
            Buffer.from(String(decodeJwt(token).sub)),
            otherKey,
          ).toString('base64'),
        },
      }),
    });
    expect(res.status).toBe(400);
  });
});

describe('the trusted root', () => {
  it('is a protobuf-specs TrustedRoot for its own CA, CT log, Rekor and TSA', async () => {
    const path = join(dir, 'trusted_root.json');
    await dev.writeTrustedRoot(path);
    const json = JSON.parse(await readFile(path, 'utf8'));
    expect(json).toEqual(dev.trustedRoot);
    expect(json.mediaType).toBe('application/vnd.dev.sigstore.trustedroot+json;version=0.1');
    const root = TrustedRoot.fromJSON(json);
    expect(root.certificateAuthorities).toHaveLength(1);
    expect(root.ctlogs).toHaveLength(1);
    expect(root.tlogs[0]!.baseUrl).toBe(dev.rekorURL);
    expect(root.timestampAuthorities[0]!.certChain!.certificates).toHaveLength(2);
    const ca = new X509Certificate(
      root.certificateAuthorities[0]!.certChain!.certificates[0]!.rawBytes,
    );
    expect(ca.ca).toBe(true);
    expect(root.certificateAuthorities[0]!.validFor!.start!.getTime()).toBeLessThanOrEqual(
      dev.clock.getTime(),
    );
    expect(await (await fetch(new URL('/trusted_root.json', dev.fulcioURL))).json()).toEqual(json);
  });

  it('exports the environment the tools read', () => {
    expect(dev.env()).toEqual({
      ACTIONS_ID_TOKEN_REQUEST_URL: dev.oidc.requestURL,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: dev.oidc.requestToken,
      ATTEST_FULCIO_URL: dev.fulcioURL,
      ATTEST_REKOR_URL: dev.rekorURL,
      ATTEST_TSA_URL: dev.tsaURL,
      ATTEST_OIDC_ISSUER: dev.oidc.issuer,
    });
    expect(new URL(dev.fulcioURL).hostname).toBe('127.0.0.1');
  });
});

describe('failure injection', () => {
  it('fails the next N requests to a service, then serves again', async () => {
    dev.injectFailures('oidc', 2, 503);
    expect((await requestToken('a')).status).toBe(503);
    expect((await requestToken('a')).status).toBe(503);
    expect((await requestToken('a')).status).toBe(200);
  });
});

it('reports a port it cannot listen on', async () => {
  const err = await startDevSigstore({ port: Number(new URL(dev.fulcioURL).port) }).catch((e) => e);
  expect(err).toBeInstanceOf(DevSigstoreError);
  expect(err.code).toBe('START_FAILED');
});
