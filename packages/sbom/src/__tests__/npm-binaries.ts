/**
 * Real binaries built by others, from npm platform packages: fetched by exact version with the
 * npm client, checked against the sha512 pinned here (the registry's `dist.integrity` when the
 * test was written) before any use, cached under ~/.cache/build-artifact/test-binaries. Never
 * committed.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PinnedPackage {
  name: string;
  version: string;
  /** `sha512-<base64>`, as npm's `dist.integrity` writes it. */
  integrity: string;
}

const cacheRoot = () =>
  process.env.BUILD_ARTIFACT_TEST_BINARIES ??
  join(homedir(), '.cache', 'build-artifact', 'test-binaries');

const integrityOf = (b: Buffer) => `sha512-${createHash('sha512').update(b).digest('base64')}`;

/** The package's tarball, downloaded once and checked against its pinned sha512 every time. */
export async function npmTarball(pkg: PinnedPackage): Promise<string> {
  const dir = cacheRoot();
  const file = join(dir, `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`);
  if (!existsSync(file)) {
    await mkdir(dir, { recursive: true });
    const scratch = await mkdtemp(join(dir, '.pack-'));
    try {
      await run('npm', ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', scratch], {
        cwd: scratch,
        timeout: 300_000,
      });
      const [packed] = (await readdir(scratch)).filter((f) => f.endsWith('.tgz'));
      if (!packed) throw new Error(`npm pack ${pkg.name}@${pkg.version} wrote no tarball`);
      await rename(join(scratch, packed), file);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
  const got = integrityOf(await readFile(file));
  if (got !== pkg.integrity) {
    await rm(file, { force: true });
    throw new Error(`${pkg.name}@${pkg.version}: tarball is ${got}, pinned ${pkg.integrity}`);
  }
  return file;
}

/** One file of the package (`package/bin/esbuild`), extracted into a new folder under `dir`. */
export async function npmPackageFile(
  pkg: PinnedPackage,
  path: string,
  dir: string,
): Promise<string> {
  const tgz = await npmTarball(pkg);
  const out = await mkdtemp(join(dir, 'npm-'));
  await run('tar', ['-xzf', tgz, '-C', out, path]);
  return join(out, path);
}
