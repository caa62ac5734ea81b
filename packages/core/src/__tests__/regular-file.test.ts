import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeFifo, releaseFifos } from '../../../../test/helpers/hostile-files.js';
import {
  CoreError,
  openRegularFile,
  readRegularFile,
  readRegularFileText,
  readRegularFileTextSync,
} from '../index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'regular-file-'));
});
afterEach(() => releaseFifos());
afterAll(() => rm(dir, { recursive: true, force: true }));

async function failure(p: Promise<unknown>): Promise<CoreError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CoreError);
  return err as CoreError;
}

const MiB = 1024 * 1024;

describe('readRegularFile', () => {
  it('reads a regular file whole, through a symlink too', async () => {
    await writeFile(join(dir, 'plain.json'), '{"a":1}\n');
    await symlink(join(dir, 'plain.json'), join(dir, 'link.json'));
    expect(await readRegularFileText(join(dir, 'plain.json'), { maxBytes: 8 })).toBe('{"a":1}\n');
    expect(await readRegularFile(join(dir, 'link.json'), { maxBytes: MiB })).toEqual(
      Buffer.from('{"a":1}\n'),
    );
    await writeFile(join(dir, 'empty'), '');
    expect(await readRegularFile(join(dir, 'empty'), { maxBytes: 0 })).toEqual(Buffer.alloc(0));
  });

  it('refuses a FIFO at once, without waiting for a writer', { timeout: 5000 }, async () => {
    const fifo = makeFifo(join(dir, 'pipe.json'));
    const err = await failure(readRegularFile(fifo, { maxBytes: MiB }));
    expect(err.code).toBe('NOT_REGULAR_FILE');
    expect(err.message).toBe(`${fifo}: is a named pipe (FIFO), not a regular file`);
    // Opening is what blocked: openRegularFile alone refuses it just as fast.
    expect((await failure(openRegularFile(fifo))).code).toBe('NOT_REGULAR_FILE');
  });

  it('refuses a symlink to /dev/zero without reading a byte of it', async () => {
    await symlink('/dev/zero', join(dir, 'zero.json'));
    const err = await failure(readRegularFile(join(dir, 'zero.json'), { maxBytes: MiB }));
    expect(err.code).toBe('NOT_REGULAR_FILE');
    expect(err.message).toBe(
      `${join(dir, 'zero.json')}: is a character device, not a regular file`,
    );
  });

  it('refuses a directory and a Unix socket, naming them', async () => {
    await mkdir(join(dir, 'folder.json'));
    const folder = await failure(readRegularFile(join(dir, 'folder.json'), { maxBytes: MiB }));
    expect(folder.code).toBe('NOT_REGULAR_FILE');
    expect(folder.message).toContain('folder.json: is a directory');

    const path = join(dir, 'socket.json');
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const socket = await failure(readRegularFile(path, { maxBytes: MiB }));
      expect(socket.code).toBe('NOT_REGULAR_FILE');
      expect(socket.message).toContain('socket.json: is a socket');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses a file larger than the limit before reading it', async () => {
    const big = join(dir, 'big.jsonl');
    await writeFile(big, '');
    await truncate(big, 64 * MiB + 1); // sparse: no disk used
    const err = await failure(readRegularFile(big, { maxBytes: 64 * MiB, what: 'a bundle' }));
    expect(err.code).toBe('FILE_TOO_LARGE');
    expect(err.message).toBe(
      `${big}: ${64 * MiB + 1} bytes, more than the 64 MiB allowed for a bundle`,
    );
  });

  it.skipIf(!existsSync('/proc/self/status'))(
    'caps a file while reading it, whatever its size said',
    async () => {
      // Files under /proc say they are 0 bytes and then give more: a file that grows.
      const status = await readRegularFileText('/proc/self/status', { maxBytes: MiB });
      expect(status).toContain('Pid:');
      const err = await failure(readRegularFile('/proc/self/status', { maxBytes: 16 }));
      expect(err.code).toBe('FILE_TOO_LARGE');
      expect(err.message).toBe(
        '/proc/self/status: grew while being read, past the 16 bytes allowed for this file',
      );
    },
  );

  it('names a missing file', async () => {
    const err = await failure(readRegularFile(join(dir, 'missing'), { maxBytes: 1 }));
    expect(err.code).toBe('FILE_NOT_FOUND');
    expect(err.message).toBe(`${join(dir, 'missing')}: no such file or directory`);
  });
});

describe('readRegularFileTextSync', () => {
  const syncFailure = (f: () => unknown): CoreError => {
    try {
      f();
    } catch (err) {
      expect(err).toBeInstanceOf(CoreError);
      return err as CoreError;
    }
    throw new Error('no error');
  };

  it('reads what readRegularFileText reads, and refuses what it refuses, with the same errors', async () => {
    await writeFile(join(dir, 'sync.txt'), 'name = "x"\n');
    expect(readRegularFileTextSync(join(dir, 'sync.txt'), { maxBytes: 64 })).toBe('name = "x"\n');
    const big = join(dir, 'sync-big.lock');
    await writeFile(big, '');
    await truncate(big, 2 * MiB);
    await symlink('/dev/zero', join(dir, 'sync-zero.lock'));
    const cases = [
      makeFifo(join(dir, 'Cargo.lock')),
      join(dir, 'sync-zero.lock'),
      big,
      join(dir, 'sync-missing.lock'),
      ...(existsSync('/proc/self/status') ? ['/proc/self/status'] : []),
    ];
    for (const path of cases) {
      const options = { maxBytes: MiB, what: 'a lockfile' };
      const expected = await failure(
        readRegularFileText(path, path.startsWith('/proc') ? { maxBytes: 16 } : options),
      );
      const got = syncFailure(() =>
        readRegularFileTextSync(path, path.startsWith('/proc') ? { maxBytes: 16 } : options),
      );
      expect([got.code, got.message]).toEqual([expected.code, expected.message]);
    }
  });
});
