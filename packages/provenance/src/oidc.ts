import { GITHUB_ACTIONS_ISSUER, isGitHubActionsIssuer } from '@build-artifact/core';
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify } from 'jose';
import { ProvenanceError } from './error.js';
import { quoted } from './text.js';
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
  /**
   * The expected issuer (default GitHub Actions'). A token from it is accepted, and one from its
   * GitHub Enterprise Cloud form `<issuer>/<enterprise-slug>`; each is checked against the keys
   * its own discovery document names.
   */
  issuer?: string;
  /** The JWKS URL, skipping discovery (when `iss` is not where the keys are served). */
  jwksUrl?: string;
  /** Allowed clock skew for exp/nbf/iat, in seconds (default 60). */
  clockTolerance?: number;
}

const GITHUB_SERVER_URL = 'https://github.com';
const DISCOVERY_TIMEOUT_MS = 30_000;
// GitHub's discovery document is under 2 KiB; anything near this is not one.
const MAX_DISCOVERY_BYTES = 1024 * 1024;

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

async function readLimited(response: Response, limit: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The JWKS URL from `<issuer>/.well-known/openid-configuration`, which must name that issuer. */
async function discoverJwks(issuer: string): Promise<URL> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const fail = (why: string, cause?: unknown) =>
    new ProvenanceError({
      code: 'OIDC_DISCOVERY_FAILED',
      message: `cannot read the OpenID configuration of ${quoted(issuer)} (${quoted(url)}): ${why}`,
      cause,
    });
  let text: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
    if (!response.ok) {
      await response.body?.cancel();
      throw fail(`HTTP ${response.status}`);
    }
    text = await readLimited(response, MAX_DISCOVERY_BYTES);
  } catch (err) {
    if (err instanceof ProvenanceError) throw err;
    const e = err as Error & { cause?: { code?: string } };
    throw fail(
      e.name === 'TimeoutError'
        ? `no answer within ${DISCOVERY_TIMEOUT_MS / 1000} s`
        : `${e.message}${e.cause?.code ? ` (${e.cause.code})` : ''}`,
      err,
    );
  }
  let config: { issuer?: unknown; jwks_uri?: unknown };
  try {
    config = JSON.parse(text);
  } catch (err) {
    throw fail('the answer is not JSON', err);
  }
  if (typeof config !== 'object' || config === null) throw fail('the answer is not a JSON object');
  if (config.issuer !== issuer) {
    throw fail(`it names the issuer ${quoted(config.issuer)}`);
  }
  let jwks: URL | undefined;
  try {
    if (typeof config.jwks_uri === 'string') jwks = new URL(config.jwks_uri);
  } catch {
    jwks = undefined;
  }
  if (!jwks || (jwks.protocol !== 'https:' && jwks.protocol !== 'http:')) {
    throw fail(`its jwks_uri ${quoted(config.jwks_uri)} is not an http(s) URL`);
  }
  return jwks;
}

function invalidToken(reason: string, cause?: unknown): ProvenanceError {
  return new ProvenanceError({
    code: 'INVALID_TOKEN',
    message: `OIDC token rejected: ${reason}`,
    cause,
  });
}

/** The `iss` the token claims, read before verifying it: it says whose keys to verify with. */
function claimedIssuer(token: string): string {
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwt(token);
  } catch (err) {
    throw invalidToken('it is not a JWT', err);
  }
  if (typeof payload.iss !== 'string') throw invalidToken('claim "iss" is missing');
  return payload.iss;
}

/**
 * Verifies a GitHub Actions OIDC token: RS256 signature by a key of the JWKS that its issuer's
 * discovery document names, `iss`, `aud`, `exp`/`nbf` with a small skew, and the presence of the
 * claims provenance is built from. The issuer is the expected one or its GitHub Enterprise Cloud
 * form `<issuer>/<enterprise-slug>` (an enterprise with a custom issuer), and nothing else;
 * the enterprise form is checked against its own keys, under its own path. Returns the claims;
 * nothing is read from the environment, which a build step could change.
 */
export async function verifyOidcToken(
  token: string,
  options: VerifyTokenOptions = {},
): Promise<GitHubClaims> {
  const expected = options.issuer ?? GITHUB_ACTIONS_ISSUER;
  const audience = options.audience ?? 'sigstore';
  const issuer = claimedIssuer(token);
  // Only the two shapes GitHub issues: a prefix match (what @actions/attest checks) would also
  // take `<issuer>.evil.example` or `<issuer>/a/b`.
  if (!isGitHubActionsIssuer(issuer, expected)) {
    throw invalidToken(
      `claim "iss" is wrong: ${quoted(issuer)} is neither ${quoted(expected)} nor its enterprise form ${quoted(`${expected}/<enterprise-slug>`)}`,
    );
  }
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
              ? `no key of the issuer ${quoted(issuer)} matches the token`
              : (err as Error).message;
    throw invalidToken(reason, err);
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
 * A GitHub web URL as the runner gives it (`GITHUB_SERVER_URL`): http(s), a host and nothing
 * after it. Returns its origin (`https://github.com`, `https://acme.ghe.com`, a GHES host).
 */
export function parseServerUrl(serverUrl: string): string {
  let url: URL | undefined;
  try {
    url = new URL(serverUrl);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username !== '' ||
    url.password !== '' ||
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== ''
  ) {
    throw new ProvenanceError({
      code: 'INVALID_SERVER_URL',
      message: `GitHub server URL ${quoted(serverUrl)} is not an http(s) URL of a host alone (like https://github.com)`,
    });
  }
  return url.origin;
}

// GitHub Enterprise Cloud with data residency: https://<tenant>.ghe.com, whose tokens come from
// https://token.actions.<tenant>.ghe.com (the tenant names @actions/attest accepts).
const GHE_COM_SERVER = /^https:\/\/([a-z0-9-]+)\.ghe\.com$/;
const GHE_COM_ISSUER_HOST = /^token\.actions\.([a-z0-9-]+)\.ghe\.com$/;

/**
 * The OIDC issuer of GitHub Actions' tokens on a GitHub server: GitHub's own for github.com,
 * `https://token.actions.<tenant>.ghe.com` for `https://<tenant>.ghe.com`, and
 * `<server>/_services/token` for a GitHub Enterprise Server. (An enterprise with a custom issuer
 * gets tokens from `<that issuer>/<enterprise-slug>`, which `verifyOidcToken` accepts too.)
 */
export function issuerForServerUrl(serverUrl: string = GITHUB_SERVER_URL): string {
  const origin = parseServerUrl(serverUrl);
  if (origin === GITHUB_SERVER_URL) return GITHUB_ACTIONS_ISSUER;
  const tenant = GHE_COM_SERVER.exec(origin);
  if (tenant) return `https://token.actions.${tenant[1]}.ghe.com`;
  return `${origin}/_services/token`;
}

/**
 * GitHub's web URL for a token issuer, the inverse of `issuerForServerUrl`, so that URLs in
 * provenance come from the verified token: github.com for GitHub's issuer (and its enterprise
 * form `…/<slug>`), `https://<tenant>.ghe.com` for `https://token.actions.<tenant>.ghe.com`, the
 * host for GitHub Enterprise Server's `https://HOST/_services/token`. Undefined for any other
 * issuer (a local one in tests).
 */
export function serverUrlForIssuer(issuer: string): string | undefined {
  if (isGitHubActionsIssuer(issuer)) return GITHUB_SERVER_URL;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:') return undefined;
  const tenant = GHE_COM_ISSUER_HOST.exec(url.hostname);
  if (tenant) {
    return isGitHubActionsIssuer(issuer, url.origin) ? `https://${tenant[1]}.ghe.com` : undefined;
  }
  return isGitHubActionsIssuer(issuer, `${url.origin}/_services/token`) ? url.origin : undefined;
}
