import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { exportJWK, generateKeyPair, type KeyLike, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  issuerForServerUrl,
  ProvenanceError,
  REQUIRED_CLAIMS,
  serverUrlForIssuer,
  verifyOidcToken,
} from '../index.js';

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
    const nowhere = `${dev.fulcioURL}/nowhere`;
    expect(
      await code(
        verifyOidcToken(await dev.mintToken('sigstore', { iss: nowhere }), { issuer: nowhere }),
      ),
    ).toBe('OIDC_DISCOVERY_FAILED');
  });
});

describe('enterprise issuers', () => {
  it('accepts the enterprise form <issuer>/<slug>, verified through its own discovery document', async () => {
    const iss = `${dev.oidc.issuer}/acme-corp`;
    const claims = await verifyOidcToken(await dev.mintToken('sigstore', { iss }), {
      issuer: dev.oidc.issuer,
    });
    expect(claims.iss).toBe(iss);
    // Its discovery is fetched under its own path: when that fails, the enterprise issuer is named.
    dev.injectFailures('oidc', 1, 404);
    const err = await verifyOidcToken(
      await dev.mintToken('sigstore', { iss: `${dev.oidc.issuer}/other-corp` }),
      { issuer: dev.oidc.issuer },
    ).catch((e) => e);
    expect(err.code).toBe('OIDC_DISCOVERY_FAILED');
    expect(err.message).toContain(`${dev.oidc.issuer}/other-corp/.well-known/openid-configuration`);
  });

  it('accepts nothing else that merely starts with the issuer', async () => {
    for (const iss of [
      `${dev.oidc.issuer}/acme-corp/team`,
      `${dev.oidc.issuer}/`,
      `${dev.oidc.issuer}-evil`,
      `${dev.oidc.issuer}.evil.example`,
      `${dev.oidc.issuer}/acme corp`,
    ]) {
      const err = await verifyOidcToken(await dev.mintToken('sigstore', { iss }), {
        issuer: dev.oidc.issuer,
      }).catch((e) => e);
      expect(err, iss).toBeInstanceOf(ProvenanceError);
      expect(err.code, iss).toBe('INVALID_TOKEN');
      expect(err.message, iss).toMatch(/claim "iss" is wrong/);
    }
    // Nor the enterprise form of another issuer.
    const err = await verifyOidcToken(
      await other.mintToken('sigstore', { iss: `${other.oidc.issuer}/acme-corp` }),
      { issuer: dev.oidc.issuer },
    ).catch((e) => e);
    expect(err.code).toBe('INVALID_TOKEN');
  });
});

// An issuer whose base and enterprise forms have different keys, and whose documents can be
// made wrong: what the dev issuer never does.
describe('against a hand-made issuer', () => {
  let server: Server;
  let base: string;
  let baseKey: KeyLike;
  let acmeKey: KeyLike;
  const documents = new Map<string, () => string>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const body = documents.get(req.url ?? '')?.();
      res.writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'application/json' });
      res.end(body ?? '{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const b = await generateKeyPair('RS256');
    const a = await generateKeyPair('RS256');
    baseKey = b.privateKey;
    acmeKey = a.privateKey;
    const jwk = async (k: typeof b.publicKey, kid: string) => ({
      ...(await exportJWK(k)),
      kid,
      alg: 'RS256',
    });
    const baseJwks = JSON.stringify({ keys: [await jwk(b.publicKey, 'base')] });
    const acmeJwks = JSON.stringify({ keys: [await jwk(a.publicKey, 'acme')] });
    const discovery = (iss: string) => JSON.stringify({ issuer: iss, jwks_uri: `${iss}/jwks` });
    documents.set('/.well-known/openid-configuration', () => discovery(base));
    documents.set('/jwks', () => baseJwks);
    documents.set('/acme/.well-known/openid-configuration', () => discovery(`${base}/acme`));
    documents.set('/acme/jwks', () => acmeJwks);
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  const token = (iss: string, key: KeyLike, kid: string) => {
    const claims = Object.fromEntries(REQUIRED_CLAIMS.map((c) => [c, `${c}-value`]));
    return new SignJWT({ ...claims, iss, aud: 'sigstore' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);
  };

  it("checks an enterprise token against the enterprise's keys, not the base issuer's", async () => {
    const ok = await verifyOidcToken(await token(`${base}/acme`, acmeKey, 'acme'), {
      issuer: base,
    });
    expect(ok.iss).toBe(`${base}/acme`);
    // Signed by the base issuer's key but claiming the enterprise: not a key of that issuer.
    expect(
      await code(verifyOidcToken(await token(`${base}/acme`, baseKey, 'base'), { issuer: base })),
    ).toBe('INVALID_TOKEN');
    // And the other way round.
    expect(await code(verifyOidcToken(await token(base, acmeKey, 'acme'), { issuer: base }))).toBe(
      'INVALID_TOKEN',
    );
  });

  it('refuses discovery documents that are not JSON, too large, for another issuer or without a usable jwks_uri, quoting them safely', async () => {
    const cases: [string, string, RegExp][] = [
      ['not-json', '<html>\u001b[2J', /not JSON/],
      ['large', `{"issuer":"x","pad":"${'a'.repeat(2 * 1024 * 1024)}"}`, /larger than/],
      [
        'other',
        JSON.stringify({ issuer: 'https://evil\u001b[31m', jwks_uri: 'https://x' }),
        /names the issuer/,
      ],
      ['nouri', '__ISSUER_NO_URI__', /jwks_uri/],
      ['fileuri', '__ISSUER_FILE_URI__', /jwks_uri/],
    ];
    for (const [slug, body, why] of cases) {
      const iss = `${base}/${slug}`;
      documents.set(`/${slug}/.well-known/openid-configuration`, () =>
        body === '__ISSUER_NO_URI__'
          ? JSON.stringify({ issuer: iss })
          : body === '__ISSUER_FILE_URI__'
            ? JSON.stringify({ issuer: iss, jwks_uri: 'file:///etc/passwd' })
            : body,
      );
      const err = await verifyOidcToken(await token(iss, acmeKey, 'acme'), { issuer: base }).catch(
        (e) => e,
      );
      expect(err, slug).toBeInstanceOf(ProvenanceError);
      expect(err.code, slug).toBe('OIDC_DISCOVERY_FAILED');
      expect(err.message, slug).toMatch(why);
      // Nothing from the document reaches a terminal raw.
      expect(err.message, slug).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
  });
});

describe('serverUrlForIssuer', () => {
  it('derives GitHub’s URL from the issuer, not from the environment', () => {
    expect(serverUrlForIssuer('https://token.actions.octo-tenant.ghe.com')).toBe(
      'https://octo-tenant.ghe.com',
    );
    expect(serverUrlForIssuer('https://token.actions.octo-tenant.ghe.com/acme')).toBe(
      'https://octo-tenant.ghe.com',
    );
    expect(serverUrlForIssuer('https://token.actions.octo-tenant.ghe.com/a/b')).toBeUndefined();
    expect(serverUrlForIssuer('http://token.actions.octo-tenant.ghe.com')).toBeUndefined();
    expect(serverUrlForIssuer('https://token.actions.githubusercontent.com/a/b')).toBeUndefined();
    expect(serverUrlForIssuer('https://ghe.example.com/_services/token/a/b')).toBeUndefined();
    expect(serverUrlForIssuer('not a url')).toBeUndefined();
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

describe('issuerForServerUrl', () => {
  it('names the issuer of each kind of GitHub server, the inverse of serverUrlForIssuer', () => {
    const cases: [string, string][] = [
      ['https://github.com', 'https://token.actions.githubusercontent.com'],
      ['https://octo-tenant.ghe.com', 'https://token.actions.octo-tenant.ghe.com'],
      ['https://github.corp.example', 'https://github.corp.example/_services/token'],
      ['https://github.corp.example:8443/', 'https://github.corp.example:8443/_services/token'],
    ];
    for (const [server, issuer] of cases) {
      expect(issuerForServerUrl(server)).toBe(issuer);
      expect(serverUrlForIssuer(issuer)).toBe(server.replace(/\/$/, ''));
    }
    expect(issuerForServerUrl()).toBe('https://token.actions.githubusercontent.com');
  });

  it('refuses what is not the URL of a host', () => {
    for (const bad of [
      '',
      'github.com',
      'ftp://github.com',
      'https://github.com/org',
      'https://user:pw@github.com',
      'https://github.com/?x=1',
      'https://evil.example/\u001b[2J',
    ]) {
      let err: unknown;
      try {
        issuerForServerUrl(bad);
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(ProvenanceError);
      expect((err as ProvenanceError).code, bad).toBe('INVALID_SERVER_URL');
      expect((err as Error).message).not.toContain('\u001b');
    }
  });
});
