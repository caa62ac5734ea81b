import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runAction } from './runner.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('actions/hash (its bundled entry under node, as the runner runs it)', () => {
  let dir: string;
  let files: string;
  // Two build legs, as the build job's outputs carry them.
  let leg0: string;
  let leg1: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hash-action-'));
    files = path.join(dir, 'subjects');
    await mkdir(files);
    await writeFile(path.join(files, 'wash-x86_64-unknown-linux-gnu'), 'linux binary');
    await writeFile(path.join(files, 'wash-x86_64-pc-windows-msvc.exe'), 'windows binary');
    leg0 = `${sha256('linux binary')}  wash-x86_64-unknown-linux-gnu\n`;
    leg1 = `${sha256('windows binary')}  wash-x86_64-pc-windows-msvc.exe\n`;
  });

  it('accepts the downloads when every digest matches, and writes SHA256SUMS', async () => {
    const run = await runAction('hash', {
      inputs: { directory: files, 'expected-base64': `${b64(leg0)}  ${b64(leg1)}          ` },
    });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    const sorted = [leg1, leg0].join('');
    expect(run.outputs.digests).toBe(sorted);
    expect(run.outputs.count).toBe('2');
    expect(run.outputs['checksums-file']).toBe(path.join(dir, 'SHA256SUMS'));
    expect(await readFile(path.join(dir, 'SHA256SUMS'), 'utf8')).toBe(sorted);
    expect(run.summary).toContain('| `wash-x86_64-unknown-linux-gnu` |');
    expect(run.stdout).toContain('::group::Re-hashing');
  });

  it('fails when a downloaded file differs from what the build job hashed', async () => {
    await writeFile(path.join(files, 'wash-x86_64-unknown-linux-gnu'), 'tampered');
    const run = await runAction('hash', {
      inputs: { directory: files, 'expected-base64': `${b64(leg0)} ${b64(leg1)}` },
    });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toMatch(
      /wash-x86_64-unknown-linux-gnu: sha256 [0-9a-f]{64} differs from the build job's/,
    );
    expect(run.outputs.digests).toBeUndefined();
  });

  it('fails on a file the build job never hashed', async () => {
    await writeFile(path.join(files, 'extra.sh'), 'echo pwned');
    const run = await runAction('hash', {
      inputs: { directory: files, 'expected-base64': `${b64(leg0)} ${b64(leg1)}` },
    });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain('extra.sh was not hashed by the build job');
  });

  it('fails when a hashed file was not downloaded (a missing leg)', async () => {
    const run = await runAction('hash', {
      inputs: {
        directory: files,
        expected: `${leg0}${leg1}${sha256('mac')}  wash-aarch64-apple-darwin\n`,
      },
    });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain(
      'wash-aarch64-apple-darwin hashed by the build job but not downloaded',
    );
  });

  it('fails with a clear message without expected digests', async () => {
    const run = await runAction('hash', { inputs: { directory: files } });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual(['give the expected digests in expected-base64 or expected']);
  });

  it('rejects a name that would leave the directory', async () => {
    const run = await runAction('hash', {
      inputs: { directory: files, expected: `${sha256('x')}  ../x\n` },
    });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain('../x: expected a plain file name');
  });
});
