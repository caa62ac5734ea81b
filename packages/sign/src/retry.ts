/** Backoff for every call to Fulcio, Rekor, the TSA, the token endpoint and the GitHub API. */
export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** First delay in milliseconds (default 1000), doubled at each retry. */
  minTimeout?: number;
  /** Longest delay in milliseconds (default 10000). */
  maxTimeout?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  retries: 3,
  minTimeout: 1000,
  maxTimeout: 10000,
};

export function retryOptions(retry?: RetryOptions): Required<RetryOptions> {
  return { ...DEFAULT_RETRY, ...retry };
}

/** Transient HTTP statuses: timeouts, rate limits and server errors. */
export function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export class RetryableError extends Error {}

/**
 * Runs `fn` until it succeeds, it throws something other than a RetryableError, or the retries
 * are spent; waits minTimeout * 2^n between attempts (capped).
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  retry?: RetryOptions,
): Promise<T> {
  const opts = retryOptions(retry);
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (!(err instanceof RetryableError) || attempt >= opts.retries) throw err;
      const delay = Math.min(opts.maxTimeout, opts.minTimeout * 2 ** attempt);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
