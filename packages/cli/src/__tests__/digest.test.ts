import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attestBin } from '../../../../test/helpers/attest-cli.js';
import { main } from '../index.js';
import { captureIO } from './io.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-digest-'));
  await mkdir(join(dir, 'tree', 'b dir'), { recursive: true });
  await writeFile(join(dir, 'tree', 'empty'), '');
  await writeFile(join(dir, 'tree', 'b dir', 'file with spaces.txt'), 'spaces');
  await writeFile(join(dir, 'tree', 'Z'), 'z');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('attest digest', () => {
  it('prints exactly what sha256sum prints for files, spaces and an empty file', async () => {
    const files = [
      join(dir, 'tree', 'empty'),
      join(dir, 'tree', 'b dir', 'file with spaces.txt'),
      join(dir, 'tree', 'Z'),
    ];
    const io = captureIO();
    expect(await main(['digest', ...files], io)).toBe(0);
    expect(io.out()).toBe(execFileSync('sha256sum', files, { encoding: 'utf8' }));
  });

  it('recurses directories in byte order, like find | sort', async () => {
    const io = captureIO();
    expect(await main(['digest', '-a', 'sha512', join(dir, 'tree')], io)).toBe(0);
    const expected = execFileSync(
      'sh',
      [
        '-c',
        `find "${join(dir, 'tree')}" -type f | LC_ALL=C sort | tr '\\n' '\\0' | xargs -0 sha512sum`,
      ],
      { encoding: 'utf8' },
    );
    expect(io.out()).toBe(expected);
  });

  it('exits 2 naming a missing file, with no stack trace', async () => {
    const io = captureIO();
    expect(await main(['digest', join(dir, 'missing.bin')], io)).toBe(2);
    expect(io.err()).toContain('missing.bin: no such file or directory');
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on an unknown algorithm or flag', async () => {
    expect(await main(['digest', '-a', 'md5', dir], captureIO())).toBe(2);
    expect(await main(['digest', '--bogus', dir], captureIO())).toBe(2);
  });

  it('runs as the installed `attest` binary', () => {
    const file = join(dir, 'tree', 'Z');
    const r = spawnSync(process.execPath, [attestBin, 'digest', file], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(execFileSync('sha256sum', [file], { encoding: 'utf8' }));
  });
});

describe('attest', () => {
  it('prints help and version on stdout with exit 0', async () => {
    const io = captureIO();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out()).toContain('digest');
    const v = captureIO();
    expect(await main(['--version'], v)).toBe(0);
    expect(v.out()).toMatch(/^@build-artifact\/cli \d+\.\d+\.\d+\n$/);
  });

  it('exits 2 for an unknown command', async () => {
    const io = captureIO();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err()).toContain('unknown command');
  });
});
