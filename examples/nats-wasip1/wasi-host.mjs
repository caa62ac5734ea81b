#!/usr/bin/env node
// A minimal WASI preview 1 host for Node that pre-opens a listening TCP socket as fd 3, the
// way `wasmtime run -S tcplisten=ADDR` does: enough to run nats-server.wasm where no wasmtime
// is installed (and to test the fd-3 listener in CI without downloading one).
//
//   node wasi-host.mjs [--listen HOST:PORT | --no-listen] MODULE.wasm [ARGS...]
//
// Prints `wasi-host: listening on HOST:PORT` on stderr once the socket is open (port 0 picks a
// free one); --no-listen runs the module with no socket at all. Everything but sockets is
// Node's own WASI (node:wasi); sockets are added here. Exits with the module's exit status.
//
// How: the module runs in a worker thread, because WASI calls are synchronous and Node's
// sockets are not. For a socket call the worker posts a request to the main thread, which owns
// the sockets, and blocks on Atomics.wait until the answer is in shared memory.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const LISTEN_FD = 3;
const DATA_BYTES = 1 << 20; // the largest read or write moved in one call
// WASI errno values.
const ESUCCESS = 0;
const EAGAIN = 6;
const EBADF = 8;
const FILETYPE_SOCKET_STREAM = 6;

if (isMainThread) await main();
else await worker();

// ---------------------------------------------------------------------------------------
// Main thread: owns the listening socket and the connections.

async function main() {
  const argv = process.argv.slice(2);
  let listen = '127.0.0.1:4222';
  if (argv[0] === '--listen') {
    listen = argv[1] ?? '';
    argv.splice(0, 2);
  } else if (argv[0] === '--no-listen') {
    listen = null;
    argv.shift();
  }
  const [modulePath, ...args] = argv;
  const match = listen === null ? [] : /^(.*):(\d+)$/.exec(listen);
  if (!modulePath || !match) {
    process.stderr.write(
      'usage: wasi-host.mjs [--listen HOST:PORT | --no-listen] MODULE.wasm [ARGS...]\n',
    );
    process.exit(2);
  }

  const pending = []; // accepted connections the module has not taken yet
  const conns = new Map(); // fd -> { socket, chunks, size, ended }
  let nextFd = 100;
  let waiter = null; // a poll request waiting for readiness

  const server = createServer({ pauseOnConnect: false, noDelay: true }, (socket) => {
    const conn = { socket, chunks: [], size: 0, ended: false };
    socket.on('data', (d) => {
      conn.chunks.push(d);
      conn.size += d.length;
      wake();
    });
    socket.on('end', () => {
      conn.ended = true;
      wake();
    });
    socket.on('error', () => {
      conn.ended = true;
      wake();
    });
    pending.push(conn);
    wake();
  });
  if (listen !== null) {
    server.listen(Number(match[2]), match[1]);
    await once(server, 'listening');
    const address = server.address();
    process.stderr.write(`wasi-host: listening on ${address.address}:${address.port}\n`);
  }

  const ctrl = new Int32Array(new SharedArrayBuffer(8 * 4));
  const data = new Uint8Array(new SharedArrayBuffer(DATA_BYTES));
  const worker = new Worker(fileURLToPath(import.meta.url), {
    workerData: { modulePath, args, env: process.env, ctrl, data, listen: listen !== null },
    stdout: false,
    stderr: false,
  });

  const reply = (value, extra = 0) => {
    ctrl[1] = value;
    ctrl[2] = extra;
    Atomics.store(ctrl, 0, 1);
    Atomics.notify(ctrl, 0);
  };

  const readable = (fd) => {
    if (fd === LISTEN_FD) return pending.length > 0;
    const conn = conns.get(fd);
    return !conn || conn.size > 0 || conn.ended;
  };

  function wake() {
    if (!waiter) return;
    const ready = waiter.fds.map((fd, i) => (waiter.write[i] || readable(fd) ? 1 : 0));
    if (!ready.includes(1)) return;
    clearTimeout(waiter.timer);
    waiter = null;
    ready.forEach((r, i) => {
      data[i] = r;
    });
    reply(1);
  }

  worker.on('message', (m) => {
    switch (m.op) {
      case 'accept': {
        const conn = pending.shift();
        if (!conn) return reply(-EAGAIN);
        const fd = nextFd++;
        conns.set(fd, conn);
        return reply(fd);
      }
      case 'read': {
        const conn = conns.get(m.fd);
        if (!conn) return reply(-EBADF);
        if (conn.size === 0) return reply(conn.ended ? 0 : -EAGAIN);
        let n = 0;
        while (n < m.max && conn.chunks.length > 0) {
          const chunk = conn.chunks[0];
          const take = Math.min(chunk.length, m.max - n);
          data.set(chunk.subarray(0, take), n);
          n += take;
          if (take === chunk.length) conn.chunks.shift();
          else conn.chunks[0] = chunk.subarray(take);
        }
        conn.size -= n;
        return reply(n);
      }
      case 'write': {
        const conn = conns.get(m.fd);
        if (!conn) return reply(-EBADF);
        conn.socket.write(Buffer.from(data.subarray(0, m.len)));
        return reply(m.len);
      }
      case 'close':
      case 'shutdown': {
        const conn = conns.get(m.fd);
        if (conn) conn.socket.end();
        if (m.op === 'close') conns.delete(m.fd);
        return reply(conn ? 0 : -EBADF);
      }
      case 'poll': {
        waiter = { fds: m.fds, write: m.write, timer: undefined };
        if (m.timeoutMs >= 0) {
          waiter.timer = setTimeout(() => {
            waiter = null;
            data.fill(0, 0, m.fds.length);
            reply(0);
          }, m.timeoutMs);
        }
        return wake();
      }
      case 'exit':
        if (server.listening) server.close();
        for (const conn of conns.values()) conn.socket.destroy();
        process.exitCode = m.code;
        return worker.terminate();
    }
  });
  worker.on('error', (err) => {
    process.stderr.write(`wasi-host: ${err.stack ?? err}\n`);
    process.exit(1);
  });
}

// ---------------------------------------------------------------------------------------
// Worker: runs the module; socket calls go to the main thread.

async function worker() {
  const { modulePath, args, env, ctrl, data, listen } = workerData;
  // node:wasi announces itself as experimental on stderr, which is the module's stderr here.
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning, ...rest) => {
    if (!String(warning).includes('WASI')) emitWarning.call(process, warning, ...rest);
  };
  const { WASI } = await import('node:wasi');
  const call = (message) => {
    Atomics.store(ctrl, 0, 0);
    parentPort.postMessage(message);
    Atomics.wait(ctrl, 0, 0);
    return ctrl[1];
  };

  const wasi = new WASI({
    version: 'preview1',
    args: ['nats-server', ...args],
    env,
    returnOnExit: true,
  });
  const base = wasi.getImportObject().wasi_snapshot_preview1;
  let memory;
  const view = () => new DataView(memory.buffer);
  const bytes = () => new Uint8Array(memory.buffer);
  const sockets = new Set(listen ? [LISTEN_FD] : []);

  const iovecs = (ptr, count) => {
    const v = view();
    const out = [];
    for (let i = 0; i < count; i++) {
      out.push([v.getUint32(ptr + i * 8, true), v.getUint32(ptr + i * 8 + 4, true)]);
    }
    return out;
  };

  const overrides = {
    fd_fdstat_get(fd, ptr) {
      if (!sockets.has(fd)) return base.fd_fdstat_get(fd, ptr);
      const v = view();
      v.setUint8(ptr, FILETYPE_SOCKET_STREAM);
      v.setUint16(ptr + 2, 0, true);
      v.setBigUint64(ptr + 8, 0xffffffffn, true);
      v.setBigUint64(ptr + 16, 0xffffffffn, true);
      return ESUCCESS;
    },
    fd_fdstat_set_flags(fd, flags) {
      // Sockets are always non-blocking here: the module waits in poll_oneoff.
      return sockets.has(fd) ? ESUCCESS : base.fd_fdstat_set_flags(fd, flags);
    },
    sock_accept(fd, _flags, fdPtr) {
      if (fd !== LISTEN_FD) return EBADF;
      const r = call({ op: 'accept' });
      if (r < 0) return -r;
      sockets.add(r);
      view().setUint32(fdPtr, r, true);
      return ESUCCESS;
    },
    sock_shutdown(fd, how) {
      if (!sockets.has(fd)) return EBADF;
      const r = call({ op: 'shutdown', fd, how });
      return r < 0 ? -r : ESUCCESS;
    },
    fd_read(fd, iovs, iovsLen, nreadPtr) {
      if (!sockets.has(fd)) return base.fd_read(fd, iovs, iovsLen, nreadPtr);
      const list = iovecs(iovs, iovsLen);
      const max = Math.min(
        DATA_BYTES,
        list.reduce((n, [, len]) => n + len, 0),
      );
      const r = call({ op: 'read', fd, max });
      if (r < 0) return -r;
      let off = 0;
      const mem = bytes();
      for (const [ptr, len] of list) {
        const take = Math.min(len, r - off);
        if (take <= 0) break;
        mem.set(data.subarray(off, off + take), ptr);
        off += take;
      }
      view().setUint32(nreadPtr, r, true);
      return ESUCCESS;
    },
    fd_write(fd, iovs, iovsLen, nwrittenPtr) {
      if (!sockets.has(fd)) return base.fd_write(fd, iovs, iovsLen, nwrittenPtr);
      const mem = bytes();
      let len = 0;
      for (const [ptr, n] of iovecs(iovs, iovsLen)) {
        const take = Math.min(n, DATA_BYTES - len);
        data.set(mem.subarray(ptr, ptr + take), len);
        len += take;
      }
      const r = call({ op: 'write', fd, len });
      if (r < 0) return -r;
      view().setUint32(nwrittenPtr, r, true);
      return ESUCCESS;
    },
    fd_close(fd) {
      if (!sockets.has(fd)) return base.fd_close(fd);
      sockets.delete(fd);
      const r = call({ op: 'close', fd });
      return r < 0 ? -r : ESUCCESS;
    },
    poll_oneoff(inPtr, outPtr, nsubs, neventsPtr) {
      const v = view();
      const now = process.hrtime.bigint();
      const clocks = [];
      const fdSubs = [];
      for (let i = 0; i < nsubs; i++) {
        const s = inPtr + i * 48;
        const userdata = v.getBigUint64(s, true);
        const tag = v.getUint8(s + 8);
        if (tag === 0) {
          const timeout = v.getBigUint64(s + 24, true);
          const abstime = (v.getUint16(s + 40, true) & 1) === 1;
          // Absolute deadlines are on the clock the module read (monotonic for Go's timers).
          clocks.push({ userdata, deadline: abstime ? timeout : now + timeout });
        } else {
          fdSubs.push({ userdata, tag, fd: v.getUint32(s + 16, true) });
        }
      }
      const deadline = clocks.reduce(
        (d, c) => (d === null || c.deadline < d ? c.deadline : d),
        null,
      );
      const timeoutMs =
        deadline === null ? -1 : Math.max(0, Math.ceil(Number(deadline - now) / 1e6));
      const events = [];
      const socketSubs = fdSubs.filter((s) => sockets.has(s.fd));
      // Subscriptions on anything but our sockets (stdio) are ready at once.
      for (const s of fdSubs) if (!sockets.has(s.fd)) events.push({ ...s, nbytes: 1n });
      if (events.length === 0) {
        if (socketSubs.length > 0) {
          call({
            op: 'poll',
            fds: socketSubs.map((s) => s.fd),
            write: socketSubs.map((s) => s.tag === 2),
            timeoutMs,
          });
          socketSubs.forEach((s, i) => {
            if (data[i]) events.push({ ...s, nbytes: 1n });
          });
        } else if (timeoutMs > 0) {
          Atomics.wait(ctrl, 7, 0, timeoutMs);
        }
      }
      if (events.length === 0) {
        const after = process.hrtime.bigint();
        for (const c of clocks) {
          if (c.deadline <= after || clocks.length === 1) events.push({ ...c, tag: 0, nbytes: 0n });
        }
      }
      const w = view();
      events.forEach((e, i) => {
        const o = outPtr + i * 32;
        w.setBigUint64(o, e.userdata, true);
        w.setUint16(o + 8, 0, true);
        w.setUint8(o + 10, e.tag);
        w.setBigUint64(o + 16, e.nbytes, true);
        w.setUint16(o + 24, 0, true);
      });
      w.setUint32(neventsPtr, events.length, true);
      return ESUCCESS;
    },
  };

  const module = new WebAssembly.Module(readFileSync(modulePath));
  const instance = new WebAssembly.Instance(module, {
    wasi_snapshot_preview1: { ...base, ...overrides },
  });
  memory = instance.exports.memory;
  const code = wasi.start(instance);
  parentPort.postMessage({ op: 'exit', code });
}
