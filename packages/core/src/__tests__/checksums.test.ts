import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChecksumLine, parseChecksumFile } from '../index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'core-sums-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('checksum files', () => {
  it('formats names exactly as GNU sha256sum does, escapes included', async () => {
    for (const name of ['plain', 'with space', 'back\\slash', 'new\nline']) {
      const path = join(dir, name);
      await writeFile(path, name);
      const gnu = execFileSync('sha256sum', [path], { encoding: 'utf8' });
      const hex = gnu.replace(/^\\/, '').slice(0, 64);
      expect(`${formatChecksumLine(hex, path)}\n`).toBe(gnu);
    }
  });

  it('parses GNU text and binary markers and BSD tags', () => {
    const hex = 'a'.repeat(64);
    const entries = parseChecksumFile(
      `${hex}  a.txt\n${hex} *b.bin\nSHA512 (c) = ${'b'.repeat(128)}\n\\${hex}  d\\nе\n`,
    );
    expect(entries).toEqual([
      { algorithm: 'sha256', hex, path: 'a.txt' },
      { algorithm: 'sha256', hex, path: 'b.bin', binary: true },
      { algorithm: 'sha512', hex: 'b'.repeat(128), path: 'c' },
      { algorithm: 'sha256', hex, path: 'd\nе' },
    ]);
  });

  it('names the file and line of a bad entry', () => {
    expect(() => parseChecksumFile(`${'a'.repeat(64)}  ok\nnot a line\n`, 'SHA256SUMS')).toThrow(
      /^SHA256SUMS:2: /,
    );
    expect(() => parseChecksumFile(`${'a'.repeat(40)}  sha1\n`, 'S')).toThrow(
      /S:1: .*neither sha256 nor sha512/,
    );
  });

  it('round-trips any name (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => !s.startsWith(' ') && !s.startsWith('*')),
        fc.constantFrom('a', 'f'),
        (name, c) => {
          const hex = c.repeat(64);
          const [entry] = parseChecksumFile(formatChecksumLine(hex, name));
          expect(entry?.path).toBe(name);
        },
      ),
    );
  });

  it('never throws anything but a typed error on garbage (fuzz)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parseChecksumFile(text);
        } catch (err) {
          expect((err as { code?: string }).code).toBe('INVALID_CHECKSUM_FILE');
        }
      }),
    );
  });
});
