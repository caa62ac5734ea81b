import { setTimeout as sleep } from 'node:timers/promises';
import type { ProgressCallback } from '@build-artifact/core';
import { type Challenge, parseChallenges, scopeCovered } from './auth.js';
import { type Credentials, resolveCredentials } from './credentials.js';
import { OciError, registryError } from './error.js';
import {
  CONNECT_TIMEOUT,
  type HttpResponse,
  httpRequest,
  type RequestBody,
} from './http-client.js';
import { apiHost, isLoopback } from './reference.js';

export interface RetryOptions {
  /** Tries in all, the first included (default 5). */
  attempts?: number;
  /** First backoff delay; doubles each time, with jitter (default 250 ms). */
  baseDelayMs?: number;
  /** Longest backoff delay (default 8 s). */
  maxDelayMs?: number;
  /** Longest `Retry-After` honoured (default 60 s); a registry asking for more gets this. */
  maxRetryAfterMs?: number;
}

export interface TransportOptions {
  /** Plain HTTP for a registry that is not on loopback (loopback always uses it). */
  plainHttp?: boolean;
  /** Credentials to use; `null` forces anonymous; undefined looks them up (docker config...). */
  credentials?: Credentials | null;
  /** Environment for the credential look-up (DOCKER_CONFIG, HOME, GITHUB_TOKEN, PATH). */
  env?: NodeJS.ProcessEnv;
  retry?: RetryOptions;
  /** How long a new connection may take to open (default 30 s, as docker). */
  connectTimeoutMs?: number;
  userAgent?: string;
  onProgress?: ProgressCallback;
}

export interface HttpRequest {
  method: string;
  /** A path below the registry (`/v2/...`) or an absolute URL (upload locations). */
  url: string;
  headers?: Record<string, string>;
  /** Called once per try, so a stream body can be sent again. */
  body?: () => RequestBody;
  /** Token scopes this request needs. */
  scopes: readonly string[];
  /** Whether this transport may send it again after a reset, 429 or 5xx (default true). */
  retry?: boolean;
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
/** A token answer is a small JSON object: a few KiB even with a long JWT and a refresh token. */
const MAX_TOKEN_ANSWER_BYTES = 256 * 1024;
/** Error bodies are read for the message only. */
const MAX_ERROR_BODY_BYTES = 256 * 1024;
const FATAL_NETWORK = new Set([
  // In its 30 s the kernel has already sent the SYN five times: another try would wait as long.
  CONNECT_TIMEOUT,
  'ENOTFOUND',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_INVALID_PROTOCOL',
]);

function networkCode(err: unknown): string | undefined {
  let e = err as { code?: string; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string') return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

function describeNetworkError(err: unknown): string {
  const cause = (err as { cause?: { message?: string } }).cause;
  const code = networkCode(err);
  const message = cause?.message ?? (err as Error).message;
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** Milliseconds from a `Retry-After` header (seconds or an HTTP date). */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The first challenge of a `WWW-Authenticate` header that this client can answer. */
function usableChallenge(header: string): Challenge | undefined {
  return parseChallenges(header).find((c) => c.scheme === 'bearer' || c.scheme === 'basic');
}

/** Tokens and warm-ups are kept per set of scopes, in any order. */
function scopeKey(scopes: readonly string[]): string {
  return [...scopes].sort().join(' ');
}

/** True when the URL's origin differs from the base (credentials must not follow). */
function sameOrigin(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.host === b.host;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;

interface Exchange {
  url: URL;
  method: string;
  /** Called once per hop that carries the body (307 and 308 keep it). */
  body?: () => RequestBody;
  /** Headers for a hop: the caller decides which credentials may go to that URL. */
  headersFor(url: URL, withBody: boolean): Record<string, string>;
  connectTimeoutMs?: number;
  /**
   * Origins that could not be reached at all, with why: not tried again (filled in here).
   * No such name, no connection in time, a certificate refused: trying again would only wait
   * as long again, once per request.
   */
  unreachable?: Map<string, Error>;
}

/** A request not sent because its origin could not be reached a moment before. */
function notSent(origin: string, earlier: Error): Error {
  return Object.assign(
    new Error(`not sent: ${origin} could not be reached just before (${earlier.message})`),
    { code: networkCode(earlier) },
  );
}

/**
 * Follows redirects by hand, as the Fetch standard says: 303, and 301/302 after a POST, become
 * a GET without the body; 307 and 308 repeat the request. Returns the first answer that
 * is not a redirect, or undefined after too many.
 */
async function followRedirects(exchange: Exchange): Promise<HttpResponse | undefined> {
  let { url, method } = exchange;
  let withBody = exchange.body !== undefined;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const earlier = exchange.unreachable?.get(url.origin);
    if (earlier) throw notSent(url.origin, earlier);
    let response: HttpResponse;
    try {
      response = await httpRequest(url, {
        method,
        headers: exchange.headersFor(url, withBody),
        body: withBody ? exchange.body?.() : undefined,
        ...(exchange.connectTimeoutMs ? { connectTimeoutMs: exchange.connectTimeoutMs } : {}),
      });
    } catch (err) {
      const code = networkCode(err);
      if (code !== undefined && FATAL_NETWORK.has(code))
        exchange.unreachable?.set(url.origin, err as Error);
      throw err;
    }
    const location = response.headers.get('location');
    if (!REDIRECTS.has(response.status) || !location) return response;
    await response.discard();
    url = new URL(location, url);
    if (
      response.status === 303 ||
      ((response.status === 301 || response.status === 302) && method === 'POST')
    ) {
      method = method === 'HEAD' ? 'HEAD' : 'GET';
      withBody = false;
    }
  }
  return undefined;
}

/**
 * The HTTP side of a registry: scheme choice, the auth challenge flow, manual redirects that
 * never carry `Authorization` to another host, and retries with backoff.
 */
export class RegistryTransport {
  readonly registry: string;
  readonly baseUrl: URL;
  readonly #options: TransportOptions;
  #credentials: Promise<Credentials | undefined> | undefined;
  #challenge: Challenge | undefined;
  // Promises, so that requests sent side by side (a manifest's blobs) share one token request.
  readonly #tokens = new Map<string, Promise<string>>();
  readonly #prepared = new Map<string, Promise<void>>();
  /** Origins (the registry's, its token service's) that could not be reached at all. */
  readonly #unreachable = new Map<string, Error>();

  constructor(registry: string, options: TransportOptions = {}) {
    this.registry = registry;
    this.#options = options;
    const scheme = options.plainHttp || isLoopback(registry) ? 'http' : 'https';
    this.baseUrl = new URL(`${scheme}://${apiHost(registry)}/`);
  }

  #getCredentials(): Promise<Credentials | undefined> {
    if (this.#options.credentials === null) return Promise.resolve(undefined);
    if (this.#options.credentials) return Promise.resolve(this.#options.credentials);
    this.#credentials ??= resolveCredentials(this.registry, this.#options.env ?? process.env);
    return this.#credentials;
  }

  async #authorization(scopes: readonly string[]): Promise<string | undefined> {
    const creds = await this.#getCredentials();
    if (creds?.registryToken) return `Bearer ${creds.registryToken}`;
    const challenge = this.#challenge;
    if (!challenge) return undefined;
    if (challenge.scheme === 'basic') {
      if (creds?.username === undefined && creds?.password === undefined) return undefined;
      return `Basic ${Buffer.from(`${creds.username ?? ''}:${creds.password ?? ''}`).toString('base64')}`;
    }
    if (challenge.scheme === 'bearer') {
      const key = scopeKey(scopes);
      // A token asked for with wider scopes serves too: a push's `pull,push` covers the
      // referrer reads (`pull`) that attaching its bundles makes afterwards.
      let token = this.#tokens.get(key) ?? this.#coveringToken(scopes);
      if (!token) {
        const fetched = this.#fetchToken(challenge, scopes, creds);
        token = fetched;
        // A refused request is not remembered: the next request asks again.
        fetched.catch(() => this.#forgetToken(fetched));
      }
      this.#tokens.set(key, token);
      return `Bearer ${await token}`;
    }
    return undefined;
  }

  /** A cached token whose scopes grant everything `scopes` asks for. */
  #coveringToken(scopes: readonly string[]): Promise<string> | undefined {
    for (const [key, token] of this.#tokens) {
      const granted = key.split(' ');
      if (scopes.every((s) => scopeCovered(granted, s))) return token;
    }
    return undefined;
  }

  /** Drops a token under every scope set it serves. */
  #forgetToken(token: Promise<string>): void {
    for (const [key, cached] of this.#tokens) if (cached === token) this.#tokens.delete(key);
  }

  async #fetchToken(
    challenge: Challenge,
    scopes: readonly string[],
    creds: Credentials | undefined,
  ): Promise<string> {
    const realm = challenge.params.realm;
    if (!realm) {
      throw new OciError({
        code: 'UNAUTHORIZED',
        message: `registry ${this.registry} asked for a bearer token without a realm`,
        registry: this.registry,
      });
    }
    const url = new URL(realm);
    const service = challenge.params.service;
    let response: HttpResponse | undefined;
    try {
      if (creds?.identityToken) {
        // An identity token is an OAuth2 refresh token: POST it, as docker does. It is in the
        // body, which only a 307 or 308 repeats, and only to the realm's origin.
        const form = new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: creds.identityToken,
          client_id: 'build-artifact',
        });
        if (service) form.set('service', service);
        if (scopes.length) form.set('scope', scopes.join(' '));
        const body = form.toString();
        response = await followRedirects({
          url,
          method: 'POST',
          body: () => body,
          headersFor: (to, withBody) => {
            if (withBody && !sameOrigin(to, url)) {
              throw new OciError({
                code: 'UNAUTHORIZED',
                message: `the token service ${url.origin} of registry ${this.registry} redirected the refresh token to ${to.origin}: not sent there`,
                registry: this.registry,
              });
            }
            return withBody
              ? {
                  ...this.#baseHeaders(),
                  'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
                }
              : this.#baseHeaders();
          },
          ...this.#exchangeOptions(),
        });
      } else {
        if (service) url.searchParams.set('service', service);
        for (const scope of scopes) url.searchParams.append('scope', scope);
        const basic =
          creds?.username !== undefined || creds?.password !== undefined
            ? `Basic ${Buffer.from(`${creds.username ?? ''}:${creds.password ?? ''}`).toString('base64')}`
            : undefined;
        response = await followRedirects({
          url,
          method: 'GET',
          // The password goes to the realm the registry named, not to where that redirects.
          headersFor: (to) =>
            basic && sameOrigin(to, url)
              ? { ...this.#baseHeaders(), authorization: basic }
              : this.#baseHeaders(),
          ...this.#exchangeOptions(),
        });
      }
    } catch (err) {
      if (err instanceof OciError) throw err;
      throw new OciError({
        code: 'NETWORK',
        message: `could not reach the token service ${url.origin} of registry ${this.registry}: ${describeNetworkError(err)}`,
        registry: this.registry,
        cause: err,
      });
    }
    if (!response) {
      throw new OciError({
        code: 'UNAUTHORIZED',
        message: `the token service ${url.origin} of registry ${this.registry} redirected more than ${MAX_REDIRECTS} times`,
        registry: this.registry,
      });
    }
    let text: string;
    try {
      text = await response.text(MAX_TOKEN_ANSWER_BYTES);
    } catch (err) {
      const tooLarge = (err as { code?: string }).code === 'ERR_BODY_TOO_LARGE';
      throw new OciError({
        code: tooLarge ? 'UNAUTHORIZED' : 'NETWORK',
        message: tooLarge
          ? `the token service ${url.origin} of registry ${this.registry} sent an answer of over ${MAX_TOKEN_ANSWER_BYTES / 1024} KiB, too large to be a token`
          : `the token service ${url.origin} of registry ${this.registry} broke off its answer: ${describeNetworkError(err)}`,
        registry: this.registry,
        cause: err,
      });
    }
    if (!response.ok) {
      const err = registryError({
        registry: `${this.registry} (token service ${url.origin})`,
        method: 'GET',
        path: url.pathname,
        status: response.status,
        body: text,
        what: creds ? 'token request refused' : 'anonymous token request refused',
      });
      throw new OciError({
        code: response.status === 403 ? 'DENIED' : 'UNAUTHORIZED',
        message: err.message,
        registry: this.registry,
        status: response.status,
        errors: err.errors,
      });
    }
    let token: string | undefined;
    try {
      const json = JSON.parse(text) as { token?: string; access_token?: string };
      token = json.token ?? json.access_token;
    } catch {
      token = undefined;
    }
    if (!token) {
      throw new OciError({
        code: 'UNAUTHORIZED',
        message: `the token service of registry ${this.registry} answered without a token`,
        registry: this.registry,
      });
    }
    return token;
  }

  /** What every exchange of this transport shares: the connect timeout, unreachable origins. */
  #exchangeOptions(): { connectTimeoutMs?: number; unreachable: Map<string, Error> } {
    const ms = this.#options.connectTimeoutMs;
    return ms
      ? { connectTimeoutMs: ms, unreachable: this.#unreachable }
      : { unreachable: this.#unreachable };
  }

  #baseHeaders(): Record<string, string> {
    return { 'user-agent': this.#options.userAgent ?? 'build-artifact-attest/0.1' };
  }

  #resolve(url: string): URL {
    return new URL(url, this.baseUrl);
  }

  /**
   * Sends a request: retried on resets, 429 and 5xx (when `retry` allows), redirects followed
   * by hand, the auth challenge answered once. Returns the final response, whatever its status.
   */
  async send(request: HttpRequest): Promise<HttpResponse> {
    // Whether this request went out with what the registry asked for last time: if not, its
    // 401 says nothing about our tokens (requests sent side by side before the first challenge).
    const sentWithAuth = this.#challenge !== undefined;
    let response = await this.#sendWithRetry(request);
    if (response.status === 401 && !sameOrigin(response.url, this.baseUrl)) {
      // A host the registry redirected to (blob storage) asks for credentials: its challenge
      // is not the registry's, and the registry's credentials are not for it.
      await response.discard();
      throw new OciError({
        code: 'UNAUTHORIZED',
        message: `registry ${this.registry} redirected ${request.method} ${this.#resolve(request.url).pathname} to ${response.url.origin}, which asked for credentials: the registry's are not sent there`,
        registry: this.registry,
        status: 401,
      });
    }
    if (response.status === 401) {
      const header = response.headers.get('www-authenticate') ?? '';
      const challenge = usableChallenge(header);
      await response.discard();
      if (!challenge) {
        throw new OciError({
          code: 'UNAUTHORIZED',
          message: `registry ${this.registry} answered 401 to ${request.method} ${this.#resolve(request.url).pathname} without a usable challenge ("${header}")`,
          registry: this.registry,
          status: 401,
        });
      }
      // A token that no longer works (expired, too narrow) is dropped and asked for again.
      if (sentWithAuth) {
        const used = this.#tokens.get(scopeKey(request.scopes));
        if (used) this.#forgetToken(used);
      }
      const scopes = [...request.scopes];
      const asked = challenge.params.scope;
      if (asked)
        for (const s of asked.split(' ')) if (s && !scopeCovered(scopes, s)) scopes.push(s);
      this.#challenge = challenge;
      const creds = await this.#getCredentials();
      if (challenge.scheme === 'basic' && !creds) {
        throw new OciError({
          code: 'UNAUTHORIZED',
          message: `registry ${this.registry} needs credentials (basic auth) and none were found: log in with docker login or set DOCKER_CONFIG`,
          registry: this.registry,
          status: 401,
        });
      }
      response = await this.#sendWithRetry({ ...request, scopes });
    }
    return response;
  }

  /**
   * Learns how the registry authenticates (a GET /v2/, as docker and skopeo begin, which also
   * opens the connection) and, where it wants a token, fetches the one for exactly `scopes`, so
   * that requests with those scopes go out ready. The challenge of /v2/ is not taken as the
   * scope to ask for: GHCR names a placeholder repository there. Never throws: the requests
   * themselves report whatever is wrong.
   */
  prepare(scopes: readonly string[]): Promise<void> {
    // Once per scope set: the builds of an index are pushed side by side, each asking.
    const key = scopeKey(scopes);
    let prepared = this.#prepared.get(key);
    if (!prepared) {
      prepared = this.#prepare(scopes);
      this.#prepared.set(key, prepared);
    }
    return prepared;
  }

  async #prepare(scopes: readonly string[]): Promise<void> {
    try {
      const response = await this.#sendFollowingRedirects({ method: 'GET', url: '/v2/', scopes });
      await response.discard();
      if (response.status !== 401) return;
      const challenge = usableChallenge(response.headers.get('www-authenticate') ?? '');
      if (!challenge) return;
      this.#challenge ??= challenge;
      await this.#authorization(scopes);
    } catch {
      // Left to the requests, which retry and name the failure. A registry or token service
      // that could not be reached at all is not tried again (`#unreachable`): a push waits for
      // a dead host once, not twice.
    }
  }

  /** Sends and throws a typed error unless the status is one of `ok`. */
  async expect(request: HttpRequest, ok: readonly number[], what?: string): Promise<HttpResponse> {
    const response = await this.send(request);
    if (ok.includes(response.status)) return response;
    throw await this.errorFor(request, response, what);
  }

  async errorFor(request: HttpRequest, response: HttpResponse, what?: string): Promise<OciError> {
    // Only for the message: a body too large to be a registry's error is left out of it.
    const body = await response.text(MAX_ERROR_BODY_BYTES).catch(() => '');
    const creds = response.status === 401 ? await this.#getCredentials() : undefined;
    const err = registryError({
      registry: this.registry,
      method: request.method,
      path: this.#resolve(request.url).pathname,
      status: response.status,
      body,
      what,
    });
    if (response.status === 401 && !creds) {
      return new OciError({
        code: 'UNAUTHORIZED',
        message: `${err.message} (no credentials found: log in with docker login, set DOCKER_CONFIG, or GITHUB_TOKEN for ghcr.io)`,
        registry: this.registry,
        status: 401,
        errors: err.errors,
      });
    }
    return err;
  }

  async #sendWithRetry(request: HttpRequest): Promise<HttpResponse> {
    const retry = this.#options.retry ?? {};
    const attempts = request.retry === false ? 1 : Math.max(1, retry.attempts ?? 5);
    const base = retry.baseDelayMs ?? 250;
    const maxDelay = retry.maxDelayMs ?? 8000;
    const maxRetryAfter = retry.maxRetryAfterMs ?? 60_000;
    for (let attempt = 1; ; attempt++) {
      let response: HttpResponse;
      try {
        response = await this.#sendFollowingRedirects(request);
      } catch (err) {
        if (err instanceof OciError) throw err;
        const code = networkCode(err);
        const fatal = code !== undefined && FATAL_NETWORK.has(code);
        if (fatal || attempt >= attempts) {
          throw new OciError({
            code: 'NETWORK',
            message: `${request.method} ${this.#resolve(request.url).pathname} to registry ${this.registry} failed${attempt > 1 ? ` after ${attempt} tries` : ''}: ${describeNetworkError(err)}`,
            registry: this.registry,
            cause: err,
          });
        }
        const delay = Math.min(maxDelay, base * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
        this.#options.onProgress?.({
          step: 'oci.retry',
          level: 'warning',
          message: `${request.method} ${this.#resolve(request.url).pathname}: ${describeNetworkError(err)}; retrying in ${Math.round(delay)} ms`,
        });
        await sleep(delay);
        continue;
      }
      if (!RETRY_STATUS.has(response.status) || attempt >= attempts) return response;
      const after = retryAfterMs(response.headers.get('retry-after'));
      const backoff = Math.min(maxDelay, base * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
      const delay = after === undefined ? backoff : Math.min(after, maxRetryAfter);
      await response.discard();
      this.#options.onProgress?.({
        step: 'oci.retry',
        level: 'warning',
        message: `registry ${this.registry} answered ${response.status} to ${request.method} ${this.#resolve(request.url).pathname}; retrying in ${Math.round(delay)} ms`,
      });
      await sleep(delay);
    }
  }

  async #sendFollowingRedirects(request: HttpRequest): Promise<HttpResponse> {
    const authorization = await this.#authorization(request.scopes);
    const response = await followRedirects({
      url: this.#resolve(request.url),
      method: request.method,
      ...(request.body ? { body: request.body } : {}),
      headersFor: (url, withBody) => {
        const headers: Record<string, string> = { ...this.#baseHeaders(), ...request.headers };
        // Credentials go to the registry's own origin only, never to a storage redirect.
        if (authorization && sameOrigin(url, this.baseUrl)) headers.authorization = authorization;
        if (!withBody) {
          delete headers['content-length'];
          delete headers['content-type'];
        }
        return headers;
      },
      ...this.#exchangeOptions(),
    });
    if (response) return response;
    throw new OciError({
      code: 'REGISTRY_ERROR',
      message: `registry ${this.registry}: too many redirects for ${request.method} ${request.url}`,
      registry: this.registry,
    });
  }
}
