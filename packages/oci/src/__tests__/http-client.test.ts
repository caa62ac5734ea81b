import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { CONNECT_TIMEOUT, httpRequest } from '../http-client.js';
import { startBlackhole } from './blackhole.js';

const execFileAsync = promisify(execFile);
let server: Server | undefined;

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: URL; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  server = createServer(handler);
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: new URL(`http://127.0.0.1:${port}/`), sockets };
}

async function stop(): Promise<void> {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
}

afterEach(stop);

describe('httpRequest', () => {
  it('gives up on a connection that does not open within the connect timeout', async () => {
    const hole = await startBlackhole();
    try {
      const err = await httpRequest(new URL(`http://${hole.host}/v2/`), {
        method: 'GET',
        headers: {},
        connectTimeoutMs: 300,
      }).then(
        () => undefined,
        (e: unknown) => e as { code?: string; message: string },
      );
      expect(err?.code).toBe(CONNECT_TIMEOUT);
      expect(err?.message).toBe(`could not connect to ${hole.host} within 0.3 s`);
    } finally {
      await hole.close();
    }
  });

  it('counts the TLS handshake as connecting: a server that never answers it times out', async () => {
    // Takes the TCP connection, then says nothing: the TLS handshake never completes.
    const open = new Set<Socket>();
    const silent = createNetServer((socket) => {
      open.add(socket);
      socket.resume();
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const err = await httpRequest(new URL(`https://${host}/v2/`), {
        method: 'GET',
        headers: {},
        connectTimeoutMs: 300,
      }).then(
        () => undefined,
        (e: unknown) => e as { code?: string; message: string },
      );
      expect(err?.code).toBe(CONNECT_TIMEOUT);
      expect(err?.message).toBe(`could not connect to ${host} within 0.3 s`);
    } finally {
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('gives up on a proxy that never opens the tunnel, within the connect timeout', async () => {
    // A proxy that takes the connection and never answers CONNECT. Node hands the request its
    // socket only once the tunnel is up, so the timer must not wait for the socket. In a
    // child process: the agents read the proxy settings once, when first used.
    const proxy = createNetServer((socket) => socket.resume());
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const script = `
      const { httpRequest } = await import(${JSON.stringify(new URL('../http-client.ts', import.meta.url).href)});
      const err = await httpRequest(new URL('https://registry.example/v2/'), {
        method: 'GET', headers: {}, connectTimeoutMs: 300,
      }).then(() => undefined, (e) => e);
      console.log(JSON.stringify({ code: err?.code, message: err?.message }));
      process.exit(0);`;
    try {
      const { stdout } = await execFileAsync(
        process.execPath,
        ['--input-type=module', '--eval', script],
        {
          env: {
            ...process.env,
            NODE_USE_ENV_PROXY: '1',
            HTTPS_PROXY: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
            NO_PROXY: '',
          },
          timeout: 20_000,
        },
      );
      expect(JSON.parse(stdout)).toEqual({
        code: CONNECT_TIMEOUT,
        message: 'could not connect to registry.example within 0.3 s',
      });
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('reuses one connection for answers that were read or discarded', async () => {
    const { url, sockets } = await serve((req, res) => {
      // As a registry answers a HEAD: the length of the body a GET would have.
      if (req.method === 'HEAD') res.writeHead(404, { 'content-length': '157' }).end();
      else res.writeHead(202, { location: '/next', 'content-length': '2' }).end('ok');
    });
    const head = await httpRequest(new URL('/a', url), { method: 'HEAD', headers: {} });
    expect(head.status).toBe(404);
    const post = await httpRequest(new URL('/b', url), { method: 'POST', headers: {}, body: 'x' });
    expect(post.headers.get('Location')).toBe('/next');
    await post.discard();
    const get = await httpRequest(new URL('/c', url), { method: 'GET', headers: {} });
    expect(await get.text()).toBe('ok');
    expect(sockets.size).toBe(1);
  });

  it('sends a stream body with its length and reads the answer', async () => {
    const { url } = await serve((req, res) => {
      let n = 0;
      req.on('data', (c: Buffer) => {
        n += c.length;
      });
      req.on('end', () =>
        res.end(
          JSON.stringify({
            n,
            length: req.headers['content-length'],
            form: req.headers['content-type'],
          }),
        ),
      );
    });
    const body = Readable.from([Buffer.alloc(100_000, 1), Buffer.alloc(23, 2)]);
    const response = await httpRequest(new URL('/upload', url), {
      method: 'PATCH',
      headers: { 'content-length': '100023' },
      body,
    });
    expect(JSON.parse(await response.text())).toEqual({ n: 100_023, length: '100023' });
    const form = await httpRequest(new URL('/token', url), {
      method: 'POST',
      headers: {},
      body: new URLSearchParams({ grant_type: 'refresh_token' }),
    });
    expect(JSON.parse(await form.text())).toMatchObject({
      n: 24,
      form: expect.stringContaining('x-www-form-urlencoded'),
    });
  });

  it('settles on an answer that comes before the body is sent, and stops sending', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Bearer realm="x"', connection: 'close' }).end();
    });
    // An endless body: only an early answer can end this request.
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(64 * 1024));
      },
    });
    const response = await httpRequest(new URL('/upload', url), {
      method: 'PUT',
      headers: { 'content-length': String(1 << 40) },
      body: endless,
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="x"');
    await response.discard();
    expect(endless.destroyed).toBe(true);
    expect(pulled).toBeGreaterThan(0);
  });

  it('bounds what it reads, and passes network error codes on (for retries)', async () => {
    const { url } = await serve((_req, res) => res.end(Buffer.alloc(5000)));
    const response = await httpRequest(url, { method: 'GET', headers: {} });
    await expect(response.bytes(4096)).rejects.toMatchObject({ code: 'ERR_BODY_TOO_LARGE' });
    const refused = new URL(url);
    await stop();
    await expect(httpRequest(refused, { method: 'GET', headers: {} })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    await expect(
      httpRequest(new URL('ftp://127.0.0.1/blob'), { method: 'GET', headers: {} }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_PROTOCOL' });
  });
});
