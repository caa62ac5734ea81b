import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  describeBundle,
  digestBytes,
  fileError,
  MediaType,
  mapConcurrent,
  type ProgressCallback,
  SBOM_FORMATS,
  sbomFormatOf,
} from '@build-artifact/core';
import { type Blob, blobFromBytes, blobFromFile, blobFromKnownFile } from './blob.js';
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

/**
 * An artifact ready to push: its manifest's exact bytes (so its digest is known before anything
 * is sent, and a statement signed earlier can name it), and the blobs the manifest needs.
 */
export interface ArtifactPlan {
  /** The manifest's (or index's) descriptor: digest, size and media type of `bytes`. */
  descriptor: Descriptor;
  bytes: Uint8Array;
  /** Config and layer blobs (an index's come from its children). */
  blobs: Blob[];
  /** The file's layer (single-file artifacts). */
  layer?: Descriptor;
  title?: string;
  platform?: Platform;
  /** The platform manifests of an index. */
  children?: ArtifactPlan[];
}

/** Where a file's layer comes from: its path, and its digest when already known (not hashed again). */
export interface PlanFile {
  path: string;
  /** `sha256:hex` of the file, when the caller hashed it already. */
  digest?: string;
}

function plan(
  manifest: ImageManifest | ImageIndex,
  blobs: Blob[],
  extra: Omit<ArtifactPlan, 'descriptor' | 'bytes' | 'blobs'>,
): ArtifactPlan {
  const bytes = encode(manifest);
  const descriptor: Descriptor = {
    mediaType: manifest.mediaType,
    digest: `sha256:${digestBytes(bytes)}`,
    size: bytes.length,
    ...(manifest.artifactType ? { artifactType: manifest.artifactType } : {}),
  };
  return { descriptor, bytes, blobs, ...extra };
}

async function layerBlob(file: PlanFile, meanwhile?: () => Promise<void>): Promise<Blob> {
  return file.digest
    ? blobFromKnownFile(file.path, file.digest)
    : blobFromFile(file.path, meanwhile);
}

/** Plans a WebAssembly module or component as a CNCF wasm artifact. */
export async function planWasm(
  file: PlanFile | string,
  options: PushOptions = {},
  meanwhile?: () => Promise<void>,
): Promise<ArtifactPlan> {
  const f = typeof file === 'string' ? { path: file } : file;
  const info = await detectWasm(f.path);
  if (!info)
    throw new OciError({
      code: 'INVALID_WASM',
      message: `${f.path}: not a WebAssembly module or component`,
    });
  const layerBlobValue = await layerBlob(f, meanwhile);
  const created = await createdFor(f.path, options);
  const title = basename(f.path);
  const config: Record<string, unknown> = {
    created,
    architecture: 'wasm',
    os: info.os,
    layerDigests: [layerBlobValue.digest],
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
    digest: layerBlobValue.digest,
    size: layerBlobValue.size,
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
  return plan(manifest, [configBlob, layerBlobValue], {
    layer,
    title,
    platform: { os: info.os, architecture: 'wasm' },
  });
}

/** Plans any file as an artifact: artifactType, the empty config, one layer, a title. */
export async function planFile(
  file: PlanFile | string,
  options: PushOptions = {},
  meanwhile?: () => Promise<void>,
): Promise<ArtifactPlan> {
  const f = typeof file === 'string' ? { path: file } : file;
  const layerBlobValue = await layerBlob(f, meanwhile);
  const created = await createdFor(f.path, options);
  const title = basename(f.path);
  const layer: Descriptor = {
    mediaType: options.layerMediaType ?? layerTypeFor(title),
    digest: layerBlobValue.digest,
    size: layerBlobValue.size,
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
  return plan(manifest, [blobFromBytes(EMPTY_CONFIG_BYTES), layerBlobValue], { layer, title });
}

/** Plans a wasm file with the wasm layout and anything else with `planFile`. */
export async function planArtifact(
  file: PlanFile | string,
  options: PushOptions = {},
  meanwhile?: () => Promise<void>,
): Promise<ArtifactPlan> {
  const path = typeof file === 'string' ? file : file.path;
  return (await detectWasm(path))
    ? planWasm(file, options, meanwhile)
    : planFile(file, options, meanwhile);
}

export interface PlatformFile extends PlanFile {
  platform: Platform;
}

/** Plans several platform builds of one program grouped in an OCI index. */
export async function planIndex(
  files: readonly PlatformFile[],
  options: PushOptions = {},
  meanwhile?: () => Promise<void>,
): Promise<ArtifactPlan> {
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
  const started = meanwhile?.();
  const children = await mapConcurrent(files, BLOB_CONCURRENCY, async (file) => ({
    ...(await planArtifact(file, options)),
    platform: file.platform,
  }));
  await started;
  return indexOf(children, options);
}

/** The index over planned platform manifests. */
export function indexOf(children: ArtifactPlan[], options: PushOptions = {}): ArtifactPlan {
  const artifactTypes = new Set(children.map((c) => c.descriptor.artifactType));
  const index: ImageIndex = {
    schemaVersion: 2,
    mediaType: MediaType.OCI_INDEX,
    manifests: children.map((c) => ({
      ...c.descriptor,
      ...(c.platform ? { platform: c.platform } : {}),
      ...(c.title ? { annotations: { [Annotation.TITLE]: c.title } } : {}),
    })),
    annotations: {
      ...(options.created ? { [Annotation.CREATED]: options.created } : {}),
      ...options.annotations,
    },
  };
  const [onlyType] = artifactTypes;
  if (artifactTypes.size === 1 && onlyType) index.artifactType = onlyType;
  return plan(index, [], { children });
}

export interface PushPlanOptions {
  tag?: string;
  mountFrom?: readonly string[];
  onProgress?: ProgressCallback;
}

/**
 * Pushes a planned artifact: blobs first, manifest last, so a manifest never points at a blob
 * that is not there; an index after all its platform manifests. The manifest bytes are the
 * plan's, so its digest is the one planned.
 */
export async function pushPlan(
  target: Target,
  artifact: ArtifactPlan,
  options: PushPlanOptions = {},
): Promise<PushedArtifact> {
  const children = artifact.children
    ? await mapConcurrent(artifact.children, BLOB_CONCURRENCY, (c) =>
        pushPlan(target, c, { ...options, tag: undefined }),
      )
    : undefined;
  const uploadedBytes =
    (await pushBlobs(target, artifact.blobs, options)) +
    (children ?? []).reduce((n, c) => n + c.uploadedBytes, 0);
  const pushed = await target.pushManifest(
    artifact.bytes,
    artifact.descriptor.mediaType,
    options.tag,
  );
  if (pushed.descriptor.digest !== artifact.descriptor.digest)
    throw new OciError({
      code: 'INVALID_MANIFEST',
      message: `${target.display}: stored the manifest as ${pushed.descriptor.digest}, planned ${artifact.descriptor.digest}`,
    });
  return {
    target,
    descriptor: artifact.descriptor,
    ...(options.tag ? { tag: options.tag } : {}),
    ...(artifact.layer ? { layer: artifact.layer } : {}),
    ...(artifact.title ? { title: artifact.title } : {}),
    ...(artifact.platform ? { platform: artifact.platform } : {}),
    ...(children ? { children } : {}),
    uploadedBytes,
  };
}

/** Pushes a WebAssembly module or component as a CNCF wasm artifact. */
export async function pushWasm(
  target: Target,
  path: string,
  options: PushOptions = {},
): Promise<PushedArtifact> {
  return pushPlan(target, await planWasm(path, options, readyForPush(target)), options);
}

/** Pushes any file as an artifact: artifactType, the empty config, one layer, a title. */
export async function pushFile(
  target: Target,
  path: string,
  options: PushOptions = {},
): Promise<PushedArtifact> {
  return pushPlan(target, await planFile(path, options, readyForPush(target)), options);
}

/** Pushes a wasm file with the wasm layout and anything else with `pushFile`. */
export async function pushArtifact(
  target: Target,
  path: string,
  options: PushOptions = {},
): Promise<PushedArtifact> {
  return pushPlan(target, await planArtifact(path, options, readyForPush(target)), options);
}

/** Pushes several platform builds of one program and groups them in an OCI index. */
export async function pushIndex(
  target: Target,
  files: readonly PlatformFile[],
  options: PushOptions = {},
): Promise<PushedArtifact> {
  return pushPlan(target, await planIndex(files, options, readyForPush(target)), options);
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
  const facts = describeBundle(parsed);
  const type = predicateType ?? facts.predicateType;
  const annotations: Record<string, string> = {
    [Annotation.BUNDLE_CONTENT]:
      facts.content === 'dsse-envelope' ? 'dsse-envelope' : 'message-signature',
    ...(type ? { [Annotation.BUNDLE_PREDICATE_TYPE]: type } : {}),
    [Annotation.CREATED]: options.created ?? facts.signedAt ?? new Date().toISOString(),
    ...options.annotations,
  };
  return attachReferrer(subject, bytes, facts.mediaType, annotations, options);
}

/** Attaches an SBOM: CycloneDX (`application/vnd.cyclonedx+json`) or SPDX (`application/spdx+json`). */
export async function attachSbom(
  subject: Subject,
  sbom: string | Uint8Array | object,
  options: AttachOptions & { title?: string } = {},
): Promise<Descriptor> {
  const bytes = toBytes(sbom);
  let kind: ReturnType<typeof sbomFormatOf>;
  try {
    kind = sbomFormatOf(JSON.parse(new TextDecoder().decode(bytes)));
    if (!kind) throw new Error('neither CycloneDX ("bomFormat") nor SPDX 2 ("spdxVersion")');
  } catch (err) {
    throw new OciError({
      code: 'INVALID_MANIFEST',
      message: `the SBOM to attach is not CycloneDX or SPDX JSON: ${(err as Error).message}`,
      cause: err,
    });
  }
  const annotations: Record<string, string> = {
    [Annotation.CREATED]: options.created ?? kind.created ?? new Date().toISOString(),
    ...(options.title ? { [Annotation.TITLE]: options.title } : {}),
    ...options.annotations,
  };
  return attachReferrer(subject, bytes, SBOM_FORMATS[kind.format].mediaType, annotations, options);
}
