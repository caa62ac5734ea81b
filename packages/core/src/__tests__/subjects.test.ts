import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeFifo, releaseFifos } from '../../../../test/helpers/hostile-files.js';
import {
  buildStatement,
  collectArtifacts,
  digestBytes,
  mapConcurrent,
  parseStatement,
  preAuthEncoding,
  subjectsFromChecksumFile,
  subjectsFromPaths,
} from '../index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'core-subjects-'));
  await mkdir(join(dir, 'out', 'sub'), { recursive: true });
  await writeFile(join(dir, 'out', 'b.bin'), 'b');
  await writeFile(join(dir, 'out', 'a.bin'), 'a');
  await writeFile(join(dir, 'out', 'sub', 'c.txt'), 'c');
});
afterEach(() => releaseFifos());
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('subjects', () => {
  it('names files in a directory by their path below it, sorted', async () => {
    const subjects = await subjectsFromPaths([join(dir, 'out')]);
    expect(subjects.map((s) => s.name)).toEqual(['a.bin', 'b.bin', 'sub/c.txt']);
    expect(subjects[0]!.digest.sha256).toBe(digestBytes('a'));
  });

  it('expands globs and hashes with sha512 too', async () => {
    const subjects = await subjectsFromPaths([join(dir, 'out', '*.bin')], {
      algorithms: ['sha256', 'sha512'],
    });
    expect(subjects.map((s) => s.name)).toEqual(['a.bin', 'b.bin']);
    expect(subjects[1]!.digest.sha512).toBe(digestBytes('b', 'sha512'));
  });

  it('refuses more than the limit and a glob that matches nothing', async () => {
    await expect(subjectsFromPaths([join(dir, 'out')], { limit: 2 })).rejects.toMatchObject({
      code: 'TOO_MANY_SUBJECTS',
    });
    await expect(subjectsFromPaths([join(dir, '*.none')])).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
    });
  });

  it('reads subjects from a checksums file', async () => {
    const sums = join(dir, 'SHA256SUMS');
    await writeFile(sums, `${digestBytes('a')}  a.bin\n${digestBytes('b')} *b.bin\n`);
    expect(await subjectsFromChecksumFile(sums)).toEqual([
      { name: 'a.bin', digest: { sha256: digestBytes('a') } },
      { name: 'b.bin', digest: { sha256: digestBytes('b') } },
    ]);
  });

  it('refuses a checksums file that is a FIFO, without waiting on it', {
    timeout: 5000,
  }, async () => {
    const fifo = makeFifo(join(dir, 'SUMS.fifo'));
    await expect(subjectsFromChecksumFile(fifo)).rejects.toMatchObject({
      code: 'NOT_REGULAR_FILE',
      message: `${fifo}: is a named pipe (FIFO), not a regular file`,
    });
  });
});

describe('collectArtifacts', () => {
  it('a flat directory: its regular files, sorted, each hashed once', async () => {
    const got = await collectArtifacts({ directory: join(dir, 'out') });
    expect(got).toEqual([
      { name: 'a.bin', path: join(dir, 'out', 'a.bin'), digest: { sha256: digestBytes('a') } },
      { name: 'b.bin', path: join(dir, 'out', 'b.bin'), digest: { sha256: digestBytes('b') } },
    ]);
  });

  it('a checked checksums file: the files it lists, hashed again and compared', async () => {
    const sums = join(dir, 'CHECKED.sums');
    await writeFile(sums, `${digestBytes('a')}  a.bin\n`);
    const source = { directory: join(dir, 'out'), checksums: sums };
    expect(await collectArtifacts(source, { algorithms: ['sha512'] })).toEqual([
      {
        name: 'a.bin',
        path: join(dir, 'out', 'a.bin'),
        digest: { sha512: digestBytes('a', 'sha512') },
      },
    ]);
    // The file changed between the check and this use.
    await writeFile(sums, `${digestBytes('x')}  a.bin\n`);
    await expect(collectArtifacts(source)).rejects.toMatchObject({
      code: 'DIGEST_MISMATCH',
      message: `${join(dir, 'out', 'a.bin')}: sha256 ${digestBytes('a')} differs from ${sums}'s ${digestBytes('x')}`,
    });
  });

  it('refuses a checksums file naming a path, or without its directory, naming it', async () => {
    const sums = join(dir, 'ESCAPE.sums');
    await writeFile(sums, `${digestBytes('c')}  sub/c.txt\n`);
    await expect(
      collectArtifacts({ directory: join(dir, 'out'), checksums: sums }),
    ).rejects.toMatchObject({
      code: 'INVALID_CHECKSUM_FILE',
      message: `${sums}: sub/c.txt is not a plain file name`,
    });
    await expect(collectArtifacts({ checksums: sums })).rejects.toMatchObject({
      code: 'INVALID_CHECKSUM_FILE',
      message: `${sums}: a checksums file needs the directory it lists`,
    });
  });

  it('counts the entries of a checksums file before hashing any', async () => {
    const sums = join(dir, 'MANY.sums');
    const lines = Array.from({ length: 5 }, (_, i) => `${digestBytes('a')}  missing-${i}\n`);
    await writeFile(sums, lines.join(''));
    await expect(
      collectArtifacts({ directory: join(dir, 'out'), checksums: sums }, { limit: 4 }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_SUBJECTS' });
  });

  it('names where it found nothing', async () => {
    await mkdir(join(dir, 'empty'));
    await expect(collectArtifacts({ directory: join(dir, 'empty') })).rejects.toMatchObject({
      code: 'NO_SUBJECTS',
      message: `${join(dir, 'empty')}: no regular file in it: no artifacts to attest`,
    });
    await expect(collectArtifacts({ paths: [join(dir, 'empty')] })).rejects.toMatchObject({
      code: 'NO_SUBJECTS',
      message: `no files in ${join(dir, 'empty')}: no artifacts to attest`,
    });
  });

  it('adds the subjects of a digests file to the paths found', async () => {
    const sums = join(dir, 'DIGESTS.sums');
    await writeFile(sums, `${digestBytes('elsewhere')}  remote.bin\n`);
    const got = await collectArtifacts({ paths: [join(dir, 'out', 'a.bin')], digests: sums });
    expect(got.map((a) => [a.name, a.path !== undefined])).toEqual([
      ['a.bin', true],
      ['remote.bin', false],
    ]);
  });
});

describe('statements and DSSE', () => {
  it('builds and re-parses a Statement v1', () => {
    const st = buildStatement(
      [{ name: 'x', digest: { sha256: digestBytes('x') } }],
      'https://example.com/p',
      { a: 1 },
    );
    expect(parseStatement(JSON.parse(JSON.stringify(st)))).toEqual(st);
    expect(() => parseStatement({ ...st, subject: [] }, 'st.json')).toThrow(/^st.json: subject/);
  });

  it('encodes PAE as the DSSE spec example does', () => {
    // The worked example of the DSSE protocol document.
    expect(
      preAuthEncoding('http://example.com/HelloWorld', Buffer.from('hello world')).toString(),
    ).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });
});

describe('mapConcurrent', () => {
  it('keeps the order of results, with at most `limit` in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapConcurrent([5, 1, 4, 2, 3], 2, async (n) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it('starts nothing new once an item has failed', async () => {
    const started: number[] = [];
    const run = mapConcurrent([0, 1, 2, 3, 4, 5, 6, 7], 2, async (n) => {
      started.push(n);
      await new Promise((r) => setTimeout(r, 5));
      if (n === 1) throw new Error('item 1 failed');
      return n;
    });
    await expect(run).rejects.toThrow('item 1 failed');
    await new Promise((r) => setTimeout(r, 50));
    // 0 and 1 ran side by side; 2 began as 0 ended, before 1 failed; nothing after.
    expect(started).toEqual([0, 1, 2]);
  });
});
