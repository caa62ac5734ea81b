import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import {
  type FileHandle,
  link,
  mkdir,
  open,
  readFile,
  realpath,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { digestBytes, fileError, MediaType, writeFileAtomic } from '@build-artifact/core';
import type { Blob } from './blob.js';
import { OciError } from './error.js';
import { checkBytes, MAX_MANIFEST_BYTES } from './registry.js';
import type {
  FetchedManifest,
  PushBlobOptions,
  PushBlobResult,
  PushManifestResult,
  Target,
} from './target.js';
import { Annotation, type Descriptor, type ImageIndex } from './types.js';

const LAYOUT_FILE = JSON.stringify({ imageLayoutVersion: '1.0.0' });
const EMPTY_INDEX = `${JSON.stringify({ schemaVersion: 2, mediaType: MediaType.OCI_INDEX, manifests: [] })}\n`;

/** Beside index.json: held by the one writer, of any process, updating index.json. */
const INDEX_LOCK = 'index.json.lock';
/** How long a writer waits for the lock before giving up. Longer than LOCK_STALE_MS, so a
 * lock whose owner cannot be checked (another host or container) is reclaimed, not waited out. */
const LOCK_WAIT_MS = 90_000;
/** A lock is held for one read and one write of index.json (milliseconds): one this old was
 * left behind, whatever its pid says (the pid may have been reused). */
const LOCK_STALE_MS = 60_000;
const LOCK_BACKOFF_MAX_MS = 100;
/** Errors of `link` on file systems without hard links. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * The tail of each layout directory's queue of index.json updates in this process, by real
 * path: every OciLayout on one directory waits in the same queue, so updates within a process
 * do not poll the lock file against each other.
 */
const queues = new Map<string, Promise<void>>();

async function inQueue<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((r) => {
    done = r;
  });
  const tail = previous.then(() => mine);
  queues.set(key, tail);
  try {
    await previous;
    return await fn();
  } finally {
    done();
    if (queues.get(key) === tail) queues.delete(key);
  }
}

function errnoCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Creates `path` with `data` unless it exists, never overwriting it. The data goes to a
 * temporary file first, which is hard-linked into place: `link` fails if the name is taken, like
 * `open(..., 'wx')`, and a reader never sees the file empty.
 */
async function createExclusive(path: string, data: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    try {
      await link(tmp, path);
    } catch (err) {
      if (errnoCode(err) === 'EEXIST') return;
      if (!NO_HARD_LINKS.has(errnoCode(err) ?? '')) throw err;
      // Without hard links an exclusive create still never overwrites; a reader may see the
      // file empty for a moment.
      await writeFile(path, data, { flag: 'wx' }).catch((e: unknown) => {
        if (errnoCode(e) !== 'EEXIST') throw e;
      });
    }
  } catch (err) {
    throw fileError(path, err);
  } finally {
    await rm(tmp, { force: true });
  }
}

interface HeldLock {
  text: string;
  ino: number;
  mtimeMs: number;
}

/** The lock file as it is now, or undefined if there is none. */
async function readLock(path: string): Promise<HeldLock | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return undefined;
    throw fileError(path, err);
  }
  try {
    const { ino, mtimeMs } = await handle.stat();
    return { text: await handle.readFile('utf8'), ino, mtimeMs };
  } catch (err) {
    throw fileError(path, err);
  } finally {
    await handle.close();
  }
}

function lockOwner(text: string): { pid: number; hostname: string } | undefined {
  try {
    const owner = JSON.parse(text) as { pid?: unknown; hostname?: unknown };
    if (Number.isSafeInteger(owner.pid) && (owner.pid as number) > 0) {
      return { pid: owner.pid as number, hostname: String(owner.hostname ?? '') };
    }
  } catch {
    // Empty while its owner is still writing it, or not ours: only its age tells.
  }
  return undefined;
}

function isStale(held: HeldLock): boolean {
  if (Date.now() - held.mtimeMs > LOCK_STALE_MS) return true;
  const owner = lockOwner(held.text);
  // A pid means nothing on another host (or in another container, which has its own hostname).
  if (!owner || owner.hostname !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (err) {
    // EPERM: the process exists, it belongs to someone else.
    return errnoCode(err) === 'ESRCH';
  }
}

/**
 * Removes a stale lock. Two writers may find the same stale lock, and the first may have taken
 * a new one by the time the second removes "the stale one": so the lock is renamed aside first
 * (only one rename of a file succeeds) and put back if it turns out not to be the stale one.
 * Returns whether the lock is gone.
 */
async function reclaim(path: string, held: HeldLock): Promise<boolean> {
  const aside = `${path}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(path, aside);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return true;
    throw fileError(path, err);
  }
  const moved = await readLock(aside);
  if (!moved || (moved.ino === held.ino && moved.text === held.text)) {
    await rm(aside, { force: true });
    return true;
  }
  try {
    await link(aside, path);
  } catch (err) {
    // EEXIST: yet another writer has the lock already; nothing to put back.
    if (errnoCode(err) !== 'EEXIST') await rename(aside, path).catch(() => undefined);
  }
  await rm(aside, { force: true });
  return false;
}

/** Creates the lock file if there is none; whether it did. */
async function tryLock(path: string, text: string): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'wx');
  } catch (err) {
    if (errnoCode(err) === 'EEXIST') return false;
    throw fileError(path, err);
  }
  try {
    await handle.writeFile(text);
    await handle.close();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(path, { force: true });
    throw fileError(path, err);
  }
  return true;
}

/**
 * Runs `fn` holding the layout's lock file, which every writer of index.json takes, whatever
 * process it is in: two `attest push` into one layout (CI matrix jobs) would otherwise each
 * write back the index they read, and one's tag would be lost.
 */
async function withIndexLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const path = join(dir, INDEX_LOCK);
  const mine = JSON.stringify({
    pid: process.pid,
    hostname: hostname(),
    token: randomBytes(8).toString('hex'),
  });
  const deadline = Date.now() + LOCK_WAIT_MS;
  let backoff = 2;
  while (!(await tryLock(path, mine))) {
    const held = await readLock(path);
    const gone = held === undefined || (isStale(held) && (await reclaim(path, held)));
    if (Date.now() >= deadline) {
      const owner = held && lockOwner(held.text);
      throw new OciError({
        code: 'LAYOUT',
        message: `${dir}: index.json stayed locked for ${LOCK_WAIT_MS / 1000}s by ${owner ? `process ${owner.pid} on ${owner.hostname || 'an unknown host'}` : 'another writer'}; if nothing is writing to this layout, remove ${path}`,
      });
    }
    if (!gone) {
      await sleep(backoff * (1 + Math.random()));
      backoff = Math.min(backoff * 2, LOCK_BACKOFF_MAX_MS);
    }
  }
  let result: T;
  try {
    result = await fn();
  } catch (err) {
    await unlock(path, mine).catch(() => undefined);
    throw err;
  }
  await unlock(path, mine);
  return result;
}

/** Removes the lock file if it is still this writer's (a lock taken as stale is not). */
async function unlock(path: string, mine: string): Promise<void> {
  const held = await readLock(path);
  if (held?.text !== mine) return;
  try {
    await rm(path, { force: true });
  } catch (err) {
    throw fileError(path, err);
  }
}

/**
 * An OCI image layout directory (`oci-layout`, `index.json`, `blobs/<alg>/<hex>`), as skopeo,
 * oras and containerd read it. Tags are `org.opencontainers.image.ref.name` annotations in
 * `index.json`; referrers are kept there as untagged entries, as oras does.
 */
export class OciLayout implements Target {
  readonly kind = 'layout' as const;
  readonly dir: string;
  #ready: Promise<void> | undefined;
  #key: Promise<string> | undefined;

  constructor(dir: string) {
    this.dir = dir;
  }

  get display(): string {
    return this.dir;
  }

  #blobPath(digest: string): string {
    const [alg, hex] = digest.split(':');
    if (!alg || !hex || !/^[a-z0-9]+$/.test(alg) || !/^[0-9a-f]+$/.test(hex)) {
      throw new OciError({
        code: 'INVALID_MANIFEST',
        message: `${this.dir}: "${digest}" is not a digest`,
      });
    }
    return join(this.dir, 'blobs', alg, hex);
  }

  /**
   * Creates the directory skeleton on first write. Other writers may be creating it too:
   * `oci-layout` and `index.json` are only created where absent, never written over.
   */
  #ensure(): Promise<void> {
    this.#ready ??= (async () => {
      try {
        await mkdir(join(this.dir, 'blobs', 'sha256'), { recursive: true });
      } catch (err) {
        throw fileError(this.dir, err);
      }
      await createExclusive(join(this.dir, 'oci-layout'), LAYOUT_FILE);
      await createExclusive(join(this.dir, 'index.json'), EMPTY_INDEX);
      // An index.json that was there already is checked before anything is pushed.
      await this.#readIndex();
    })();
    return this.#ready;
  }

  async #readIndex(): Promise<{ index: ImageIndex; exists: boolean }> {
    const path = join(this.dir, 'index.json');
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        return {
          index: { schemaVersion: 2, mediaType: MediaType.OCI_INDEX, manifests: [] },
          exists: false,
        };
      }
      throw fileError(path, err);
    }
    try {
      const index = JSON.parse(text) as ImageIndex;
      if (!Array.isArray(index.manifests)) throw new Error('no "manifests" array');
      return { index, exists: true };
    } catch (err) {
      throw new OciError({
        code: 'LAYOUT',
        message: `${path}: not an OCI index (${(err as Error).message})`,
        cause: err,
      });
    }
  }

  /**
   * Runs an index.json read-modify-write with no other writer in between: those of this
   * process wait in the directory's queue, and the lock file keeps out other processes.
   */
  async #locked<T>(fn: () => Promise<T>): Promise<T> {
    // The directory exists by now (#ensure): its real path is one key for all its spellings.
    this.#key ??= realpath(this.dir).catch(() => resolve(this.dir));
    return inQueue(await this.#key, () => withIndexLock(this.dir, fn));
  }

  async hasBlob(digest: string): Promise<boolean> {
    try {
      return (await stat(this.#blobPath(digest))).isFile();
    } catch {
      return false;
    }
  }

  async pushBlob(blob: Blob, options: PushBlobOptions = {}): Promise<PushBlobResult> {
    await this.#ensure();
    if (await this.hasBlob(blob.digest)) return { uploadedBytes: 0, existed: true, mounted: false };
    const path = this.#blobPath(blob.digest);
    await mkdir(dirname(path), { recursive: true });
    if ('data' in blob.source) {
      checkBytes(
        blob.source.data,
        { mediaType: '', digest: blob.digest, size: blob.size },
        `blob ${blob.digest}`,
      );
      await writeFileAtomic(path, blob.source.data);
    } else {
      await this.#copyChecked(
        blob.source.path,
        path,
        { mediaType: '', digest: blob.digest, size: blob.size },
        (done) =>
          options.onProgress?.({
            step: 'oci.upload',
            message: blob.digest,
            done,
            total: blob.size,
          }),
      );
    }
    return { uploadedBytes: blob.size, existed: false, mounted: false };
  }

  /** Copies a file while hashing it, so what lands under a digest is what that digest says. */
  async #copyChecked(
    from: string,
    to: string,
    descriptor: Descriptor,
    onDone?: (n: number) => void,
  ): Promise<void> {
    const tmp = join(dirname(to), `.${basename(to)}.${randomBytes(6).toString('hex')}.tmp`);
    const [alg, hex] = descriptor.digest.split(':');
    const hash = createHash(alg === 'sha512' ? 'sha512' : 'sha256');
    let size = 0;
    try {
      const input = createReadStream(from);
      input.on('data', (c: string | Buffer) => {
        hash.update(c);
        size += c.length;
        onDone?.(size);
      });
      await pipeline(input, createWriteStream(tmp));
    } catch (err) {
      await rm(tmp, { force: true });
      throw fileError(from, err);
    }
    const actual = hash.digest('hex');
    if (actual !== hex || size !== descriptor.size) {
      await rm(tmp, { force: true });
      throw new OciError({
        code: 'DIGEST_MISMATCH',
        message: `${from}: content does not match ${descriptor.digest} (${descriptor.size} bytes): got ${alg}:${actual} (${size} bytes)`,
      });
    }
    try {
      await rename(tmp, to);
    } catch (err) {
      await rm(tmp, { force: true });
      throw fileError(to, err);
    }
  }

  async fetchBlobToFile(descriptor: Descriptor, path: string): Promise<void> {
    const source = this.#blobPath(descriptor.digest);
    if (!(await this.hasBlob(descriptor.digest))) {
      throw new OciError({
        code: 'NOT_FOUND',
        message: `${this.dir} has no blob ${descriptor.digest}`,
      });
    }
    await this.#copyChecked(source, path, descriptor);
  }

  async fetchBlobBytes(descriptor: Descriptor, maxBytes = 64 * 1024 * 1024): Promise<Uint8Array> {
    if (descriptor.size > maxBytes) {
      throw new OciError({
        code: 'TOO_LARGE',
        message: `blob ${descriptor.digest} in ${this.dir} is ${descriptor.size} bytes, more than ${maxBytes}`,
      });
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(this.#blobPath(descriptor.digest));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new OciError({
          code: 'NOT_FOUND',
          message: `${this.dir} has no blob ${descriptor.digest}`,
        });
      }
      throw fileError(this.#blobPath(descriptor.digest), err);
    }
    checkBytes(bytes, descriptor, `blob ${descriptor.digest} in ${this.dir}`);
    return bytes;
  }

  async tryFetchManifest(reference: string): Promise<FetchedManifest | undefined> {
    let digest = reference;
    if (!reference.includes(':')) {
      const { index } = await this.#readIndex();
      const entry = index.manifests.find((m) => m.annotations?.[Annotation.REF_NAME] === reference);
      if (!entry) return undefined;
      digest = entry.digest;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(this.#blobPath(digest));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw fileError(this.#blobPath(digest), err);
    }
    if (bytes.length > MAX_MANIFEST_BYTES) {
      throw new OciError({
        code: 'TOO_LARGE',
        message: `manifest ${digest} in ${this.dir} is larger than ${MAX_MANIFEST_BYTES} bytes`,
      });
    }
    checkBytes(
      bytes,
      { mediaType: '', digest, size: bytes.length },
      `manifest ${digest} in ${this.dir}`,
    );
    let mediaType: string;
    try {
      mediaType =
        (JSON.parse(new TextDecoder().decode(bytes)) as { mediaType?: string }).mediaType ??
        MediaType.OCI_MANIFEST;
    } catch {
      throw new OciError({
        code: 'INVALID_MANIFEST',
        message: `manifest ${digest} in ${this.dir} is not JSON`,
      });
    }
    return { descriptor: { mediaType, digest, size: bytes.length }, bytes };
  }

  async fetchManifest(reference: string): Promise<FetchedManifest> {
    const found = await this.tryFetchManifest(reference);
    if (found) return found;
    throw new OciError({ code: 'NOT_FOUND', message: `${this.dir} has no manifest ${reference}` });
  }

  async pushManifest(
    bytes: Uint8Array,
    mediaType: string,
    tag?: string,
  ): Promise<PushManifestResult> {
    await this.#ensure();
    const digest = `sha256:${digestBytes(bytes)}`;
    const path = this.#blobPath(digest);
    if (!(await this.hasBlob(digest))) await writeFileAtomic(path, bytes);
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as {
      subject?: Descriptor;
      artifactType?: string;
      annotations?: Record<string, string>;
    };
    const descriptor: Descriptor = { mediaType, digest, size: bytes.length };
    if (tag || parsed.subject) {
      await this.#locked(async () => {
        const { index } = await this.#readIndex();
        const entry: Descriptor = { ...descriptor };
        if (parsed.artifactType) entry.artifactType = parsed.artifactType;
        if (tag) {
          entry.annotations = { [Annotation.REF_NAME]: tag };
          index.manifests = index.manifests.filter(
            (m) => m.annotations?.[Annotation.REF_NAME] !== tag,
          );
        } else if (index.manifests.some((m) => m.digest === digest)) {
          return;
        } else if (parsed.annotations) {
          entry.annotations = parsed.annotations;
        }
        index.manifests.push(entry);
        await writeFileAtomic(join(this.dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
      });
    }
    // A layout keeps its own referrers list (index.json), like a registry with the API.
    return { descriptor, ...(parsed.subject ? { subjectDigest: parsed.subject.digest } : {}) };
  }

  async referrersApi(digest: string): Promise<Descriptor[]> {
    const { index } = await this.#readIndex();
    const out: Descriptor[] = [];
    for (const entry of index.manifests) {
      if (entry.annotations?.[Annotation.REF_NAME] !== undefined) continue;
      const found = await this.tryFetchManifest(entry.digest);
      if (!found) continue;
      const manifest = JSON.parse(new TextDecoder().decode(found.bytes)) as {
        subject?: Descriptor;
        artifactType?: string;
        config?: Descriptor;
        annotations?: Record<string, string>;
      };
      if (manifest.subject?.digest !== digest) continue;
      out.push({
        mediaType: found.descriptor.mediaType,
        digest: entry.digest,
        size: found.descriptor.size,
        ...((manifest.artifactType ?? manifest.config?.mediaType)
          ? { artifactType: manifest.artifactType ?? manifest.config?.mediaType }
          : {}),
        ...(manifest.annotations ? { annotations: manifest.annotations } : {}),
      });
    }
    return out;
  }
}
