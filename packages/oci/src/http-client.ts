import type http from 'node:http';
import type https from 'node:https';
import type { Readable } from 'node:stream';

/**
 * One HTTP exchange on `node:http`/`node:https`, with keep-alive connections, and a response
 * shaped like the parts of fetch's `Response` the registry code uses.
 *
 * Why not `fetch`: in a fresh process, Node's first `fetch` has to load and warm undici (its
 * HTTP parser is WebAssembly), which costs about 60-80 ms before the first byte goes out, and
 * every upload would go through web-stream adapters. `attest push` is a short-lived process, so
 * that was a third of a typical push. `node:http` is part of Node's start-up snapshot, and file
 * streams pipe straight into the socket.
 */

export type RequestBody = string | Uint8Array | URLSearchParams | Readable;

export interface RequestInit {
  method: string;
  headers: Record<string, string>;
  body?: RequestBody;
  /** How long a new connection may take to open, TLS included (default 30 s). */
  connectTimeoutMs?: number;
}

/** The error code of a connection that did not open in time. */
export const CONNECT_TIMEOUT = 'ERR_CONNECT_TIMEOUT';

export interface HttpResponse {
  /** The URL that answered (after redirects, the last one): relative headers resolve against it. */
  readonly url: URL;
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  /** The body as a Node stream; read it, or call `discard()`, to free the connection. */
  readonly body: Readable;
  /** The whole body as UTF-8; `maxBytes` as for `bytes`. */
  text(maxBytes?: number): Promise<string>;
  /** The whole body; `maxBytes` bounds what a misbehaving server can make us hold. */
  bytes(maxBytes?: number): Promise<Uint8Array>;
  /** Drops the body (a small one is drained, so the connection can be reused). */
  discard(): Promise<void>;
}

/** Bodies up to this size are drained on `discard()`; bigger ones close the connection. */
const DRAIN_MAX_BYTES = 64 * 1024;
/** As undici's default headers and body timeouts: a silent peer is given up on after 5 min. */
const IDLE_TIMEOUT_MS = 300_000;
/**
 * As docker's and crane's dialers. Without it a host that drops packets holds a request for as
 * long as the kernel resends its SYN (over two minutes on Linux), for every try.
 */
const CONNECT_TIMEOUT_MS = 30_000;

// `import http from 'node:http'` would build an ES module facade over every export of
// node:http, and reading its lazy `WebSocket`-family getters loads all of undici: about 60 ms
// in a fresh process. getBuiltinModule returns the plain module, as `require` would.
let httpModule: typeof http | undefined;
let httpAgent: http.Agent | undefined;
let httpsAgent: https.Agent | undefined;
let httpsModule: typeof https | undefined;

/**
 * Keep-alive agents. With NODE_USE_ENV_PROXY set, they go through HTTP_PROXY / HTTPS_PROXY
 * (minus NO_PROXY) as Node's own `fetch` then does.
 */
function agentOptions(): http.AgentOptions {
  return process.env.NODE_USE_ENV_PROXY
    ? ({ keepAlive: true, proxyEnv: process.env } as http.AgentOptions)
    : { keepAlive: true };
}

function agentFor(url: URL): { lib: typeof http | typeof https; agent: http.Agent } {
  if (url.protocol === 'http:') {
    httpModule ??= process.getBuiltinModule('node:http');
    httpAgent ??= new httpModule.Agent(agentOptions());
    return { lib: httpModule, agent: httpAgent };
  }
  if (url.protocol !== 'https:') {
    // Node's code for it: the transport does not retry it.
    throw Object.assign(new TypeError(`unsupported URL scheme ${url.protocol} (${url.href})`), {
      code: 'ERR_INVALID_PROTOCOL',
    });
  }
  // TLS is loaded only when a registry needs it (loopback registries are plain HTTP).
  httpsModule ??= process.getBuiltinModule('node:https');
  httpsAgent ??= new httpsModule.Agent(agentOptions());
  return { lib: httpsModule, agent: httpsAgent };
}

function isReadable(body: RequestBody): body is Readable {
  return typeof (body as Readable).pipe === 'function';
}

export async function httpRequest(url: URL, init: RequestInit): Promise<HttpResponse> {
  const { lib, agent } = agentFor(url);
  const headers = { ...init.headers };
  let payload: string | Uint8Array | Readable | undefined;
  if (init.body instanceof URLSearchParams) {
    payload = init.body.toString();
    headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=UTF-8';
  } else payload = init.body;
  if (payload !== undefined && !isReadable(payload) && headers['content-length'] === undefined) {
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise<HttpResponse>((resolve, reject) => {
    const request = lib.request(url, { method: init.method, headers, agent });
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      if (payload !== undefined && isReadable(payload)) payload.destroy();
      reject(err);
    };
    request.setTimeout(IDLE_TIMEOUT_MS, () => {
      request.destroy(
        Object.assign(new Error(`no answer from ${url.host} for ${IDLE_TIMEOUT_MS / 1000} s`), {
          code: 'ETIMEDOUT',
        }),
      );
    });
    request.on('error', fail);
    // From the start, not from 'socket': through a proxy Node hands the socket over only once
    // the tunnel (and TLS) is up, so a silent proxy would otherwise never time out.
    const limit = init.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
    const connectTimer = setTimeout(() => {
      const err = Object.assign(
        new Error(`could not connect to ${url.host} within ${limit / 1000} s`),
        { code: CONNECT_TIMEOUT },
      );
      // Before destroy: a request destroyed before it has a socket only records the error.
      fail(err);
      request.destroy(err);
    }, limit);
    const opened = () => clearTimeout(connectTimer);
    request.once('close', opened);
    request.on('socket', (socket) => {
      // A kept-alive connection (or a tunnel Node hands over once it is up) is already open.
      if (!socket.connecting) return opened();
      // TLS (to the registry, or to an https proxy) is part of opening the connection.
      socket.once('encrypted' in socket ? 'secureConnect' : 'connect', opened);
      socket.once('close', opened);
    });
    request.on('response', (message) => {
      if (settled) {
        message.destroy();
        return;
      }
      settled = true;
      // A server may answer before it has read the whole body (an early 401 or 413): stop
      // sending. The socket is not reused then (Node closes it when the request is unfinished).
      if (payload !== undefined && isReadable(payload) && !request.writableFinished) {
        payload.unpipe(request);
        payload.destroy();
      }
      const response = wrapResponse(url, message, init.method);
      // A connection goes back to the pool only once its answer has been read to the end. An
      // answer that cannot have a body is read before it is handed over, so no caller can
      // forget it (an open socket would keep the process alive), and so the next request
      // finds the connection free instead of opening another.
      if (
        init.method === 'HEAD' ||
        response.status === 204 ||
        response.status === 304 ||
        message.headers['content-length'] === '0'
      ) {
        response.discard().then(() => resolve(response));
      } else resolve(response);
    });
    if (payload === undefined) request.end();
    else if (isReadable(payload)) {
      payload.on('error', (err) => request.destroy(err));
      payload.pipe(request);
    } else request.end(payload);
  });
}

function wrapResponse(url: URL, message: http.IncomingMessage, method: string): HttpResponse {
  const status = message.statusCode ?? 0;
  message.setTimeout(IDLE_TIMEOUT_MS, () => {
    message.destroy(
      Object.assign(new Error(`${url.host} stopped sending for ${IDLE_TIMEOUT_MS / 1000} s`), {
        code: 'ETIMEDOUT',
      }),
    );
  });
  const collect = async (maxBytes = Number.POSITIVE_INFINITY): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of message as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        message.destroy();
        throw Object.assign(
          new Error(`the answer from ${url.host} is larger than ${maxBytes} bytes`),
          { code: 'ERR_BODY_TOO_LARGE' },
        );
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks, size);
  };
  return {
    url,
    status,
    ok: status >= 200 && status < 300,
    headers: {
      get(name: string): string | null {
        const value = message.headers[name.toLowerCase()];
        if (value === undefined) return null;
        return Array.isArray(value) ? value.join(', ') : value;
      },
    },
    body: message,
    text: async (maxBytes?: number) => (await collect(maxBytes)).toString('utf8'),
    bytes: async (maxBytes?: number) => {
      const buffer = await collect(maxBytes);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    },
    discard: () =>
      new Promise<void>((resolve) => {
        if (message.readableEnded || message.destroyed) {
          resolve();
          return;
        }
        const length = Number(message.headers['content-length'] ?? Number.NaN);
        if (!(message.complete || method === 'HEAD' || length <= DRAIN_MAX_BYTES)) {
          message.destroy();
          resolve();
          return;
        }
        // Read to the end: the connection is then free for the next request.
        message.once('end', resolve);
        message.once('close', resolve);
        message.once('error', () => resolve());
        message.resume();
      }),
  };
}
