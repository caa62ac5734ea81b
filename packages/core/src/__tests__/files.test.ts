import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreError, walkDirectory } from '../index.js';

describe('walkDirectory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'walk-'));
    await mkdir(join(dir, 'b', 'node_modules'), { recursive: true });
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(join(dir, 'a.lock'), '');
    await writeFile(join(dir, 'B.txt'), '');
    await writeFile(join(dir, 'b', 'c.lock'), '');
    await writeFile(join(dir, 'b', 'node_modules', 'd.lock'), '');
    await writeFile(join(dir, 'elsewhere', 'e.lock'), '');
    await symlink(join(dir, 'a.lock'), join(dir, 'link-to-file.lock'));
    await symlink(join(dir, 'elsewhere'), join(dir, 'link-to-dir'));
    await symlink(join(dir, 'missing'), join(dir, 'dangling.lock'));
    await symlink(join(dir, 'loop.lock'), join(dir, 'loop.lock'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lists files in byte order, follows links, skips dangling and looping ones and skipped folders', async () => {
    const rel = (files: string[]) => files.map((f) => f.slice(dir.length + 1));
    expect(rel(await walkDirectory(dir, new Set(['node_modules'])))).toEqual([
      'B.txt',
      'a.lock',
      'b/c.lock',
      'elsewhere/e.lock',
      'link-to-dir/e.lock',
      'link-to-file.lock',
    ]);
    const locks = await walkDirectory(dir, new Set(), (name) => name.endsWith('.lock'));
    expect(rel(locks)).toEqual([
      'a.lock',
      'b/c.lock',
      'b/node_modules/d.lock',
      'elsewhere/e.lock',
      'link-to-dir/e.lock',
      'link-to-file.lock',
    ]);
  });

  it('names the folder it cannot read', async () => {
    const missing = join(dir, 'nope');
    const err = await walkDirectory(missing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreError);
    expect((err as Error).message).toContain(missing);
  });
});
