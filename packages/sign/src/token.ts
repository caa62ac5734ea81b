import { SignError } from './error.js';
import { RetryableError, type RetryOptions, retryableStatus, withRetry } from './retry.js';

export type TokenProvider = () => Promise<string>;

/**
 * Fetches an OIDC token from GitHub Actions' endpoint (`ACTIONS_ID_TOKEN_REQUEST_URL` with the
 * `ACTIONS_ID_TOKEN_REQUEST_TOKEN` bearer), for the given audience, retrying transient failures.
 */
export async function fetchActionsIdToken(
  env: NodeJS.ProcessEnv,
  audience: string,
  retry?: RetryOptions,
): Promise<string> {
  const requestURL = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!requestURL || !requestToken) {
    throw new SignError({
      code: 'TOKEN_FAILED',
      message:
        'no OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set (the job needs `permissions: id-token: write`)',
    });
  }
  let url: URL;
  try {
    url = new URL(requestURL);
  } catch {
    throw new SignError({
      code: 'TOKEN_FAILED',
      message: `ACTIONS_ID_TOKEN_REQUEST_URL is not a URL: ${requestURL}`,
    });
  }
  url.searchParams.set('audience', audience);
  try {
    return await withRetry(async () => {
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { Authorization: `Bearer ${requestToken}`, Accept: 'application/json' },
          signal: AbortSignal.timeout(30_000),
        });
      } catch (err) {
        throw new RetryableError((err as Error).message, { cause: err });
      }
      if (!response.ok) {
        const message = `HTTP ${response.status} from the token endpoint`;
        if (retryableStatus(response.status)) throw new RetryableError(message);
        throw new Error(message);
      }
      const body = (await response.json().catch(() => ({}))) as { value?: unknown };
      if (typeof body.value !== 'string' || body.value === '') {
        throw new Error('the token endpoint answered without a token');
      }
      return body.value;
    }, retry);
  } catch (err) {
    throw new SignError({
      code: 'TOKEN_FAILED',
      message: `cannot get an OIDC token from ${url.origin}: ${(err as Error).message}`,
      cause: err,
    });
  }
}

/** A TokenProvider for GitHub Actions (audience `sigstore` for Fulcio by default). */
export function actionsTokenProvider(
  env: NodeJS.ProcessEnv = process.env,
  audience = 'sigstore',
  retry?: RetryOptions,
): TokenProvider {
  return () => fetchActionsIdToken(env, audience, retry);
}
