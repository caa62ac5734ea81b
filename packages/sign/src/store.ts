import type { SerializedBundle } from '@sigstore/bundle';
import { SignError } from './error.js';
import { RetryableError, type RetryOptions, retryableStatus, withRetry } from './retry.js';

export interface StoreOptions {
  /** `owner/repo`. */
  repository: string;
  /** A token with `attestations: write` (GITHUB_TOKEN in a workflow). */
  token: string;
  /** Default https://api.github.com (GITHUB_API_URL on GHES). */
  apiUrl?: string;
  retry?: RetryOptions;
  timeout?: number;
}

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/**
 * Stores a bundle in the GitHub attestations API (`POST /repos/{owner}/{repo}/attestations`), so
 * that `gh attestation verify` finds it. Retries transient failures; returns the attestation id.
 */
export async function storeAttestation(
  bundle: SerializedBundle,
  options: StoreOptions,
): Promise<string> {
  if (!REPOSITORY.test(options.repository)) {
    throw new SignError({
      code: 'INVALID_OPTIONS',
      message: `repository must be "owner/repo", got "${options.repository}"`,
    });
  }
  if (!options.token) {
    throw new SignError({
      code: 'INVALID_OPTIONS',
      message: 'storing an attestation needs a GitHub token',
    });
  }
  const api = (options.apiUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const url = `${api}/repos/${options.repository}/attestations`;
  try {
    return await withRetry(async () => {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            Accept: 'application/vnd.github+json',
            Authorization: `Bearer ${options.token}`,
            'Content-Type': 'application/json',
            'X-GitHub-Api-Version': '2022-11-28',
            'User-Agent': 'build-artifact-attest',
          },
          body: JSON.stringify({ bundle }),
          signal: AbortSignal.timeout(options.timeout ?? 30_000),
        });
      } catch (err) {
        throw new RetryableError((err as Error).message, { cause: err });
      }
      const text = await response.text();
      if (!response.ok) {
        let message = text.slice(0, 300);
        try {
          message = (JSON.parse(text) as { message?: string }).message ?? message;
        } catch {}
        const error = `HTTP ${response.status}: ${message}`;
        if (retryableStatus(response.status)) throw new RetryableError(error);
        throw new Error(error);
      }
      const id = (JSON.parse(text || '{}') as { id?: unknown }).id;
      return id === undefined ? '' : String(id);
    }, options.retry);
  } catch (err) {
    throw new SignError({
      code: 'API_FAILED',
      message: `the GitHub attestations API (${url}) failed: ${(err as Error).message}`,
      cause: err,
    });
  }
}
