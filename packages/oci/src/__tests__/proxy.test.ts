import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest } from '../http-client.js';

// Its own file: the client's agents are made once per module instance, from the environment
// at the first request.
describe('with NODE_USE_ENV_PROXY, as fetch', () => {
  let proxy: Server;
  const seen: string[] = [];
  beforeAll(async () => {
    // A forward proxy that answers itself: it records the absolute URL it was asked for.
    proxy = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'text/plain' }).end('via proxy');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    process.env.NODE_USE_ENV_PROXY = '1';
    process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    delete process.env.NODE_USE_ENV_PROXY;
    delete process.env.HTTP_PROXY;
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  });

  it('sends requests through HTTP_PROXY', async () => {
    const response = await httpRequest(new URL('http://registry.invalid:5000/v2/'), {
      method: 'GET',
      headers: {},
    });
    expect(await response.text()).toBe('via proxy');
    expect(seen).toEqual(['http://registry.invalid:5000/v2/']);
  });
});
