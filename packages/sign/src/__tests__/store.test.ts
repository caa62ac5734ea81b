import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SerializedBundle } from '@sigstore/bundle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAttestation } from '../index.js';

// A stand-in for the GitHub API that checks what actions/attest sends and fails when told to.
let server: Server;
let api: string;
let failNext = 0;
const received: {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString() || 'null'),
      });
      if (failNext > 0) {
        failNext--;
        res.writeHead(502, { 'Content-Type': 'application/json' }).end('{"message":"Bad gateway"}');
        return;
      }
      if (req.headers.authorization !== 'Bearer ghs_test') {
        res
          .writeHead(401, { 'Content-Type': 'application/json' })
          .end('{"message":"Bad credentials"}');
        return;
      }
      res.writeHead(201, { 'Content-Type': 'application/json' }).end('{"id":123456}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const bundle = { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' } as SerializedBundle;
const fast = { retries: 3, minTimeout: 5 };

describe('storeAttestation', () => {
  it('POSTs {bundle} to /repos/{owner}/{repo}/attestations and returns the id', async () => {
    received.length = 0;
    const id = await storeAttestation(bundle, {
      repository: 'octo/app',
      token: 'ghs_test',
      apiUrl: api,
    });
    expect(id).toBe('123456');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: 'POST',
      url: '/repos/octo/app/attestations',
      body: { bundle },
    });
    expect(received[0]!.headers.accept).toBe('application/vnd.github+json');
    expect(received[0]!.headers['x-github-api-version']).toBe('2022-11-28');
  });

  it('retries 5xx with backoff', async () => {
    received.length = 0;
    failNext = 2;
    expect(
      await storeAttestation(bundle, {
        repository: 'octo/app',
        token: 'ghs_test',
        apiUrl: api,
        retry: fast,
      }),
    ).toBe('123456');
    expect(received).toHaveLength(3);
  });

  it('gives up with API_FAILED after the retries, and at once on 4xx', async () => {
    received.length = 0;
    failNext = 10;
    const err = await storeAttestation(bundle, {
      repository: 'octo/app',
      token: 'ghs_test',
      apiUrl: api,
      retry: { retries: 2, minTimeout: 5 },
    }).catch((e) => e);
    failNext = 0;
    expect(err.code).toBe('API_FAILED');
    expect(err.message).toMatch(/attestations API.*502/);
    expect(received).toHaveLength(3);
    received.length = 0;
    const denied = await storeAttestation(bundle, {
      repository: 'octo/app',
      token: 'nope',
      apiUrl: api,
      retry: fast,
    }).catch((e) => e);
    expect(denied.message).toMatch(/401: Bad credentials/);
    expect(received).toHaveLength(1);
  });

  it('checks its options', async () => {
    const err = await storeAttestation(bundle, {
      repository: 'no-slash',
      token: 't',
      apiUrl: api,
    }).catch((e) => e);
    expect(err.code).toBe('INVALID_OPTIONS');
  });
});
