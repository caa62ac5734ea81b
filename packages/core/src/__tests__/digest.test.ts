import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFifo, releaseFifos } from '../../../../test/helpers/hostile-files.js';
import { digestBytes, digestFile, formatDigest, parseDigest } from '../index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'core-digest-'));
});
afterAll(async () => {
  releaseFifos();
  await rm(dir, { recursive: true, force: true });
});

const coreutils = (tool: string, path: string) =>
  execFileSync(tool, [path], { encoding: 'utf8' }).split(' ')[0];

describe('digestFile', () => {
  it('matches the known digests of the empty input', async () => {
    const empty = join(dir, 'empty');
    await writeFile(empty, '');
    const d = await digestFile(empty, ['sha256', 'sha512']);
    expect(d.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(d.sha512).toBe(coreutils('sha512sum', empty));
  });

  it('agrees with sha256sum and sha512sum across chunk boundaries', async () => {
    // 1 MiB chunks: sizes around one and two chunks exercise the double buffering.
    const MiB = 1024 * 1024;
    for (const size of [1, MiB - 1, MiB, 2 * MiB + 3, 8 * MiB + 3]) {
      const path = join(dir, `f-${size}`);
      const data = Buffer.alloc(size);
      for (let i = 0; i < size; i += 4096) data[i] = (i / 4096) & 0xff;
      await writeFile(path, data);
      const d = await digestFile(path, ['sha256', 'sha512']);
      expect(d.sha256, `size ${size}`).toBe(coreutils('sha256sum', path));
      expect(d.sha512, `size ${size}`).toBe(coreutils('sha512sum', path));
    }
  });

  it('streams a sparse multi-GiB file without reading it into memory', async () => {
    const path = join(dir, 'sparse');
    await writeFile(path, '');
    await truncate(path, 2 * 1024 * 1024 * 1024 + 17);
    const before = process.memoryUsage().rss;
    const d = await digestFile(path);
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
    // openssl (SHA-NI) is the quicker reference for 2 GiB; past 2^31 bytes offsets overflow int32.
    const reference = execFileSync('openssl', ['dgst', '-sha256', '-r', path], {
      encoding: 'utf8',
    }).split(' ')[0];
    expect(d.sha256).toBe(reference);
  }, 120_000);

  it('names the file when it is missing', async () => {
    await expect(digestFile(join(dir, 'nope'))).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
      message: expect.stringContaining('nope'),
    });
  });

  it('refuses a directory and a FIFO with NOT_REGULAR_FILE, without waiting for a writer', async () => {
    await expect(digestFile(dir)).rejects.toMatchObject({ code: 'NOT_REGULAR_FILE' });
    const fifo = makeFifo(join(dir, 'fifo'));
    await expect(digestFile(fifo)).rejects.toMatchObject({
      code: 'NOT_REGULAR_FILE',
      message: expect.stringContaining(fifo),
    });
  });
});

describe('digest strings', () => {
  it('round-trips sha256:<hex>', () => {
    const hex = digestBytes('x');
    expect(parseDigest(formatDigest('sha256', hex))).toEqual({ algorithm: 'sha256', hex });
  });
  it('rejects a wrong length or algorithm', () => {
    expect(() => parseDigest('sha256:abcd')).toThrow(/not a sha256/);
    expect(() => parseDigest(`md5:${'a'.repeat(32)}`)).toThrow();
  });
});
