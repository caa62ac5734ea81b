import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { digestBytes, fileError } from '@build-artifact/core';
import { repositoryScope } from './auth.js';
import { type Blob, blobBody } from './blob.js';
import { OciError } from './error.js';
import { type HttpRequest, RegistryTransport, type TransportOptions } from './http.js';
import type { HttpResponse } from './http-client.js';
import type { RegistryReference } from './reference.js';
import type {
  FetchedManifest,
  PushBlobOptions,
  PushBlobResult,
  PushManifestResult,
  Target,
} from './target.js';
import { type Descriptor, MANIFEST_ACCEPT } from './types.js';

export interface OciClientOptions extends TransportOptions {
  /** Blobs up to this size go up in one PUT; larger ones in PATCH chunks (default 8 MiB). */
  monolithicMaxBytes?: number;
  /** Chunk size of chunked uploads (default 64 MiB). */
  chunkBytes?: number;
  /** Reuse one transport (and its tokens) across repositories of a registry. */
  transport?: RegistryTransport;
}

/** Manifests larger than this are refused (the distribution spec's recommended limit). */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

function escapeRepo(repository: string): string {
  return repository.split('/').map(encodeURIComponent).join('/');
}

function isRetryableUploadError(err: unknown): boolean {
  if (!(err instanceof OciError)) return false;
  if (err.code === 'NETWORK') return true;
  const status = err.status ?? 0;
  if (status >= 500 || status === 429 || status === 416) return true;
  // The session vanished or the bytes did not add up after a reset: start a fresh session.
  return err.errors.some((e) =>
    ['BLOB_UPLOAD_UNKNOWN', 'BLOB_UPLOAD_INVALID', 'DIGEST_INVALID', 'SIZE_INVALID'].includes(
      e.code,
    ),
  );
}

/** Verifies bytes against a descriptor's digest and size. */
export function checkBytes(bytes: Uint8Array, descriptor: Descriptor, where: string): void {
  const [alg, hex] = descriptor.digest.split(':');
  if (alg !== 'sha256' && alg !== 'sha512') {
    throw new OciError({
      code: 'INVALID_MANIFEST',
      message: `${where}: unsupported digest algorithm in ${descriptor.digest}`,
    });
  }
  const actual = createHash(alg).update(bytes).digest('hex');
  if (actual !== hex || (descriptor.size >= 0 && bytes.length !== descriptor.size)) {
    throw new OciError({
      code: 'DIGEST_MISMATCH',
      message: `${where}: content does not match ${descriptor.digest} (${descriptor.size} bytes): got ${alg}:${actual} (${bytes.length} bytes)`,
    });
  }
}

/** The distribution spec's tag grammar. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
/** The digests this client can check. */
const DIGEST = /^(?:sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/;

/**
 * A descriptor's digest, which must be one (sha256 or sha512): an index naming a child by
 * `v1` would otherwise have it fetched by tag, its content checked against nothing.
 */
export function descriptorDigest(descriptor: Pick<Descriptor, 'digest'>, where: string): string {
  if (typeof descriptor.digest === 'string' && DIGEST.test(descriptor.digest))
    return descriptor.digest;
  throw new OciError({
    code: 'INVALID_MANIFEST',
    message: `${where} names ${JSON.stringify(descriptor.digest)}, not a sha256 or sha512 digest`,
  });
}

/** A repository in a registry, spoken to over the OCI distribution API. */
export class OciClient implements Target {
  readonly kind = 'registry' as const;
  readonly registry: string;
  readonly repository: string;
  readonly transport: RegistryTransport;
  readonly #options: OciClientOptions;
  /** Uploads under way, by digest: the same blob is never sent twice at once. */
  readonly #uploading = new Map<string, Promise<PushBlobResult>>();

  constructor(
    ref: Pick<RegistryReference, 'registry' | 'repository'>,
    options: OciClientOptions = {},
  ) {
    this.registry = ref.registry;
    this.repository = ref.repository;
    this.#options = options;
    this.transport = options.transport ?? new RegistryTransport(ref.registry, options);
  }

  get display(): string {
    return `${this.registry}/${this.repository}`;
  }

  /** The same registry (and tokens), another repository. */
  withRepository(repository: string): OciClient {
    return new OciClient(
      { registry: this.registry, repository },
      { ...this.#options, transport: this.transport },
    );
  }

  #path(kind: 'blobs' | 'manifests' | 'referrers' | 'tags', rest: string): string {
    // Digests and tags come from manifests and referrer lists, which the registry wrote: one
    // that is neither (`../../other/manifests/x`) would read another repository's content.
    const valid =
      kind === 'manifests'
        ? TAG.test(rest) || DIGEST.test(rest)
        : kind === 'tags' || rest === 'uploads/' || DIGEST.test(rest);
    if (!valid) {
      throw new OciError({
        code: 'INVALID_REFERENCE',
        message: `not a ${kind === 'manifests' ? 'tag or digest' : 'digest'}: "${rest}" (for ${this.display})`,
      });
    }
    return `/v2/${escapeRepo(this.repository)}/${kind}/${rest}`;
  }

  #pull(): string[] {
    return [repositoryScope(this.repository, ['pull'])];
  }

  #push(): string[] {
    return [repositoryScope(this.repository, ['pull', 'push'])];
  }

  /** Checks that the registry speaks the distribution API (and that we may talk to it). */
  async ping(): Promise<void> {
    const request: HttpRequest = { method: 'GET', url: '/v2/', scopes: [] };
    const response = await this.transport.expect(request, [200], 'ping');
    await response.discard();
  }

  /**
   * Readies a push while the caller does something else (hashes its files): the connection is
   * opened and, where the registry wants one, the token the push's requests share is fetched.
   */
  prepareToPush(): Promise<void> {
    return this.transport.prepare(this.#push());
  }

  /** `scopes`: a push asks with its own (pull and push), so one token serves all its requests. */
  async hasBlob(digest: string, scopes: readonly string[] = this.#pull()): Promise<boolean> {
    const request: HttpRequest = {
      method: 'HEAD',
      url: this.#path('blobs', digest),
      scopes,
    };
    const response = await this.transport.send(request);
    if (response.status === 200) return true;
    if (response.status === 404) return false;
    throw await this.transport.errorFor(request, response, `checking blob ${digest}`);
  }

  /**
   * Uploads a blob unless the repository has it. Pushes side by side (the builds of an index,
   * a layer equal to its config) may name one blob twice: the second waits for the first,
   * because a registry writing the same blob twice at once can lose it (distribution 2.8 then
   * refuses the manifest with MANIFEST_BLOB_UNKNOWN).
   */
  async pushBlob(blob: Blob, options: PushBlobOptions = {}): Promise<PushBlobResult> {
    const running = this.#uploading.get(blob.digest);
    if (running) {
      await running.catch(() => undefined);
      return this.pushBlob(blob, options);
    }
    const upload = this.#pushBlobOnce(blob, options);
    this.#uploading.set(blob.digest, upload);
    try {
      return await upload;
    } finally {
      this.#uploading.delete(blob.digest);
    }
  }

  async #pushBlobOnce(blob: Blob, options: PushBlobOptions): Promise<PushBlobResult> {
    const attempts = Math.max(1, this.#options.retry?.attempts ?? 5);
    const base = this.#options.retry?.baseDelayMs ?? 250;
    let sent = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        // A HEAD before every try: nothing is sent twice, and a finished upload whose answer
        // was lost is recognised.
        if (await this.hasBlob(blob.digest, this.#push())) {
          return { uploadedBytes: sent, existed: attempt === 1, mounted: false };
        }
        const result = await this.#upload(blob, options, (n) => {
          sent += n;
        });
        return { uploadedBytes: sent, existed: false, mounted: result.mounted };
      } catch (err) {
        if (attempt >= attempts || !isRetryableUploadError(err)) throw err;
        options.onProgress?.({
          step: 'oci.upload',
          level: 'warning',
          message: `upload of ${blob.digest} to ${this.display} failed (${(err as Error).message}); starting again`,
        });
        await sleep(Math.min(8000, base * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2));
      }
    }
  }

  async #startUpload(
    blob: Blob,
    options: PushBlobOptions,
  ): Promise<{ location?: string; mounted: boolean }> {
    for (const from of (options.mountFrom ?? []).filter((r) => r !== this.repository)) {
      const request: HttpRequest = {
        method: 'POST',
        url: `${this.#path('blobs', 'uploads/')}?mount=${encodeURIComponent(blob.digest)}&from=${encodeURIComponent(from)}`,
        headers: { 'content-length': '0' },
        scopes: [...this.#push(), repositoryScope(from, ['pull'])],
      };
      let response: HttpResponse;
      try {
        response = await this.transport.expect(
          request,
          [201, 202],
          `mounting ${blob.digest} from ${from}`,
        );
      } catch (err) {
        // A mount is an optimisation: no right to read the other repository (or no such
        // repository) means an upload, as docker does, not a failed push.
        const refused =
          err instanceof OciError &&
          (['UNAUTHORIZED', 'DENIED', 'NOT_FOUND'].includes(err.code) ||
            [401, 403, 404].includes(err.status ?? 0));
        if (!refused) throw err;
        options.onProgress?.({
          step: 'oci.upload',
          level: 'warning',
          message: `could not mount ${blob.digest} from ${from} (${err.message}); uploading it`,
        });
        continue;
      }
      await response.discard();
      if (response.status === 201) return { mounted: true };
      // 202: the registry could not mount but opened an upload session we can use.
      const location = locationOf(response);
      if (location) return { location, mounted: false };
    }
    const request: HttpRequest = {
      method: 'POST',
      url: this.#path('blobs', 'uploads/'),
      headers: { 'content-length': '0' },
      scopes: this.#push(),
    };
    const response = await this.transport.expect(
      request,
      [202],
      `starting the upload of ${blob.digest}`,
    );
    await response.discard();
    const location = locationOf(response);
    if (!location) {
      throw new OciError({
        code: 'REGISTRY_ERROR',
        message: `registry ${this.registry} opened an upload without a Location header`,
        registry: this.registry,
      });
    }
    return { location, mounted: false };
  }

  /** An upload session's absolute URL (locationOf) with the blob's digest added. */
  #withDigest(location: string, digest: string): string {
    const url = new URL(location);
    url.searchParams.set('digest', digest);
    return url.href;
  }

  async #upload(
    blob: Blob,
    options: PushBlobOptions,
    onSent: (n: number) => void,
  ): Promise<{ mounted: boolean }> {
    const started = await this.#startUpload(blob, options);
    if (started.mounted) return { mounted: true };
    let location = started.location!;
    const monolithicMax = this.#options.monolithicMaxBytes ?? 8 * 1024 * 1024;
    let done = 0;
    const progress = (n: number) => {
      done += n;
      onSent(n);
      options.onProgress?.({ step: 'oci.upload', message: blob.digest, done, total: blob.size });
    };
    if (blob.size <= monolithicMax) {
      const request: HttpRequest = {
        method: 'PUT',
        url: this.#withDigest(location, blob.digest),
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': String(blob.size),
        },
        body: () => blobBody(blob, 0, blob.size, progress),
        scopes: this.#push(),
        retry: false,
      };
      const response = await this.transport.expect(request, [201], `uploading ${blob.digest}`);
      await response.discard();
      return { mounted: false };
    }
    const chunk = this.#options.chunkBytes ?? 64 * 1024 * 1024;
    let offset = 0;
    let resumes = 0;
    while (offset < blob.size) {
      const end = Math.min(blob.size, offset + chunk);
      const request: HttpRequest = {
        method: 'PATCH',
        url: location,
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': String(end - offset),
          'content-range': `${offset}-${end - 1}`,
        },
        body: () => blobBody(blob, offset, end, progress),
        scopes: this.#push(),
        retry: false,
      };
      try {
        const response = await this.transport.expect(request, [202], `uploading ${blob.digest}`);
        await response.discard();
        location = locationOf(response) ?? location;
        offset = end;
      } catch (err) {
        // After a reset the session may hold part of the chunk: ask where it stands and go on
        // from there, a few times, before the caller starts a new session.
        if (!(err instanceof OciError) || err.code !== 'NETWORK' || ++resumes > 3) throw err;
        const status = await this.#uploadStatus(location);
        location = status.location;
        offset = status.offset;
      }
    }
    const request: HttpRequest = {
      method: 'PUT',
      url: this.#withDigest(location, blob.digest),
      headers: { 'content-length': '0' },
      scopes: this.#push(),
    };
    const response = await this.transport.expect(
      request,
      [201],
      `finishing the upload of ${blob.digest}`,
    );
    await response.discard();
    return { mounted: false };
  }

  async #uploadStatus(location: string): Promise<{ location: string; offset: number }> {
    const request: HttpRequest = {
      method: 'GET',
      url: location,
      scopes: this.#push(),
    };
    const response = await this.transport.expect(request, [204], 'asking for the upload status');
    await response.discard();
    const range = /^(?:bytes=)?0-(\d+)$/.exec(response.headers.get('range') ?? '');
    // `0-0` is ambiguous in distribution 2.8 (nothing or one byte): take it as nothing; a wrong
    // guess gets 416 and a fresh session.
    const last = range ? Number(range[1]) : -1;
    return {
      location: locationOf(response) ?? location,
      offset: last > 0 ? last + 1 : 0,
    };
  }

  async #getBlob(
    descriptor: Descriptor,
  ): Promise<{ request: HttpRequest; response: HttpResponse }> {
    const request: HttpRequest = {
      method: 'GET',
      url: this.#path('blobs', descriptor.digest),
      scopes: this.#pull(),
    };
    const response = await this.transport.expect(
      request,
      [200],
      `fetching blob ${descriptor.digest}`,
    );
    return { request, response };
  }

  async fetchBlobBytes(descriptor: Descriptor, maxBytes = 64 * 1024 * 1024): Promise<Uint8Array> {
    if (descriptor.size > maxBytes) {
      throw new OciError({
        code: 'TOO_LARGE',
        message: `blob ${descriptor.digest} in ${this.display} is ${descriptor.size} bytes, more than the ${maxBytes} allowed here`,
      });
    }
    const { response } = await this.#getBlob(descriptor);
    const bytes = await readBody(
      response,
      maxBytes,
      `blob ${descriptor.digest} from ${this.display}`,
    );
    checkBytes(bytes, descriptor, `blob ${descriptor.digest} from ${this.display}`);
    return bytes;
  }

  async fetchBlobToFile(descriptor: Descriptor, path: string): Promise<void> {
    const attempts = Math.max(1, this.#options.retry?.attempts ?? 5);
    for (let attempt = 1; ; attempt++) {
      const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        const { response } = await this.#getBlob(descriptor);
        const [alg] = descriptor.digest.split(':');
        const hash = createHash(alg === 'sha512' ? 'sha512' : 'sha256');
        let size = 0;
        const body = response.body;
        // Nothing beyond the descriptor's size reaches the disk: a registry sending more (by
        // mistake or to fill the disk) is cut off with the chunk that goes past it.
        const tooMuch = (sent: number) =>
          new OciError({
            code: 'DIGEST_MISMATCH',
            message: `blob from ${this.display} does not match ${descriptor.digest}: the registry sends ${sent} bytes or more, the descriptor says ${descriptor.size}`,
          });
        const length = response.headers.get('content-length');
        if (length !== null && Number(length) > descriptor.size) {
          body.destroy();
          throw tooMuch(Number(length));
        }
        const counted = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            size += chunk.length;
            if (size > descriptor.size) return done(tooMuch(size));
            hash.update(chunk);
            done(null, chunk);
          },
        });
        try {
          await pipeline(body, counted, createWriteStream(tmp));
        } catch (err) {
          if (err instanceof OciError) throw err;
          if (
            (err as NodeJS.ErrnoException).code?.startsWith('E') &&
            (err as NodeJS.ErrnoException).syscall
          )
            throw fileError(path, err);
          throw new OciError({
            code: 'NETWORK',
            message: `download of ${descriptor.digest} from ${this.display} broke off: ${(err as Error).message}`,
            cause: err,
          });
        }
        const hex = hash.digest('hex');
        if (`${alg}:${hex}` !== descriptor.digest || size !== descriptor.size) {
          throw new OciError({
            code: 'DIGEST_MISMATCH',
            message: `blob from ${this.display} does not match ${descriptor.digest} (${descriptor.size} bytes): got ${alg}:${hex} (${size} bytes)`,
          });
        }
        await rename(tmp, path).catch((err) => {
          throw fileError(path, err);
        });
        return;
      } catch (err) {
        await rm(tmp, { force: true });
        if (attempt >= attempts || !(err instanceof OciError) || err.code !== 'NETWORK') throw err;
        await sleep(250 * 2 ** (attempt - 1));
      }
    }
  }

  async tryFetchManifest(reference: string): Promise<FetchedManifest | undefined> {
    const request: HttpRequest = {
      method: 'GET',
      url: this.#path('manifests', reference),
      headers: { accept: MANIFEST_ACCEPT },
      scopes: this.#pull(),
    };
    const response = await this.transport.send(request);
    if (response.status === 404) {
      await response.discard();
      return undefined;
    }
    if (response.status !== 200)
      throw await this.transport.errorFor(request, response, `fetching manifest ${reference}`);
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_MANIFEST_BYTES) {
      await response.discard();
      throw new OciError({
        code: 'TOO_LARGE',
        message: `manifest ${reference} in ${this.display} is ${length} bytes, more than ${MAX_MANIFEST_BYTES}`,
      });
    }
    const bytes = await readBody(
      response,
      MAX_MANIFEST_BYTES,
      `manifest ${reference} from ${this.display}`,
    );
    const digest = `sha256:${digestBytes(bytes)}`;
    const where = `manifest ${reference} from ${this.display}`;
    if (reference.includes(':'))
      checkBytes(bytes, { mediaType: '', digest: reference, size: bytes.length }, where);
    const header = response.headers.get('docker-content-digest');
    if (header?.startsWith('sha256:') && header !== digest) {
      throw new OciError({
        code: 'DIGEST_MISMATCH',
        message: `${where}: the registry says ${header} but the content hashes to ${digest}`,
      });
    }
    let mediaType = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    try {
      const parsed = JSON.parse(new TextDecoder().decode(bytes)) as { mediaType?: string };
      if (typeof parsed.mediaType === 'string') mediaType = parsed.mediaType;
    } catch {
      throw new OciError({ code: 'INVALID_MANIFEST', message: `${where} is not JSON` });
    }
    return {
      descriptor: {
        mediaType,
        digest: reference.includes(':') ? reference : digest,
        size: bytes.length,
      },
      bytes,
    };
  }

  async fetchManifest(reference: string): Promise<FetchedManifest> {
    const found = await this.tryFetchManifest(reference);
    if (found) return found;
    throw new OciError({
      code: 'NOT_FOUND',
      message: `registry ${this.registry} has no manifest ${reference} in ${this.repository}`,
      registry: this.registry,
      status: 404,
    });
  }

  async pushManifest(
    bytes: Uint8Array,
    mediaType: string,
    tag?: string,
  ): Promise<PushManifestResult> {
    const digest = `sha256:${digestBytes(bytes)}`;
    const request: HttpRequest = {
      method: 'PUT',
      url: this.#path('manifests', tag ?? digest),
      headers: { 'content-type': mediaType, 'content-length': String(bytes.length) },
      body: () => bytes,
      scopes: this.#push(),
    };
    const response = await this.transport.expect(
      request,
      [201],
      `pushing manifest ${tag ?? digest}`,
    );
    await response.discard();
    const answered = response.headers.get('docker-content-digest');
    if (answered && answered !== digest) {
      throw new OciError({
        code: 'DIGEST_MISMATCH',
        message: `registry ${this.registry} stored manifest ${tag ?? digest} as ${answered}, not ${digest}`,
      });
    }
    const subject = response.headers.get('oci-subject') ?? undefined;
    return {
      descriptor: { mediaType, digest, size: bytes.length },
      ...(subject ? { subjectDigest: subject } : {}),
    };
  }

  async referrersApi(digest: string): Promise<Descriptor[] | undefined> {
    const out: Descriptor[] = [];
    const pages = new Pages(`the referrers of ${digest} in ${this.display}`);
    let url: string | undefined = this.#path('referrers', digest);
    while (url) {
      const request: HttpRequest = {
        method: 'GET',
        url,
        headers: { accept: 'application/vnd.oci.image.index.v1+json' },
        scopes: this.#pull(),
      };
      const response = await this.transport.send(request);
      // 404 (and, from some registries, 400/405) means no referrers API: the tag schema applies.
      if ([400, 404, 405].includes(response.status) && out.length === 0) {
        await response.discard();
        return undefined;
      }
      if (response.status !== 200)
        throw await this.transport.errorFor(request, response, `listing referrers of ${digest}`);
      const index = (await readJson(
        response,
        `the referrers of ${digest} from ${this.display}`,
      )) as {
        manifests?: Descriptor[];
      };
      out.push(...(index.manifests ?? []));
      url = pages.next(response);
    }
    return out;
  }

  /** Lists the tags of the repository (following `Link` pagination). */
  async listTags(): Promise<string[]> {
    const tags: string[] = [];
    const pages = new Pages(`the tags of ${this.display}`);
    let url: string | undefined = this.#path('tags', 'list');
    while (url) {
      const request: HttpRequest = { method: 'GET', url, scopes: this.#pull() };
      const response = await this.transport.send(request);
      if (response.status === 404) {
        await response.discard();
        return tags;
      }
      if (response.status !== 200)
        throw await this.transport.errorFor(request, response, 'listing tags');
      const body = (await readJson(response, `the tag list of ${this.display}`)) as {
        tags?: string[] | null;
      };
      tags.push(...(body.tags ?? []));
      url = pages.next(response);
    }
    return tags;
  }
}

/** A `Location` header as an absolute URL: relative ones are relative to the URL that answered. */
function locationOf(response: HttpResponse): string | undefined {
  const location = response.headers.get('location');
  return location ? new URL(location, response.url).href : undefined;
}

/** Enough for any real list (a page holds 100 or more entries); a loop or a flood stops here. */
const MAX_PAGES = 1000;

/** `Link: <...>; rel="next"` pagination, bounded, and refusing to visit a page twice. */
class Pages {
  readonly #what: string;
  readonly #seen = new Set<string>();

  constructor(what: string) {
    this.#what = what;
  }

  next(response: HttpResponse): string | undefined {
    this.#seen.add(response.url.href);
    const link = /<([^>]+)>\s*;\s*rel="?next"?/.exec(response.headers.get('link') ?? '');
    if (!link) return undefined;
    const url = new URL(link[1]!, response.url).href;
    if (this.#seen.has(url) || this.#seen.size >= MAX_PAGES) {
      throw new OciError({
        code: 'REGISTRY_ERROR',
        message: `${this.#what}: the registry's pages ${this.#seen.has(url) ? 'loop back' : `go on past ${MAX_PAGES}`} (${url})`,
      });
    }
    return url;
  }
}

/** A whole response body, at most `maxBytes`, with errors that say what was being read. */
async function readBody(
  response: HttpResponse,
  maxBytes: number,
  what: string,
): Promise<Uint8Array> {
  try {
    return await response.bytes(maxBytes);
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BODY_TOO_LARGE') {
      throw new OciError({
        code: 'TOO_LARGE',
        message: `${what} is larger than ${maxBytes} bytes`,
      });
    }
    throw new OciError({
      code: 'NETWORK',
      message: `${what} broke off: ${(err as Error).message}`,
      cause: err,
    });
  }
}

/** A JSON answer (an index, a tag list): at most 4 MiB, and JSON, or a registry error. */
async function readJson(response: HttpResponse, what: string): Promise<unknown> {
  const bytes = await readBody(response, 4 * 1024 * 1024, what);
  try {
    return JSON.parse(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
    );
  } catch {
    throw new OciError({ code: 'REGISTRY_ERROR', message: `${what} is not JSON` });
  }
}
