import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildStatement,
  digestBytes,
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
