import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
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

/**
 * An OCI image layout directory (`oci-layout`, `index.json`, `blobs/<alg>/<hex>`), as skopeo,
 * oras and containerd read it. Tags are `org.opencontainers.image.ref.name` annotations in
 * `index.json`; referrers are kept there as untagged entries, as oras does.
 */
export class OciLayout implements Target {
  readonly kind = 'layout' as const;
  readonly dir: string;
  #lock: Promise<unknown> = Promise.resolve();
  #ready: Promise<void> | undefined;

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

  /** Creates the directory skeleton on first write. */
  #ensure(): Promise<void> {
    this.#ready ??= (async () => {
      try {
        await mkdir(join(this.dir, 'blobs', 'sha256'), { recursive: true });
        await writeFile(join(this.dir, 'oci-layout'), LAYOUT_FILE, { flag: 'wx' }).catch((err) => {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        });
      } catch (err) {
        throw fileError(this.dir, err);
      }
      const index = await this.#readIndex();
      if (!index.exists)
        await writeFileAtomic(join(this.dir, 'index.json'), `${JSON.stringify(index.index)}\n`);
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

  /** Runs index.json read-modify-write steps one after another. */
  #locked<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.#lock.then(fn, fn);
    this.#lock = next.catch(() => undefined);
    return next;
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
