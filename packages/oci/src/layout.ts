import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync, readlinkSync } from 'node:fs';
import { type FileHandle, mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CoreError,
  digestBytes,
  fileError,
  MediaType,
  type OpenedFile,
  openRegularFile,
  parseJson,
  readRegularFile,
  readRegularFileText,
  writeFileAtomic,
} from '@build-artifact/core';
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
/** Beside the lock: held, for a moment, by the one writer removing a lock left behind. */
const RECLAIM_GUARD = 'index.json.lock.reclaim';
/** How long a writer waits for the lock before giving up (longer than LOCK_STALE_MS). */
const LOCK_WAIT_MS = 90_000;
/**
 * A lock seen unchanged for this long was left behind: an update holds it for one read and one
 * write of index.json. Timed by the waiter's own clock, not the file's mtime, which another
 * machine's clock may have written.
 */
const LOCK_STALE_MS = 30_000;
/** A reclaim guard is held for microseconds: one seen this long was left by a crash. */
const GUARD_STALE_MS = 10_000;
const LOCK_BACKOFF_MAX_MS = 100;
/** A lock or guard file holds one line of JSON; anything longer is read this far and no more. */
const LOCK_FILE_MAX_BYTES = 4096;

/**
 * The largest index.json read: some 30,000 descriptors, tags and referrers. Blobs and manifests
 * are capped by their descriptors' sizes and MAX_MANIFEST_BYTES.
 */
export const MAX_LAYOUT_INDEX_BYTES = 16 * 1024 * 1024;

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

let machineId: string | undefined;
/**
 * What tells whether a lock's pid is a process of ours to ask about: the host name, and on Linux
 * the boot and the pid namespace (containers sharing a host name have their own pids).
 */
function machine(): string {
  if (machineId === undefined) {
    const read = (f: () => string) => {
      try {
        return f().trim();
      } catch {
        return '';
      }
    };
    machineId = [
      hostname(),
      read(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8')),
      read(() => readlinkSync('/proc/self/ns/pid')),
    ].join('|');
  }
  return machineId;
}

interface SeenFile {
  text: string;
  ino: number;
}

/**
 * A lock or guard file as it is now, or undefined if there is none. A FIFO or device put there
 * is an error naming it, not a read that never ends.
 */
async function readSmall(path: string): Promise<SeenFile | undefined> {
  let opened: OpenedFile;
  try {
    opened = await openRegularFile(path);
  } catch (err) {
    if (err instanceof CoreError && err.code === 'FILE_NOT_FOUND') return undefined;
    throw err;
  }
  const { handle, stats } = opened;
  try {
    const buffer = Buffer.alloc(LOCK_FILE_MAX_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { text: buffer.toString('utf8', 0, bytesRead), ino: stats.ino };
  } catch (err) {
    throw fileError(path, err);
  } finally {
    await handle.close();
  }
}

/** Creates `path` with `text` if there is none; whether it did. */
async function tryCreate(path: string, text: string): Promise<boolean> {
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

/** The lock file's text for process `pid` of this machine (exported for tests). */
export function lockText(pid: number): string {
  return JSON.stringify({ pid, machine: machine(), token: randomBytes(8).toString('hex') });
}

/** Whether the lock's owner is a process of this machine that is gone. */
function ownerGone(text: string): boolean {
  let owner: { pid?: unknown; machine?: unknown };
  try {
    owner = JSON.parse(text) as typeof owner;
  } catch {
    return false; // empty while its owner is still writing it: only time tells
  }
  if (owner.machine !== machine() || !Number.isSafeInteger(owner.pid)) return false;
  try {
    process.kill(owner.pid as number, 0);
    return false;
  } catch (err) {
    // EPERM: the process exists, it belongs to someone else.
    return errnoCode(err) === 'ESRCH';
  }
}

/** Tracks how long one file has been seen unchanged, by the watcher's clock. */
class Watch {
  #seen: SeenFile | undefined;
  #since = 0;
  /** Milliseconds `file` has been seen as it is. */
  age(file: SeenFile): number {
    if (this.#seen?.ino !== file.ino || this.#seen.text !== file.text) {
      this.#seen = file;
      this.#since = performance.now();
    }
    return performance.now() - this.#since;
  }
}

/**
 * Removes the lock `seen`, left behind by its owner. Reclaimers take turns under a guard file,
 * and remove the lock only if it is still the one they judged: a writer that finds the same
 * stale lock a moment later finds it gone, or a new one it leaves alone.
 */
async function reclaim(dir: string, seen: SeenFile, guardWatch: Watch): Promise<void> {
  const guard = join(dir, RECLAIM_GUARD);
  if (!(await tryCreate(guard, `${process.pid}`))) {
    const left = await readSmall(guard);
    if (left && guardWatch.age(left) > GUARD_STALE_MS) await rm(guard, { force: true });
    return;
  }
  try {
    const now = await readSmall(join(dir, INDEX_LOCK));
    if (now && now.ino === seen.ino && now.text === seen.text) {
      await rm(join(dir, INDEX_LOCK), { force: true });
    }
  } finally {
    await rm(guard, { force: true });
  }
}

/**
 * Runs `fn` holding the layout's lock file, which every writer of index.json takes, whatever
 * process it is in: two `attest push` into one layout (CI matrix jobs) would otherwise each
 * write back the index they read, and one's tag would be lost. `fn` calls `stillHeld()` just
 * before it writes: a holder paused past LOCK_STALE_MS may have lost the lock to a reclaimer.
 */
interface LockTimes {
  staleMs: number;
  waitMs: number;
}

async function withIndexLock<T>(
  dir: string,
  fn: (stillHeld: () => Promise<void>) => Promise<T>,
  { staleMs, waitMs }: LockTimes,
): Promise<T> {
  const path = join(dir, INDEX_LOCK);
  const mine = lockText(process.pid);
  const started = performance.now();
  const lockWatch = new Watch();
  const guardWatch = new Watch();
  let backoff = 2;
  while (!(await tryCreate(path, mine))) {
    const held = await readSmall(path);
    if (held && (ownerGone(held.text) || lockWatch.age(held) > staleMs)) {
      await reclaim(dir, held, guardWatch);
      continue;
    }
    if (performance.now() - started >= waitMs) {
      throw new OciError({
        code: 'LAYOUT',
        message: `${dir}: index.json stayed locked for ${waitMs / 1000} s by another writer (${held?.text || 'an empty lock'}); if nothing is writing to this layout, remove ${path}`,
      });
    }
    if (held) {
      await sleep(backoff * (1 + Math.random()));
      backoff = Math.min(backoff * 2, LOCK_BACKOFF_MAX_MS);
    }
  }
  const stillHeld = async () => {
    if ((await readSmall(path))?.text !== mine) {
      throw new OciError({
        code: 'LAYOUT',
        message: `${dir}: lost the lock on index.json (held past ${staleMs / 1000} s, taken as left behind); nothing written, run again`,
      });
    }
  };
  try {
    return await fn(stillHeld);
  } finally {
    // Only our own lock: one taken from us as stale is someone else's now.
    if ((await readSmall(path).catch(() => undefined))?.text === mine) {
      await rm(path, { force: true });
    }
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

  readonly #lockTimes: LockTimes;

  /**
   * `lockStaleMs`: how long a lock seen unchanged counts as left behind (default 30 s);
   * `lockWaitMs`: how long a push waits for the lock before it gives up (default 90 s).
   */
  constructor(dir: string, options: { lockStaleMs?: number; lockWaitMs?: number } = {}) {
    this.dir = dir;
    this.#lockTimes = {
      staleMs: options.lockStaleMs ?? LOCK_STALE_MS,
      waitMs: options.lockWaitMs ?? LOCK_WAIT_MS,
    };
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
   * Creates the directory skeleton on first write, writing only what is absent (a complete
   * layout on a read-only disk still takes blobs it has). Other writers may be creating it
   * too: `oci-layout` is the same bytes whoever writes it, and index.json is created under the
   * lock, so no reader sees either half-written and no index is written over.
   */
  #ensure(): Promise<void> {
    this.#ready ??= (async () => {
      try {
        await mkdir(join(this.dir, 'blobs', 'sha256'), { recursive: true });
      } catch (err) {
        throw fileError(this.dir, err);
      }
      const absent = async (name: string) => {
        try {
          await stat(join(this.dir, name));
          return false;
        } catch (err) {
          if (errnoCode(err) === 'ENOENT') return true;
          throw fileError(join(this.dir, name), err);
        }
      };
      if (await absent('oci-layout'))
        await writeFileAtomic(join(this.dir, 'oci-layout'), LAYOUT_FILE);
      if (await absent('index.json')) {
        await this.#locked(async () => {
          if (await absent('index.json'))
            await writeFileAtomic(join(this.dir, 'index.json'), EMPTY_INDEX);
        });
      }
      // An index.json that was there already is checked before anything is pushed.
      await this.#readIndex();
    })();
    return this.#ready;
  }

  async #readIndex(): Promise<ImageIndex> {
    const path = join(this.dir, 'index.json');
    let text: string;
    try {
      text = await readRegularFileText(path, {
        maxBytes: MAX_LAYOUT_INDEX_BYTES,
        what: 'an OCI layout index',
      });
    } catch (err) {
      if (err instanceof CoreError && err.code === 'FILE_NOT_FOUND') {
        return { schemaVersion: 2, mediaType: MediaType.OCI_INDEX, manifests: [] };
      }
      throw err;
    }
    const fail = (what: string, cause?: unknown) =>
      new OciError({ code: 'LAYOUT', message: `${path}: not an OCI index (${what})`, cause });
    let index: ImageIndex;
    try {
      index = parseJson(text, 'index.json') as ImageIndex;
    } catch (err) {
      throw fail((err as Error).message, err);
    }
    if (typeof index !== 'object' || index === null || !Array.isArray(index.manifests)) {
      throw fail('no "manifests" array');
    }
    // Entries are read as descriptors everywhere: one that is not cannot crash a lookup.
    index.manifests.forEach((entry, i) => {
      if (typeof entry !== 'object' || entry === null || typeof entry.digest !== 'string') {
        throw fail(`manifests[${i}] is not a descriptor with a digest`);
      }
    });
    return index;
  }

  /**
   * A blob's bytes, or undefined if the layout has none under that digest: read only from a
   * regular file, and no more than `maxBytes` of it however large it is or grows
   * (FILE_TOO_LARGE, naming the file).
   */
  async #readBlob(digest: string, maxBytes: number, what: string): Promise<Buffer | undefined> {
    try {
      return await readRegularFile(this.#blobPath(digest), { maxBytes, what });
    } catch (err) {
      if (err instanceof CoreError && err.code === 'FILE_NOT_FOUND') return undefined;
      throw err;
    }
  }

  /**
   * Runs an index.json read-modify-write with no other writer in between: those of this
   * process wait in the directory's queue, and the lock file keeps out other processes.
   */
  async #locked<T>(fn: (stillHeld: () => Promise<void>) => Promise<T>): Promise<T> {
    // The directory exists by now (#ensure): its real path is one key for all its spellings.
    this.#key ??= realpath(this.dir).catch(() => resolve(this.dir));
    return inQueue(await this.#key, () => withIndexLock(this.dir, fn, this.#lockTimes));
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

  /**
   * Copies a file while hashing it, so what lands under a digest is what that digest says. Only
   * a regular file of the descriptor's size is copied, and no byte past that size is read
   * (it may grow meanwhile): more is a mismatch, found at the first byte too many.
   */
  async #copyChecked(
    from: string,
    to: string,
    descriptor: Descriptor,
    onDone?: (n: number) => void,
  ): Promise<void> {
    if (!Number.isSafeInteger(descriptor.size) || descriptor.size < 0) {
      throw new OciError({
        code: 'INVALID_MANIFEST',
        message: `${this.dir}: the descriptor of ${descriptor.digest} gives no size in bytes (${JSON.stringify(descriptor.size)})`,
      });
    }
    const { handle, stats } = await openRegularFile(from);
    const mismatch = (found: string) =>
      new OciError({
        code: 'DIGEST_MISMATCH',
        message: `${from}: content does not match ${descriptor.digest} (${descriptor.size} bytes): ${found}`,
      });
    if (stats.size !== descriptor.size) {
      await handle.close();
      throw mismatch(`the file is ${stats.size} bytes`);
    }
    const tmp = join(dirname(to), `.${basename(to)}.${randomBytes(6).toString('hex')}.tmp`);
    const [alg, hex] = descriptor.digest.split(':');
    const hash = createHash(alg === 'sha512' ? 'sha512' : 'sha256');
    let size = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > descriptor.size) return done(mismatch('the file grew while being read'));
        hash.update(chunk);
        onDone?.(size);
        done(null, chunk);
      },
    });
    try {
      // `end` is inclusive: one byte past the size, enough to see that the file grew.
      // 1 MiB chunks: a 20 MiB module moves in 20 writes instead of 320 (64 KiB, the default).
      const input = handle.createReadStream({
        start: 0,
        end: descriptor.size,
        highWaterMark: 1 << 20,
      });
      await pipeline(input, counted, createWriteStream(tmp, { highWaterMark: 1 << 20 }));
    } catch (err) {
      await handle.close().catch(() => undefined);
      await rm(tmp, { force: true });
      if (err instanceof OciError) throw err;
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
    try {
      await this.#copyChecked(source, path, descriptor);
    } catch (err) {
      if (err instanceof CoreError && err.code === 'FILE_NOT_FOUND') {
        throw new OciError({
          code: 'NOT_FOUND',
          message: `${this.dir} has no blob ${descriptor.digest}`,
          cause: err,
        });
      }
      throw err;
    }
  }

  async fetchBlobBytes(descriptor: Descriptor, maxBytes = 64 * 1024 * 1024): Promise<Uint8Array> {
    if (descriptor.size > maxBytes) {
      throw new OciError({
        code: 'TOO_LARGE',
        message: `blob ${descriptor.digest} in ${this.dir} is ${descriptor.size} bytes, more than ${maxBytes}`,
      });
    }
    // No more is read than the descriptor says: a larger file is a mismatch, whatever it holds.
    const sized = Number.isSafeInteger(descriptor.size) && descriptor.size >= 0;
    let bytes: Uint8Array | undefined;
    try {
      bytes = await this.#readBlob(
        descriptor.digest,
        sized ? descriptor.size : maxBytes,
        sized ? `blob ${descriptor.digest}` : 'a blob',
      );
    } catch (err) {
      if (sized && err instanceof CoreError && err.code === 'FILE_TOO_LARGE') {
        throw new OciError({
          code: 'DIGEST_MISMATCH',
          message: `${this.#blobPath(descriptor.digest)}: larger than the ${descriptor.size} bytes its descriptor gives`,
          cause: err,
        });
      }
      throw err;
    }
    if (!bytes) {
      throw new OciError({
        code: 'NOT_FOUND',
        message: `${this.dir} has no blob ${descriptor.digest}`,
      });
    }
    checkBytes(bytes, descriptor, `blob ${descriptor.digest} in ${this.dir}`);
    return bytes;
  }

  async tryFetchManifest(reference: string): Promise<FetchedManifest | undefined> {
    let digest = reference;
    if (!reference.includes(':')) {
      const index = await this.#readIndex();
      const entry = index.manifests.find((m) => m.annotations?.[Annotation.REF_NAME] === reference);
      if (!entry) return undefined;
      digest = entry.digest;
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = await this.#readBlob(digest, MAX_MANIFEST_BYTES, 'a manifest');
    } catch (err) {
      if (err instanceof CoreError && err.code === 'FILE_TOO_LARGE') {
        throw new OciError({ code: 'TOO_LARGE', message: err.message, cause: err });
      }
      throw err;
    }
    if (!bytes) return undefined;
    checkBytes(
      bytes,
      { mediaType: '', digest, size: bytes.length },
      `manifest ${digest} in ${this.dir}`,
    );
    let mediaType: string;
    try {
      const manifest = parseJson(
        new TextDecoder().decode(bytes),
        `manifest ${digest} in ${this.dir}`,
      );
      const declared = (manifest as { mediaType?: unknown } | null)?.mediaType;
      mediaType = typeof declared === 'string' ? declared : MediaType.OCI_MANIFEST;
    } catch (err) {
      throw new OciError({
        code: 'INVALID_MANIFEST',
        message: (err as Error).message,
        cause: err,
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
      await this.#locked(async (stillHeld) => {
        const index = await this.#readIndex();
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
        await stillHeld();
        await writeFileAtomic(join(this.dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
      });
    }
    // A layout keeps its own referrers list (index.json), like a registry with the API.
    return { descriptor, ...(parsed.subject ? { subjectDigest: parsed.subject.digest } : {}) };
  }

  async referrersApi(digest: string): Promise<Descriptor[]> {
    const index = await this.#readIndex();
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
