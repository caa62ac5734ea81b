import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryFromLockfile, type SbomError } from '../index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inventory-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as SbomError,
  );

describe('inventoryFromLockfile', () => {
  it('refuses a lockfile over 256 MiB before reading it, naming it', async () => {
    const lock = join(dir, 'big', 'Cargo.lock');
    await mkdir(join(dir, 'big'));
    await writeFile(lock, '');
    await truncate(lock, 256 * 1024 * 1024 + 1); // sparse: no disk used
    const err = await failure(inventoryFromLockfile(lock));
    expect([err?.code, err?.message]).toEqual([
      'LIMIT_EXCEEDED',
      `${lock}: larger than the 256 MiB a lockfile may be`,
    ]);
  });
});
