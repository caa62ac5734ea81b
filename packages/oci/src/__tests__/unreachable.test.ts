import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Blackhole, startBlackhole } from './blackhole.js';
import { OciClient, type OciError } from './exports.js';
import { failure } from './failure.js';

let hole: Blackhole;
beforeAll(async () => {
  hole = await startBlackhole();
});
afterAll(async () => hole?.close());

/** Connection attempts to the blackhole while `run` runs (Node announces each new socket). */
async function connectionsDuring(run: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const port = Number(hole.host.split(':')[1]);
  const onSocket = (message: unknown) => {
    const { socket } = message as { socket: Socket };
    socket.once('connectionAttempt', (_ip: string, to: number) => {
      if (to === port) count++;
    });
  };
  subscribe('net.client.socket', onSocket);
  try {
    await run();
  } finally {
    unsubscribe('net.client.socket', onSocket);
  }
  return count;
}

const digest = `sha256:${'0'.repeat(64)}`;

describe('a registry that drops connection attempts', () => {
  it('fails after the connect timeout, without trying again', async () => {
    const retries: string[] = [];
    const client = new OciClient(
      { registry: hole.host, repository: 'r/x' },
      {
        connectTimeoutMs: 300,
        retry: { baseDelayMs: 1 },
        onProgress: (e) => {
          if (e.step === 'oci.retry') retries.push(e.message ?? '');
        },
      },
    );
    let err: OciError | undefined;
    const attempts = await connectionsDuring(async () => {
      err = await failure(client.hasBlob(digest));
    });
    expect(err?.code).toBe('NETWORK');
    expect(err?.message).toContain(`registry ${hole.host}`);
    expect(err?.message).toContain(`could not connect to ${hole.host} within 0.3 s`);
    expect(attempts).toBe(1);
    expect(retries).toEqual([]);
  });

  it('is not waited for again after the warm-up of a push found it unreachable', async () => {
    const client = new OciClient(
      { registry: hole.host, repository: 'r/y' },
      { connectTimeoutMs: 300 },
    );
    // The warm-up never throws: the requests after it report what it met.
    expect(await connectionsDuring(() => client.prepareToPush())).toBe(1);
    let err: OciError | undefined;
    const attempts = await connectionsDuring(async () => {
      err = await failure(client.hasBlob(digest));
    });
    expect(attempts).toBe(0);
    expect(err?.code).toBe('NETWORK');
    expect(err?.message).toContain(
      `not sent: http://${hole.host} could not be reached just before`,
    );
    expect(err?.message).toContain(`could not connect to ${hole.host} within 0.3 s`);
  });

  it('waits for an unreachable token service once, not once more per request', async () => {
    // A registry whose token service is the blackhole (as Docker Hub's is another host).
    const registry = createServer((_req, res) => {
      res
        .writeHead(401, {
          'www-authenticate': `Bearer realm="http://${hole.host}/token",service="s"`,
        })
        .end();
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    try {
      const host = `127.0.0.1:${(registry.address() as AddressInfo).port}`;
      const client = new OciClient(
        { registry: host, repository: 'r/z' },
        { connectTimeoutMs: 300 },
      );
      expect(await connectionsDuring(() => client.prepareToPush())).toBe(1);
      let err: OciError | undefined;
      const attempts = await connectionsDuring(async () => {
        err = await failure(client.hasBlob(digest));
      });
      expect(attempts).toBe(0);
      expect(err?.code).toBe('NETWORK');
      expect(err?.message).toContain(`token service http://${hole.host}`);
      expect(err?.message).toContain('not sent');
    } finally {
      registry.closeAllConnections();
      await new Promise((resolve) => registry.close(resolve));
    }
  });
});
