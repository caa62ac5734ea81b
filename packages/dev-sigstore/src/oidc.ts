import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK, jwtVerify, type KeyLike, SignJWT } from 'jose';
import { defaultClaims, derivedClaims, type GitHubClaims } from './claims.js';

/** A GitHub-like OIDC issuer: RS256 keys, a JWKS, and tokens with GitHub-shaped claims. */
export class DevIssuer {
  private constructor(
    private readonly privateKey: KeyLike,
    private readonly publicKey: KeyLike,
    readonly jwk: JWK,
    readonly issuer: string,
    private claims: Partial<GitHubClaims>,
    private readonly lifetimeSeconds: number,
  ) {}

  static async create(
    issuer: string,
    claims: Partial<GitHubClaims>,
    lifetimeSeconds = 600,
  ): Promise<DevIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
    const jwk = { ...(await exportJWK(publicKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
    return new DevIssuer(privateKey, publicKey, jwk, issuer, claims, lifetimeSeconds);
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

  /** Mints a token as GitHub's ACTIONS_ID_TOKEN_REQUEST_URL endpoint does. */
  async mint(audience: string, overrides: Partial<GitHubClaims> = {}): Promise<string> {
    const claims = this.currentClaims(audience, overrides);
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims, jti: claims.jti ?? randomUUID() })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.jwk.kid! })
      .setIssuedAt(now)
      .setNotBefore(now - 5)
      .setExpirationTime(now + this.lifetimeSeconds)
      .sign(this.privateKey);
  }

  /** Checks one of our own tokens, as Fulcio checks a token against its issuer. */
  async verify(token: string, audience: string): Promise<GitHubClaims> {
    const { payload } = await jwtVerify(token, this.publicKey, {
      audience,
      algorithms: ['RS256'],
      clockTolerance: 30,
    });
    return payload as unknown as GitHubClaims;
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
        'ref_type',
        'repository_visibility',
        'runner_environment',
      ],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid'],
    };
  }
}
