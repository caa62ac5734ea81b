import { randomUUID } from 'node:crypto';
import { isGitHubActionsIssuer } from '@build-artifact/core';
import {
  decodeJwt,
  exportJWK,
  generateKeyPair,
  type JWK,
  jwtVerify,
  type KeyLike,
  SignJWT,
} from 'jose';
import { defaultClaims, derivedClaims, type GitHubClaims } from './claims.js';

interface SigningKey {
  privateKey: KeyLike;
  publicKey: KeyLike;
  jwk: JWK;
}

async function signingKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const jwk = { ...(await exportJWK(publicKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  return { privateKey, publicKey, jwk };
}

const ENTERPRISE_DOCUMENT = /^\/([^/]+)\/\.well-known\/(openid-configuration|jwks)$/;

/**
 * A GitHub-like OIDC issuer: RS256 keys, a JWKS, and tokens with GitHub-shaped claims. A token
 * whose `iss` is `<issuer>/<enterprise-slug>` is issued as GitHub Enterprise Cloud issues them
 * for an enterprise with a custom issuer: signed by that enterprise's own key, published with
 * its discovery document under `/<enterprise-slug>`. The base JWKS lists the enterprise keys too,
 * as GitHub's base keys verify enterprise tokens (@actions/attest checks every token against the
 * base issuer's JWKS).
 */
export class DevIssuer {
  private readonly enterpriseKeys = new Map<string, Promise<SigningKey>>();
  private readonly enterpriseJwks = new Map<string, JWK>();

  private constructor(
    private readonly key: SigningKey,
    readonly issuer: string,
    private claims: Partial<GitHubClaims>,
    private readonly lifetimeSeconds: number,
  ) {}

  static async create(
    issuer: string,
    claims: Partial<GitHubClaims>,
    lifetimeSeconds = 600,
  ): Promise<DevIssuer> {
    return new DevIssuer(await signingKey(), issuer, claims, lifetimeSeconds);
  }

  /** The base key's public JWK. */
  get jwk(): JWK {
    return this.key.jwk;
  }

  /** Claims of the tokens minted from now on (merged over the defaults). */
  setClaims(claims: Partial<GitHubClaims>): void {
    this.claims = claims;
  }

  /** `overrides` on top of the set claims; what derives from them (sub, workflow_ref) follows. */
  currentClaims(audience: string, overrides: Partial<GitHubClaims> = {}): GitHubClaims {
    const given = { ...this.claims, ...overrides };
    return {
      ...defaultClaims(),
      ...derivedClaims(given),
      iss: this.issuer,
      aud: audience,
      ...given,
    } as GitHubClaims;
  }

  /** The enterprise slug of `iss` when it is this issuer's enterprise form. */
  private slugOf(iss: unknown): string | undefined {
    if (typeof iss !== 'string' || iss === this.issuer) return undefined;
    return isGitHubActionsIssuer(iss, this.issuer) ? iss.slice(this.issuer.length + 1) : undefined;
  }

  private enterpriseKey(slug: string): Promise<SigningKey> {
    let key = this.enterpriseKeys.get(slug);
    if (!key) {
      key = signingKey().then((k) => {
        this.enterpriseJwks.set(slug, k.jwk);
        return k;
      });
      this.enterpriseKeys.set(slug, key);
    }
    return key;
  }

  /**
   * The key that signs (and verifies) tokens of `iss`: the enterprise's own for this issuer's
   * enterprise form, the base key for anything else (so tests can mint tokens that claim
   * another issuer).
   */
  private keyFor(iss: unknown): Promise<SigningKey> {
    const slug = this.slugOf(iss);
    return slug === undefined ? Promise.resolve(this.key) : this.enterpriseKey(slug);
  }

  /** Mints a token as GitHub's ACTIONS_ID_TOKEN_REQUEST_URL endpoint does. */
  async mint(audience: string, overrides: Partial<GitHubClaims> = {}): Promise<string> {
    const claims = this.currentClaims(audience, overrides);
    const key = await this.keyFor(claims.iss);
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims, jti: claims.jti ?? randomUUID() })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.jwk.kid! })
      .setIssuedAt(now)
      .setNotBefore(now - 5)
      .setExpirationTime(now + this.lifetimeSeconds)
      .sign(key.privateKey);
  }

  /** Checks one of our own tokens, as Fulcio checks a token against its issuer's keys. */
  async verify(token: string, audience: string): Promise<GitHubClaims> {
    let iss: unknown;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      iss = undefined;
    }
    const key = await this.keyFor(iss);
    const { payload } = await jwtVerify(token, key.publicKey, {
      audience,
      algorithms: ['RS256'],
      clockTolerance: 30,
    });
    return payload as unknown as GitHubClaims;
  }

  /** The base JWKS: the base key and every enterprise key issued so far. */
  jwks(): { keys: JWK[] } {
    return { keys: [this.key.jwk, ...this.enterpriseJwks.values()] };
  }

  /**
   * The discovery document or the JWKS of an enterprise form, for a GET of
   * `/<slug>/.well-known/openid-configuration` or `/<slug>/.well-known/jwks` below the issuer's
   * URL (`servedAt`); undefined for any other path or a slug GitHub would not issue.
   */
  async enterpriseDocument(
    path: string,
    servedAt: string,
  ): Promise<Record<string, unknown> | undefined> {
    const match = ENTERPRISE_DOCUMENT.exec(path);
    if (!match) return undefined;
    const [, slug, document] = match as unknown as [string, string, string];
    if (this.slugOf(`${this.issuer}/${slug}`) !== slug) return undefined;
    const key = await this.enterpriseKey(slug);
    if (document === 'jwks') return { keys: [key.jwk] };
    return {
      ...this.discovery(),
      issuer: `${this.issuer}/${slug}`,
      jwks_uri: `${servedAt}/${slug}/.well-known/jwks`,
    };
  }

  discovery(): Record<string, unknown> {
    return {
      issuer: this.issuer,
      jwks_uri: `${this.issuer}/.well-known/jwks`,
      subject_types_supported: ['public', 'pairwise'],
      response_types_supported: ['id_token'],
      claims_supported: [
        'sub',
        'aud',
        'exp',
        'iat',
        'iss',
        'jti',
        'nbf',
        'ref',
        'sha',
        'repository',
        'repository_id',
        'repository_owner',
        'repository_owner_id',
        'run_id',
        'run_number',
        'run_attempt',
        'actor',
        'actor_id',
        'workflow',
        'workflow_ref',
        'workflow_sha',
        'job_workflow_ref',
        'job_workflow_sha',
        'event_name',
        'head_ref',
        'base_ref',
        'ref_type',
        'ref_protected',
        'environment',
        'repository_visibility',
        'runner_environment',
        'enterprise',
        'enterprise_id',
      ],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid'],
    };
  }
}
