import { type ChildProcess, spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';

export interface Blackhole {
  /** `127.0.0.1:PORT`: connections to it never open. */
  host: string;
  close(): Promise<void>;
}

// Listens with the smallest accept queue, then freezes without burning CPU, so it never
// accepts; after two minutes it exits, so that a test run killed midway leaves nothing behind.
const FROZEN_LISTENER = `
const server = require('node:net').createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  require('node:fs').writeSync(1, server.address().port + '\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
  process.exit(0);
});`;

/** A connected socket, or undefined when the connect stays unanswered for `waitMs`. */
function tryConnect(port: number, waitMs: number): Promise<Socket | undefined> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(undefined);
    }, waitMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    // Refused or reset (a kernel with tcp_abort_on_overflow answers a full queue so): that is
    // not a host that drops packets.
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/**
 * A host that drops connection attempts, as a firewall that drops packets does: a listener
 * that never accepts, whose accept queue is filled here, so that the kernel drops every new SYN
 * and a client's connect neither succeeds nor fails.
 */
export async function startBlackhole(): Promise<Blackhole> {
  const child: ChildProcess = spawn(process.execPath, ['-e', FROZEN_LISTENER], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the frozen listener exited (${code})`)));
    child.stdout!.once('data', (data: Buffer) => resolve(Number(String(data).trim())));
  });
  const fillers: Socket[] = [];
  const close = async (): Promise<void> => {
    for (const s of fillers) s.destroy();
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
  };
  // The queue holds a connection or two (the kernel's count is backlog + 1): fill it until a
  // connect stays unanswered.
  for (;;) {
    const socket = await tryConnect(port, 300).catch(async (err: Error) => {
      await close();
      throw new Error(`cannot make a host that drops SYNs: ${err.message}`);
    });
    if (!socket) break;
    fillers.push(socket);
    if (fillers.length > 16) {
      await close();
      throw new Error('the frozen listener keeps accepting: cannot make a host that drops SYNs');
    }
  }
  return { host: `127.0.0.1:${port}`, close };
}
