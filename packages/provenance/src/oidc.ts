import { GITHUB_ACTIONS_ISSUER } from '@build-artifact/core';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { ProvenanceError } from './error.js';
import type { GitHubClaims } from './types.js';

// The claims GitHub's provenance is derived from (actions/attest's list, plus the claims that
// name the signing workflow and the visibility that picks the Sigstore instance).
export const REQUIRED_CLAIMS = [
  'iss',
  'sub',
  'ref',
  'sha',
  'repository',
  'repository_id',
  'repository_owner',
  'repository_owner_id',
  'event_name',
  'workflow_ref',
  'job_workflow_ref',
  'runner_environment',
  'run_id',
  'run_attempt',
] as const;

export interface VerifyTokenOptions {
  /** Expected `aud` (default `sigstore`, the audience of the token Fulcio takes). */
  audience?: string;
  /** Expected `iss`; its discovery document gives the JWKS (default GitHub Actions'). */
  issuer?: string;
  /** The JWKS URL, skipping discovery (when `iss` is not where the keys are served). */
  jwksUrl?: string;
  /** Allowed clock skew for exp/nbf/iat, in seconds (default 60). */
  clockTolerance?: number;
}

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

async function discoverJwks(issuer: string): Promise<URL> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let config: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    config = (await response.json()) as typeof config;
  } catch (err) {
    throw new ProvenanceError({
      code: 'OIDC_DISCOVERY_FAILED',
      message: `cannot read the OpenID configuration of ${issuer} (${url}): ${(err as Error).message}`,
      cause: err,
    });
  }
  if (config.issuer !== issuer || typeof config.jwks_uri !== 'string') {
    throw new ProvenanceError({
      code: 'OIDC_DISCOVERY_FAILED',
      message: `the OpenID configuration at ${url} is for issuer ${JSON.stringify(config.issuer)} or has no jwks_uri`,
    });
  }
  return new URL(config.jwks_uri);
}

/**
 * Verifies a GitHub Actions OIDC token: RS256 signature by a key of the issuer's JWKS (found
 * through its discovery document), `iss`, `aud`, `exp`/`nbf` with a small skew, and the presence
 * of the claims provenance is built from. Returns the claims; nothing is read from the
 * environment, which a build step could change.
 */
export async function verifyOidcToken(
  token: string,
  options: VerifyTokenOptions = {},
): Promise<GitHubClaims> {
  const issuer = options.issuer ?? GITHUB_ACTIONS_ISSUER;
  const audience = options.audience ?? 'sigstore';
  const jwksUrl = options.jwksUrl ?? (await discoverJwks(issuer)).href;
  // One key set per URL for the process: jose refetches it by itself when a token names a kid
  // it has not seen (key rotation), with a cooldown.
  let jwks = keySets.get(jwksUrl);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(jwksUrl));
    keySets.set(jwksUrl, jwks);
  }
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, jwks, {
      issuer,
      audience,
      algorithms: ['RS256'],
      clockTolerance: options.clockTolerance ?? 60,
      requiredClaims: ['exp'],
    }));
  } catch (err) {
    const reason =
      err instanceof errors.JWTExpired
        ? 'the token has expired'
        : err instanceof errors.JWTClaimValidationFailed
          ? `claim "${err.claim}" is wrong: ${err.message}`
          : err instanceof errors.JWSSignatureVerificationFailed
            ? 'the signature does not verify'
            : err instanceof errors.JWKSNoMatchingKey
              ? 'no key of the issuer matches the token'
              : (err as Error).message;
    throw new ProvenanceError({
      code: 'INVALID_TOKEN',
      message: `OIDC token rejected: ${reason}`,
      cause: err,
    });
  }
  const missing = REQUIRED_CLAIMS.filter(
    (c) => typeof payload[c] !== 'string' || payload[c] === '',
  );
  if (missing.length > 0) {
    throw new ProvenanceError({
      code: 'MISSING_CLAIMS',
      message: `the OIDC token lacks claims provenance needs: ${missing.join(', ')}`,
    });
  }
  return payload as GitHubClaims;
}

/**
 * GitHub's web URL for a token issuer, so that URLs in provenance come from the verified token
 * and not from GITHUB_SERVER_URL: github.com for GitHub's issuer (and its enterprise-specific
 * `…/<slug>` form), the host for GitHub Enterprise Server's `https://HOST/_services/token`.
 * Undefined for any other issuer.
 */
export function serverUrlForIssuer(issuer: string): string | undefined {
  if (issuer === GITHUB_ACTIONS_ISSUER || issuer.startsWith(`${GITHUB_ACTIONS_ISSUER}/`)) {
    return 'https://github.com';
  }
  const ghes = /^(https:\/\/[^/]+)\/_services\/token(\/|$)/.exec(issuer);
  return ghes?.[1];
}
