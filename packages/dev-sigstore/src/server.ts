import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileAtomic } from '@build-artifact/core';
import { initializeCA, initializeCTLog } from '@sigstore/mock/dist/fulcio/index.js';
import { initializeTLog } from '@sigstore/mock/dist/rekor/index.js';
import type { HandlerFn } from '@sigstore/mock/dist/shared.types.js';
import { initializeTSA, tsaHandler } from '@sigstore/mock/dist/timestamp/index.js';
import type { GitHubClaims } from './claims.js';
import { DevSigstoreError } from './error.js';
import { devFulcioHandler } from './fulcio.js';
import { DevIssuer } from './oidc.js';
import { devRekorHandler } from './rekor.js';
import { buildTrustedRoot } from './trusted-root.js';

export type DevService = 'fulcio' | 'rekor' | 'tsa' | 'oidc';

export interface DevSigstoreOptions {
  /** Port on 127.0.0.1; 0 (the default) lets the system choose. */
  port?: number;
  /** Claims of the minted tokens, merged over GitHub-shaped defaults (see `defaultClaims`). */
  claims?: Partial<GitHubClaims>;
  /** The `iss` claim; defaults to this server's own issuer URL (whose discovery document works). */
  issuer?: string;
  /** Token lifetime in seconds (default 600). */
  tokenLifetime?: number;
}

export interface DevSigstore {
  fulcioURL: string;
  rekorURL: string;
  tsaURL: string;
  oidc: {
    /** ACTIONS_ID_TOKEN_REQUEST_URL: append `&audience=...` as GitHub's clients do. */
    requestURL: string;
    /** ACTIONS_ID_TOKEN_REQUEST_TOKEN: the Bearer token the endpoint requires. */
    requestToken: string;
    /** The `iss` of minted tokens. */
    issuer: string;
    /** Where the discovery document and keys are served (equals `issuer` unless it was overridden). */
    issuerURL: string;
    jwksURL: string;
  };
  /** The protobuf-specs TrustedRoot JSON for this instance's keys. */
  trustedRoot: Record<string, unknown>;
  /** The single clock of Fulcio, Rekor and the TSA: every signature is dated at this instant. */
  clock: Date;
  writeTrustedRoot(path: string): Promise<void>;
  /**
   * ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN, ATTEST_FULCIO_URL/ATTEST_REKOR_URL/ATTEST_TSA_URL, and
   * ATTEST_OIDC_ISSUER (the issuer `attest provenance` must accept instead of GitHub's).
   */
  env(): Record<string, string>;
  /** Mints a token directly (what the request endpoint would return). */
  mintToken(audience: string, claims?: Partial<GitHubClaims>): Promise<string>;
  /** Changes the claims of tokens minted from now on. */
  setClaims(claims: Partial<GitHubClaims>): void;
  /** Makes the next `count` requests to `service` fail with `status` (to exercise retries). */
  injectFailures(service: DevService, count: number, status?: number): void;
  /** Requests served per service, failures included. */
  requestCounts(): Record<DevService, number>;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array,
  type = 'application/json',
): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value));
}

function pem(der: ArrayBufferView): string {
  const b64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${b64.replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
}

/**
 * Starts a local Sigstore on 127.0.0.1: Fulcio, Rekor and a timestamp authority made of
 * @sigstore/mock's handlers behind one real HTTP server, and a GitHub-like OIDC issuer. Its
 * trusted root is its own; nothing trusts it unless given that file explicitly.
 */
export async function startDevSigstore(options: DevSigstoreOptions = {}): Promise<DevSigstore> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new DevSigstoreError({
      code: 'INVALID_OPTIONS',
      message: `invalid port ${options.port}`,
    });
  }
  let route: (req: IncomingMessage, res: ServerResponse) => Promise<void> = async (_req, res) =>
    send(res, 503, 'starting', 'text/plain');
  const server: Server = createServer((req, res) => {
    route(req, res).catch((err: Error) => {
      if (!res.headersSent) send(res, 500, err.message, 'text/plain');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) =>
      reject(
        new DevSigstoreError({
          code: 'START_FAILED',
          message: `cannot listen on 127.0.0.1:${port}: ${err.message}`,
          cause: err,
        }),
      ),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const fulcioURL = `${base}/fulcio`;
    const rekorURL = `${base}/rekor`;
    const tsaURL = `${base}/tsa/api/v1/timestamp`;
    const issuerURL = `${base}/oidc`;
    const issuer = await DevIssuer.create(
      options.issuer ?? issuerURL,
      options.claims ?? {},
      options.tokenLifetime,
    );
    const requestToken = randomBytes(24).toString('base64url');

    // One clock for all three services. The mock dates its CA and TSA certificates with the real
    // time at creation, so the shared instant is set once they exist: every certificate, log entry
    // and timestamp then falls inside the validity of the roots. Fixed, it keeps a long-running
    // instance consistent (leaf certificates live 10 minutes from this instant). It is a whole
    // second: asn1js writes a GeneralizedTime with milliseconds like 250 as ".25", which
    // @sigstore/core's parser (exactly three digits) rejects.
    const clock = new Date(0);
    const ec = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const ctlog = await initializeCTLog(ec(), clock);
    const ca = await initializeCA(ec(), ctlog, clock);
    const tlog = await initializeTLog(rekorURL, ec(), clock);
    const tsa = await initializeTSA(ec(), clock);
    const validFrom = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000);
    clock.setTime(Math.floor(Date.now() / 1000) * 1000);

    const trustedRoot = buildTrustedRoot({
      ca,
      ctlog,
      tlog,
      tsa,
      fulcioURL,
      rekorURL,
      tsaURL,
      validFrom,
    });

    const fulcio = devFulcioHandler(ca, issuer);
    // Rekor stores entries as the real one does (rekor.ts), not verbatim as the mock's handler.
    const rekor = devRekorHandler(tlog);
    const timestamp = tsaHandler(tsa).fn;
    const failures: Record<DevService, { count: number; status: number }> = {
      fulcio: { count: 0, status: 503 },
      rekor: { count: 0, status: 503 },
      tsa: { count: 0, status: 503 },
      oidc: { count: 0, status: 503 },
    };
    const counts: Record<DevService, number> = { fulcio: 0, rekor: 0, tsa: 0, oidc: 0 };

    const handle = async (res: ServerResponse, fn: HandlerFn, body: string) => {
      const out = await fn(body);
      send(
        res,
        out.statusCode,
        out.response as string | Uint8Array,
        out.contentType ?? 'text/plain',
      );
    };

    route = async (req, res) => {
      const url = new URL(req.url ?? '/', base);
      const path = url.pathname;
      const service: DevService | undefined = path.startsWith('/fulcio/')
        ? 'fulcio'
        : path.startsWith('/rekor/')
          ? 'rekor'
          : path.startsWith('/tsa/')
            ? 'tsa'
            : path.startsWith('/oidc/')
              ? 'oidc'
              : undefined;
      if (service) {
        counts[service]++;
        const f = failures[service];
        if (f.count > 0) {
          f.count--;
          await readBody(req).catch(() => '');
          return json(res, f.status, {
            code: f.status,
            message: `${service} is unavailable (injected failure)`,
          });
        }
      }
      const key = `${req.method} ${path}`;
      switch (key) {
        case 'POST /fulcio/api/v2/signingCert':
          return handle(res, fulcio, await readBody(req));
        case 'GET /fulcio/api/v2/trustBundle':
          return json(res, 200, { chains: [{ certificates: [pem(ca.rootCertificate)] }] });
        case 'POST /rekor/api/v1/log/entries':
          return handle(res, rekor, await readBody(req));
        case 'GET /rekor/api/v1/log/publicKey':
          return send(
            res,
            200,
            `-----BEGIN PUBLIC KEY-----\n${tlog.publicKey.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----\n`,
            'application/x-pem-file',
          );
        case 'POST /tsa/api/v1/timestamp':
          return handle(res, timestamp, await readBody(req));
        case 'GET /tsa/api/v1/timestamp/certchain':
          return send(
            res,
            200,
            pem(tsa.intCertificate) + pem(tsa.rootCertificate),
            'application/pem-certificate-chain',
          );
        case 'GET /oidc/.well-known/openid-configuration':
          return json(res, 200, {
            ...issuer.discovery(),
            jwks_uri: `${issuerURL}/.well-known/jwks`,
          });
        case 'GET /oidc/.well-known/jwks':
          return json(res, 200, issuer.jwks());
        case 'GET /oidc/token': {
          // GitHub's endpoint: Bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN, `audience` query parameter.
          if (req.headers.authorization !== `Bearer ${requestToken}`) {
            return json(res, 401, { message: 'Bad credentials' });
          }
          const audience = url.searchParams.get('audience') ?? base;
          return json(res, 200, { count: 1, value: await issuer.mint(audience) });
        }
        case 'GET /trusted_root.json':
          return json(res, 200, trustedRoot);
        default: {
          // An enterprise form of the issuer: /oidc/<slug>/.well-known/{openid-configuration,jwks}.
          const enterpriseDocument =
            req.method === 'GET' && service === 'oidc'
              ? await issuer.enterpriseDocument(path.slice('/oidc'.length), issuerURL)
              : undefined;
          if (enterpriseDocument) return json(res, 200, enterpriseDocument);
          return json(res, 404, { message: `no route for ${key}` });
        }
      }
    };

    const requestURL = `${issuerURL}/token?api-version=2.0`;
    return {
      fulcioURL,
      rekorURL,
      tsaURL,
      oidc: {
        requestURL,
        requestToken,
        issuer: issuer.issuer,
        issuerURL,
        jwksURL: `${issuerURL}/.well-known/jwks`,
      },
      trustedRoot,
      clock,
      writeTrustedRoot: (path) =>
        writeFileAtomic(path, `${JSON.stringify(trustedRoot, null, 2)}\n`),
      env: () => ({
        ACTIONS_ID_TOKEN_REQUEST_URL: requestURL,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
        ATTEST_FULCIO_URL: fulcioURL,
        ATTEST_REKOR_URL: rekorURL,
        ATTEST_TSA_URL: tsaURL,
        ATTEST_OIDC_ISSUER: issuer.issuer,
      }),
      mintToken: (audience, claims) => issuer.mint(audience, claims),
      setClaims: (claims) => issuer.setClaims(claims),
      injectFailures(service, count, status = 503) {
        failures[service] = { count, status };
      },
      requestCounts: () => ({ ...counts }),
      close: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    };
  } catch (err) {
    server.close();
    throw err;
  }
}
