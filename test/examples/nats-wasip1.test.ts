// The NATS server wasip1 module, run for real: under a WASI host that pre-opens a listening
// socket as fd 3 (examples/nats-wasip1/wasi-host.mjs, Node's WASI plus sockets), it must accept
// NATS clients on that socket and route messages between them; without the socket it must
// stop with the error the overlay's listen_wasip1.go gives.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILD_TIMEOUT_MS,
  buildNatsWasm,
  examplesDir,
  type NatsBuild,
  requireToolchain,
} from '../helpers/toolchains.js';

const host = join(examplesDir, 'nats-wasip1', 'wasi-host.mjs');

/** A line-oriented NATS protocol client: send text, wait for text to arrive. */
class Client {
  private buffer = '';
  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8').on('data', (d: string) => {
      this.buffer += d;
    });
  }
  static async open(port: number): Promise<Client> {
    const socket = connect({ host: '127.0.0.1', port });
    await once(socket, 'connect');
    return new Client(socket);
  }
  send(text: string): void {
    this.socket.write(text);
  }
  async waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.buffer)) {
      if (Date.now() > deadline) throw new Error(`no ${pattern} in ${JSON.stringify(this.buffer)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.buffer;
  }
  close(): void {
    this.socket.destroy();
  }
}

describe.skipIf(!requireToolchain('go', 'nats-sources'))('nats-server.wasm under WASI', () => {
  let nats: NatsBuild;
  const children: ChildProcess[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    nats = await buildNatsWasm();
  }, BUILD_TIMEOUT_MS);
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
    for (const child of children.splice(0)) child.kill();
  });

  function start(args: string[]): { child: ChildProcess; stderr: () => string } {
    const child = spawn(process.execPath, [host, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(child);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    return { child, stderr: () => stderr };
  }

  it('serves NATS clients on the pre-opened socket (fd 3)', async () => {
    const { child, stderr } = start(['--listen', '127.0.0.1:0', nats.path, '-a', '127.0.0.1']);
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /wasi-host: listening on 127\.0\.0\.1:(\d+)/.exec(stderr());
        if (m) {
          clearInterval(timer);
          resolve(Number(m[1]));
        }
      }, 20);
      child.on('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`host exited ${code}: ${stderr()}`));
      });
    });

    const subscriber = await Client.open(port);
    clients.push(subscriber);
    const info = await subscriber.waitFor(/^INFO .*\r\n/);
    expect(info).toContain('"version":"2.9.10"');
    expect(info).toContain(`"go":"${nats.goVersion}"`);
    subscriber.send('CONNECT {"verbose":false}\r\nSUB greetings 1\r\nPING\r\n');
    await subscriber.waitFor(/PONG\r\n/);

    // A second connection on the same pre-opened listener publishes to the first.
    const publisher = await Client.open(port);
    clients.push(publisher);
    await publisher.waitFor(/^INFO /);
    publisher.send('CONNECT {"verbose":false}\r\nPUB greetings 11\r\nhello wasm!\r\nPING\r\n');
    await publisher.waitFor(/PONG\r\n/);
    expect(await subscriber.waitFor(/MSG greetings 1 11\r\nhello wasm!\r\n/)).toMatch(
      /MSG greetings 1 11\r\nhello wasm!\r\n/,
    );
    expect(stderr()).toContain('Server is ready');
  }, 120_000);

  it('stops with a clear error when no socket was pre-opened', async () => {
    const { child, stderr } = start(['--no-listen', nats.path]);
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr()).toContain(
      'wasip1: no pre-opened listening socket (fd 3) for tcp 0.0.0.0:4222',
    );
  }, 120_000);
});
