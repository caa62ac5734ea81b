import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileError, MediaType, mapConcurrent, type ProgressCallback } from '@build-artifact/core';
import { bundleFacts } from './annotations.js';
import { type Blob, blobFromBytes, blobFromFile } from './blob.js';
import { OciError } from './error.js';
import { formatPlatform } from './platform.js';
import { addToReferrersIndex } from './referrers.js';
import type { Target } from './target.js';
import {
  Annotation,
  DEFAULT_FILE_ARTIFACT_TYPE,
  type Descriptor,
  EMPTY_CONFIG,
  EMPTY_CONFIG_BYTES,
  type ImageIndex,
  type ImageManifest,
  type Platform,
} from './types.js';
import { detectWasm } from './wasm.js';

export interface PushOptions {
  /** Tag the top manifest (or index) with this. */
  tag?: string;
  /** Extra manifest annotations (the standard ones from `contextAnnotations`, `--annotation`). */
  annotations?: Record<string, string>;
  /** `org.opencontainers.image.created`; default: the file's modification time. */
  created?: string;
  /** artifactType of a non-wasm file (default `application/vnd.build-artifact.file.v1`). */
  artifactType?: string;
  /** Layer media type of a non-wasm file (default from the file name). */
  layerMediaType?: string;
  /** Repositories on the same registry to mount blobs from instead of uploading them. */
  mountFrom?: readonly string[];
  onProgress?: ProgressCallback;
}

/** What a push left in the target. */
export interface PushedArtifact {
  target: Target;
  /** The manifest (or index) descriptor: the subject referrers attach to. */
  descriptor: Descriptor;
  tag?: string;
  /** The file's layer (single-file artifacts). */
  layer?: Descriptor;
  /** File name the artifact was pushed from. */
  title?: string;
  platform?: Platform;
  /** Platform manifests of an index. */
  children?: PushedArtifact[];
  /** Blob bytes actually sent (0 when everything was there already). */
  uploadedBytes: number;
}

function encode(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

const EXTENSION_TYPES: [RegExp, string][] = [
  [/\.(tar\.gz|tgz)$/i, 'application/gzip'],
  [/\.tar$/i, 'application/x-tar'],
  [/\.zip$/i, 'application/zip'],
  [/\.json$/i, 'application/json'],
  [/\.wasm$/i, MediaType.WASM_LAYER],
];

function layerTypeFor(name: string): string {
  return EXTENSION_TYPES.find(([re]) => re.test(name))?.[1] ?? MediaType.OCTET_STREAM;
}

async function createdFor(path: string, options: PushOptions): Promise<string> {
  if (options.created) return options.created;
  try {
    // The file's time, not "now": pushing the same file again gives the same manifest.
    return new Date(Math.floor((await stat(path)).mtimeMs / 1000) * 1000)
      .toISOString()
      .replace(/\.000Z$/, 'Z');
  } catch (err) {
    throw fileError(path, err);
  }
}

/** Blobs (or platform builds) sent at once: a registry takes a few uploads in parallel well. */
const BLOB_CONCURRENCY = 4;

/** Uploads the blobs side by side (as skopeo does): a manifest's config need not wait for its layer. */
async function pushBlobs(target: Target, blobs: Blob[], options: PushOptions): Promise<number> {
  const uploaded = await mapConcurrent(blobs, BLOB_CONCURRENCY, async (blob) => {
    const result = await target.pushBlob(blob, {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.mountFrom ? { mountFrom: options.mountFrom } : {}),
    });
    options.onProgress?.({
      step: 'oci.blob',
      level: 'debug',
      message: `${blob.digest} ${result.existed ? 'already there' : result.mounted ? 'mounted' : 'uploaded'} (${blob.size} bytes)`,
    });
    return result.uploadedBytes;
  });
  return uploaded.reduce((a, b) => a + b, 0);
}

/** What readies `target` for a push while a file is hashed (a registry's connection and token). */
function readyForPush(target: Target): (() => Promise<void>) | undefined {
  return target.prepareToPush?.bind(target);
}

/** Pushes a WebAssembly module or component as a CNCF wasm artifact. */
export async function pushWasm(
  target: Target,
  path: string,
  options: PushOptions = {},
): Promise<PushedArtifact> {
  const info = await detectWasm(path);
  if (!info)
    throw new OciError({
      code: 'INVALID_WASM',
      message: `${path}: not a WebAssembly module or component`,
    });
  const layerBlob = await blobFromFile(path, readyForPush(target));
  const created = await createdFor(path, options);
  const title = basename(path);
  const config: Record<string, unknown> = {
    created,
    architecture: 'wasm',
    os: info.os,
    layerDigests: [layerBlob.digest],
  };
  if (info.kind === 'component') {
    config.component = {
      imports: info.componentImports ?? [],
      exports: info.componentExports ?? [],
    };
  }
  const configBlob = blobFromBytes(encode(config));
  const layer: Descriptor = {
    mediaType: MediaType.WASM_LAYER,
    digest: layerBlob.digest,
    size: layerBlob.size,
    annotations: { [Annotation.TITLE]: title },
  };
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.OCI_MANIFEST,
    config: { mediaType: MediaType.WASM_CONFIG, digest: configBlob.digest, size: configBlob.size },
    layers: [layer],
    annotations: {
      [Annotation.CREATED]: created,
      [Annotation.TITLE]: title,
      ...options.annotations,
    },
  };
  const uploadedBytes = await pushBlobs(target, [configBlob, layerBlob], options);
  // Blobs first, manifest last: a manifest never points at a blob that is not there.
  const pushed = await target.pushManifest(encode(manifest), MediaType.OCI_MANIFEST, options.tag);
  return {
    target,
    descriptor: pushed.descriptor,
    ...(options.tag ? { tag: options.tag } : {}),
    layer,
    title,
    platform: { os: info.os, architecture: 'wasm' },
    uploadedBytes,
  };
}

/** Pushes any file as an artifact: artifactType, the empty config, one layer, a title. */
export async function pushFile(
  target: Target,
  path: string,
  options: PushOptions = {},
): Promise<PushedArtifact> {
  const layerBlob = await blobFromFile(path, readyForPush(target));
  const created = await createdFor(path, options);
  const title = basename(path);
  const layer: Descriptor = {
    mediaType: options.layerMediaType ?? layerTypeFor(title),
    digest: layerBlob.digest,
    size: layerBlob.size,
    annotations: { [Annotation.TITLE]: title },
  };
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.OCI_MANIFEST,
    artifactType: options.artifactType ?? DEFAULT_FILE_ARTIFACT_TYPE,
    config: EMPTY_CONFIG,
    layers: [layer],
    annotations: {
      [Annotation.CREATED]: created,
      [Annotation.TITLE]: title,
      ...options.annotations,
    },
  };
  const uploadedBytes = await pushBlobs(
    target,
    [blobFromBytes(EMPTY_CONFIG_BYTES), layerBlob],
    options,
  );
  const pushed = await target.pushManifest(encode(manifest), MediaType.OCI_MANIFEST, options.tag);
  return {
    target,
    descriptor: { ...pushed.descriptor, artifactType: manifest.artifactType! },
    ...(options.tag ? { tag: options.tag } : {}),
    layer,
    title,
    uploadedBytes,
  };
}

/** Pushes a wasm file with the wasm layout and anything else with `pushFile`. */
export async function pushArtifact(
  target: Target,
  path: string,
  options: PushOptions = {},
): Promise<PushedArtifact> {
  return (await detectWasm(path))
    ? pushWasm(target, path, options)
    : pushFile(target, path, options);
}

export interface PlatformFile {
  path: string;
  platform: Platform;
}

/** Pushes several platform builds of one program and groups them in an OCI index. */
export async function pushIndex(
  target: Target,
  files: readonly PlatformFile[],
  options: PushOptions = {},
): Promise<PushedArtifact> {
  const seen = new Set<string>();
  for (const f of files) {
    const key = formatPlatform(f.platform);
    if (seen.has(key))
      throw new OciError({
        code: 'INVALID_PLATFORM',
        message: `two files for platform ${key} (${f.path})`,
      });
    seen.add(key);
  }
  const { tag: _tag, ...rest } = options;
  const children = await mapConcurrent(files, BLOB_CONCURRENCY, async (file) => ({
    ...(await pushArtifact(target, file.path, rest)),
    platform: file.platform,
  }));
  const artifactTypes = new Set(children.map((c) => c.descriptor.artifactType));
  const index: ImageIndex = {
    schemaVersion: 2,
    mediaType: MediaType.OCI_INDEX,
    manifests: children.map((c) => ({
      ...c.descriptor,
      platform: c.platform!,
      ...(c.title ? { annotations: { [Annotation.TITLE]: c.title } } : {}),
    })),
    annotations: {
      ...(options.created ? { [Annotation.CREATED]: options.created } : {}),
      ...options.annotations,
    },
  };
  const [onlyType] = artifactTypes;
  if (artifactTypes.size === 1 && onlyType) index.artifactType = onlyType;
  const pushed = await target.pushManifest(encode(index), MediaType.OCI_INDEX, options.tag);
  return {
    target,
    descriptor: pushed.descriptor,
    ...(options.tag ? { tag: options.tag } : {}),
    children,
    uploadedBytes: children.reduce((n, c) => n + c.uploadedBytes, 0),
  };
}

/** A manifest already in a target that referrers can be attached to. */
export interface Subject {
  target: Target;
  descriptor: Descriptor;
}

export interface AttachOptions {
  /** `org.opencontainers.image.created` of the referrer (default: from the content, else now). */
  created?: string;
  annotations?: Record<string, string>;
  onProgress?: ProgressCallback;
}

/**
 * Pushes one referrer (empty config, one layer, subject) and records it: a registry with the
 * referrers API does that itself (it answers `OCI-Subject`), otherwise the referrers tag index
 * is updated.
 */
export async function attachReferrer(
  subject: Subject,
  content: Uint8Array,
  artifactType: string,
  annotations: Record<string, string>,
  options: AttachOptions = {},
): Promise<Descriptor> {
  const { target } = subject;
  const blob = blobFromBytes(content);
  await pushBlobs(target, [blobFromBytes(EMPTY_CONFIG_BYTES), blob], options);
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.OCI_MANIFEST,
    artifactType,
    config: EMPTY_CONFIG,
    layers: [{ mediaType: artifactType, digest: blob.digest, size: blob.size }],
    subject: {
      mediaType: subject.descriptor.mediaType,
      digest: subject.descriptor.digest,
      size: subject.descriptor.size,
    },
    annotations,
  };
  const pushed = await target.pushManifest(encode(manifest), MediaType.OCI_MANIFEST);
  const entry: Descriptor = { ...pushed.descriptor, artifactType, annotations };
  if (!pushed.subjectDigest) await addToReferrersIndex(target, subject.descriptor.digest, entry);
  return entry;
}

function toBytes(value: string | Uint8Array | object): Uint8Array {
  if (typeof value === 'string') return new TextEncoder().encode(value);
  if (value instanceof Uint8Array) return value;
  return encode(value);
}

/**
 * Attaches a Sigstore bundle as cosign v3 and actions/attest do: artifactType and layer the
 * bundle media type, annotations `dev.sigstore.bundle.content`, `.predicateType`, created.
 * The bundle's bytes are stored as given.
 */
export async function attachBundle(
  subject: Subject,
  bundle: string | Uint8Array | object,
  predicateType?: string,
  options: AttachOptions = {},
): Promise<Descriptor> {
  const bytes = toBytes(bundle);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch (err) {
    throw new OciError({
      code: 'INVALID_MANIFEST',
      message: `the bundle to attach is not JSON: ${(err as Error).message}`,
      cause: err,
    });
  }
  const facts = bundleFacts(parsed);
  const type = predicateType ?? facts.predicateType;
  const annotations: Record<string, string> = {
    [Annotation.BUNDLE_CONTENT]: facts.content,
    ...(type ? { [Annotation.BUNDLE_PREDICATE_TYPE]: type } : {}),
    [Annotation.CREATED]: options.created ?? facts.signedAt ?? new Date().toISOString(),
    ...options.annotations,
  };
  return attachReferrer(subject, bytes, facts.mediaType, annotations, options);
}

/** Attaches a CycloneDX SBOM (artifactType `application/vnd.cyclonedx+json`). */
export async function attachSbom(
  subject: Subject,
  sbom: string | Uint8Array | object,
  options: AttachOptions & { title?: string } = {},
): Promise<Descriptor> {
  const bytes = toBytes(sbom);
  let timestamp: string | undefined;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as {
      bomFormat?: string;
      metadata?: { timestamp?: string };
    };
    if (parsed.bomFormat !== 'CycloneDX') throw new Error('no "bomFormat": "CycloneDX"');
    timestamp = parsed.metadata?.timestamp;
  } catch (err) {
    throw new OciError({
      code: 'INVALID_MANIFEST',
      message: `the SBOM to attach is not CycloneDX JSON: ${(err as Error).message}`,
      cause: err,
    });
  }
  const annotations: Record<string, string> = {
    [Annotation.CREATED]: options.created ?? timestamp ?? new Date().toISOString(),
    ...(options.title ? { [Annotation.TITLE]: options.title } : {}),
    ...options.annotations,
  };
  return attachReferrer(subject, bytes, MediaType.CYCLONEDX_JSON, annotations, options);
}
