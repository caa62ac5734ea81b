import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreError, MAX_JSON_DEPTH } from '@build-artifact/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleWithPayload,
  deepStatement,
  makeFifo,
  releaseFifos,
} from '../../../../test/helpers/hostile-files.js';
import {
  attachBundle,
  fetchEvidence,
  MAX_LAYOUT_INDEX_BYTES,
  MAX_MANIFEST_BYTES,
  OciLayout,
  type PushedArtifact,
  pushArtifact,
  pushFile,
} from './exports.js';
import { failure } from './failure.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-layout-'));
});
afterEach(() => releaseFifos());
afterAll(() => rm(dir, { recursive: true, force: true }));

const MiB = 1024 * 1024;
const sha256 = (data: string | Uint8Array) =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`;
const blobPath = (layout: string, digest: string) =>
  join(layout, 'blobs', 'sha256', digest.slice('sha256:'.length));

/** A layout holding one file tagged v1, and (optionally) a bundle attached to it. */
async function layoutWithArtifact(
  name: string,
  bundle?: string,
): Promise<{ layout: string; pushed: PushedArtifact }> {
  const layout = join(dir, name);
  const file = join(dir, `${name}.bin`);
  await writeFile(file, `the artifact of ${name}`);
  const pushed = await pushFile(new OciLayout(layout), file, { tag: 'v1' });
  if (bundle !== undefined) await attachBundle(pushed, bundle);
  return { layout, pushed };
}

/** The CoreError a promise rejects with. */
async function coreFailure(p: Promise<unknown>): Promise<CoreError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CoreError);
  return err as CoreError;
}

describe('an OCI layout whose files are not regular files', () => {
  it('refuses a FIFO as index.json at once, naming it', { timeout: 5000 }, async () => {
    const { layout } = await layoutWithArtifact('fifo-index');
    await rm(join(layout, 'index.json'));
    const index = makeFifo(join(layout, 'index.json'));
    const message = `${index}: is a named pipe (FIFO), not a regular file`;
    const err = await coreFailure(new OciLayout(layout).fetchManifest('v1'));
    expect(err).toMatchObject({ code: 'NOT_REGULAR_FILE', message });
    await expect(
      fetchEvidence(`oci-layout:${layout}:v1`, { directory: join(dir, 'fifo-index-out') }),
    ).rejects.toMatchObject({ code: 'NOT_REGULAR_FILE', message });
  });

  it('refuses a FIFO as a manifest blob, naming it', { timeout: 5000 }, async () => {
    const { layout, pushed } = await layoutWithArtifact('fifo-manifest');
    const path = blobPath(layout, pushed.descriptor.digest);
    await rm(path);
    makeFifo(path);
    const err = await coreFailure(new OciLayout(layout).fetchManifest('v1'));
    expect(err).toMatchObject({
      code: 'NOT_REGULAR_FILE',
      message: `${path}: is a named pipe (FIFO), not a regular file`,
    });
  });

  it('refuses a FIFO as a bundle referrer, naming it', { timeout: 5000 }, async () => {
    const bundle = bundleWithPayload(deepStatement('e'.repeat(64), 2));
    const { layout } = await layoutWithArtifact('fifo-bundle', bundle);
    const path = blobPath(layout, sha256(bundle));
    await rm(path);
    makeFifo(path);
    const err = await coreFailure(
      fetchEvidence(`oci-layout:${layout}:v1`, { directory: join(dir, 'fifo-bundle-out') }),
    );
    expect(err).toMatchObject({ code: 'NOT_REGULAR_FILE' });
    expect(err.message).toContain(path);
  });

  it('refuses a FIFO as the layer to copy, and writes nothing', { timeout: 5000 }, async () => {
    const { layout, pushed } = await layoutWithArtifact('fifo-layer');
    const path = blobPath(layout, pushed.layer!.digest);
    await rm(path);
    makeFifo(path);
    const out = join(dir, 'fifo-layer-copy');
    const err = await coreFailure(new OciLayout(layout).fetchBlobToFile(pushed.layer!, out));
    expect(err).toMatchObject({
      code: 'NOT_REGULAR_FILE',
      message: `${path}: is a named pipe (FIFO), not a regular file`,
    });
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a FIFO or a directory given to push, naming what it is', {
    timeout: 5000,
  }, async () => {
    const layout = new OciLayout(join(dir, 'push-fifo'));
    const fifo = makeFifo(join(dir, 'tool.wasm'));
    for (const push of [pushArtifact, pushFile])
      expect(await coreFailure(push(layout, fifo))).toMatchObject({
        code: 'NOT_REGULAR_FILE',
        message: `${fifo}: is a named pipe (FIFO), not a regular file`,
      });
    expect((await coreFailure(pushFile(layout, dir))).message).toBe(
      `${dir}: is a directory, not a regular file`,
    );
  });

  // A blob linked to /dev/zero is refused the same way: that case runs in the CLI's hostile-input
  // test, in a child process with a memory ceiling, where a regression cannot take gigabytes.
});

describe('an OCI layout whose files are larger than they may be', () => {
  it('stops copying a layer at its descriptor size, and leaves no file behind', async () => {
    const { layout, pushed } = await layoutWithArtifact('big-layer');
    const path = blobPath(layout, pushed.layer!.digest);
    await truncate(path, 16 * MiB); // sparse: no disk used, and no reading needed to refuse it
    const out = join(dir, 'big-layer-out');
    const err = await failure(new OciLayout(layout).fetchBlobToFile(pushed.layer!, out));
    expect(err.code).toBe('DIGEST_MISMATCH');
    expect(err.message).toBe(
      `${path}: content does not match ${pushed.layer!.digest} (${pushed.layer!.size} bytes): the file is ${16 * MiB} bytes`,
    );
    expect((await readdir(dir)).filter((f) => f.startsWith('.big-layer-out'))).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it.skipIf(!existsSync('/proc/self/status'))(
    'stops at the descriptor size a blob that grows while it is read',
    async () => {
      // /proc files say they are 0 bytes, then give more: the blob of the empty digest here.
      const { layout } = await layoutWithArtifact('growing');
      const empty = { mediaType: 'application/octet-stream', digest: sha256(''), size: 0 };
      await symlink('/proc/self/status', blobPath(layout, empty.digest));
      const target = new OciLayout(layout);
      const copy = await failure(target.fetchBlobToFile(empty, join(dir, 'growing-out')));
      expect(copy.code).toBe('DIGEST_MISMATCH');
      expect(copy.message).toContain('the file grew while being read');
      const bytes = await failure(target.fetchBlobBytes(empty));
      expect(bytes.code).toBe('DIGEST_MISMATCH');
      expect(bytes.message).toBe(
        `${blobPath(layout, empty.digest)}: larger than the 0 bytes its descriptor gives`,
      );
    },
  );

  it('refuses a manifest over MAX_MANIFEST_BYTES and an index.json over its limit', async () => {
    const { layout, pushed } = await layoutWithArtifact('big-manifest');
    const path = blobPath(layout, pushed.descriptor.digest);
    await truncate(path, MAX_MANIFEST_BYTES + 1);
    const manifest = await failure(new OciLayout(layout).fetchManifest('v1'));
    expect(manifest.code).toBe('TOO_LARGE');
    expect(manifest.message).toBe(
      `${path}: ${MAX_MANIFEST_BYTES + 1} bytes, more than the 4 MiB allowed for a manifest`,
    );
    await truncate(join(layout, 'index.json'), MAX_LAYOUT_INDEX_BYTES + 1);
    const index = await coreFailure(new OciLayout(layout).fetchManifest('v1'));
    expect(index.code).toBe('FILE_TOO_LARGE');
    expect(index.message).toContain(`${join(layout, 'index.json')}: `);
  });
});

describe('an OCI layout with hostile JSON', () => {
  it('refuses an index.json whose entries are not descriptors, instead of crashing', async () => {
    const { layout } = await layoutWithArtifact('null-entry');
    await writeFile(join(layout, 'index.json'), '{"schemaVersion":2,"manifests":[null]}');
    const err = await failure(new OciLayout(layout).fetchManifest('v1'));
    expect(err.code).toBe('LAYOUT');
    expect(err.message).toBe(
      `${join(layout, 'index.json')}: not an OCI index (manifests[0] is not a descriptor with a digest)`,
    );
  });

  it('refuses a bundle referrer whose statement nests 100,000 deep', async () => {
    const bundle = bundleWithPayload(deepStatement('f'.repeat(64), 100_000));
    const { layout } = await layoutWithArtifact('deep-bundle', bundle);
    const err = await failure(
      fetchEvidence(`oci-layout:${layout}:v1`, { directory: join(dir, 'deep-bundle-out') }),
    );
    expect(err.code).toBe('INVALID_MANIFEST');
    expect(err.message).toMatch(
      new RegExp(
        `^oci-layout:${layout}@sha256:[0-9a-f]{64}: the DSSE payload nests deeper than ${MAX_JSON_DEPTH} levels$`,
      ),
    );
  });
});
