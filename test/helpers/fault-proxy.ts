// A real HTTP proxy between a client and a registry that injects faults: connection resets in
// the middle of a request body, lost responses, 500s, 429 with Retry-After, slow answers. It
// counts the request-body bytes clients send for blob uploads, so tests can tell what was sent.
import {
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultAction =
  /** Forward the request but cut both connections once this many body bytes went through. */
  | { kind: 'reset-after-bytes'; bytes: number }
  /** Forward the request, let the registry answer, and drop the connection instead of replying. */
  | { kind: 'lose-response' }
  /** Answer this status without forwarding (the request body is read and dropped). */
  | { kind: 'status'; status: number; retryAfter?: string }
  /** Wait before forwarding. */
  | { kind: 'delay'; ms: number };

export interface Fault {
  method?: string;
  path?: RegExp;
  action: FaultAction;
  /** Only requests declaring at least this Content-Length (to pick a big blob's upload). */
  minContentLength?: number;
  /** How many matching requests it applies to (default 1; Infinity for always). */
  times?: number;
}

export interface ProxyLogEntry {
  method: string;
  path: string;
  /** The status sent back, or `reset` / `lost`. */
  outcome: number | 'reset' | 'lost';
}

export interface FaultProxy {
  /** `127.0.0.1:PORT` of the proxy: what clients use as the registry host. */
  host: string;
  port: number;
  addFault(fault: Fault): void;
  clearFaults(): void;
  /** Request-body bytes received for blob uploads (POST/PATCH/PUT under /blobs/uploads/). */
  uploadBytes(): number;
  log: ProxyLogEntry[];
  close(): Promise<void>;
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const [upHost, upPort] = [
    upstream.slice(0, upstream.lastIndexOf(':')),
    Number(upstream.slice(upstream.lastIndexOf(':') + 1)),
  ];
  const faults: (Fault & { left: number })[] = [];
  const log: ProxyLogEntry[] = [];
  const sockets = new Set<Socket>();
  let uploadBytes = 0;

  const take = (req: IncomingMessage): FaultAction | undefined => {
    const path = req.url ?? '/';
    const fault = faults.find(
      (f) =>
        f.left > 0 &&
        (!f.method || f.method === req.method) &&
        (!f.path || f.path.test(path)) &&
        (f.minContentLength === undefined ||
          Number(req.headers['content-length'] ?? 0) >= f.minContentLength),
    );
    if (!fault) return undefined;
    fault.left--;
    return fault.action;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    const isUpload =
      /\/blobs\/uploads\//.test(path) && req.method !== 'GET' && req.method !== 'DELETE';
    const action = take(req);
    if (action?.kind === 'status') {
      req.resume();
      req.on('end', () => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (action.retryAfter !== undefined) headers['retry-after'] = action.retryAfter;
        res.writeHead(action.status, headers);
        res.end(
          JSON.stringify({
            errors: [
              {
                code: action.status === 429 ? 'TOOMANYREQUESTS' : 'UNKNOWN',
                message: `injected ${action.status}`,
              },
            ],
          }),
        );
        log.push({ method: req.method ?? '', path, outcome: action.status });
      });
      return;
    }
    if (action?.kind === 'delay') await new Promise((r) => setTimeout(r, action.ms));
    const upstreamReq = request({
      host: upHost,
      port: upPort,
      method: req.method,
      path,
      headers: req.headers,
    });
    let seen = 0;
    let cut = false;
    req.on('data', (chunk: Buffer) => {
      if (cut) return;
      if (isUpload) uploadBytes += chunk.length;
      seen += chunk.length;
      if (action?.kind === 'reset-after-bytes' && seen >= action.bytes) {
        cut = true;
        // Send what arrived up to the cut, then break both sides as a network failure would.
        upstreamReq.write(chunk.subarray(0, chunk.length - (seen - action.bytes)));
        upstreamReq.destroy();
        req.socket.destroy();
        log.push({ method: req.method ?? '', path, outcome: 'reset' });
        return;
      }
      if (!upstreamReq.write(chunk)) {
        req.pause();
        upstreamReq.once('drain', () => req.resume());
      }
    });
    req.on('end', () => {
      if (!cut) upstreamReq.end();
    });
    upstreamReq.on('error', () => {
      if (!cut) req.socket.destroy();
    });
    upstreamReq.on('response', (upstreamRes) => {
      if (action?.kind === 'lose-response') {
        upstreamRes.resume();
        upstreamRes.on('end', () => {
          log.push({ method: req.method ?? '', path, outcome: 'lost' });
          req.socket.destroy();
        });
        return;
      }
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
      upstreamRes.pipe(res);
      log.push({ method: req.method ?? '', path, outcome: upstreamRes.statusCode ?? 502 });
    });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    port,
    addFault(fault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    clearFaults() {
      faults.length = 0;
    },
    uploadBytes: () => uploadBytes,
    log,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
