import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  fileError,
  MediaType,
  PredicateType,
  type ProgressCallback,
  writeFileAtomic,
} from '@build-artifact/core';
import { bundleFacts } from './annotations.js';
import { OciError } from './error.js';
import { formatPlatform } from './platform.js';
import { listReferrers } from './referrers.js';
import { checkBytes } from './registry.js';
import type { Target } from './target.js';
import {
  Annotation,
  type Descriptor,
  type ImageIndex,
  type ImageManifest,
  type Manifest,
} from './types.js';

export interface ReadManifest {
  descriptor: Descriptor;
  manifest: Manifest;
  bytes: Uint8Array;
}

/** Fetches and decodes a manifest or index by tag or digest (digest checked). */
export async function readManifest(target: Target, reference: string): Promise<ReadManifest> {
  const found = await target.fetchManifest(reference);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(found.bytes)) as Manifest;
  } catch {
    throw new OciError({
      code: 'INVALID_MANIFEST',
      message: `manifest ${reference} in ${target.display} is not JSON`,
    });
  }
  if (manifest.schemaVersion !== 2) {
    throw new OciError({
      code: 'INVALID_MANIFEST',
      message: `manifest ${reference} in ${target.display} has schemaVersion ${String(manifest.schemaVersion)}, not 2`,
    });
  }
  const isIndex = Array.isArray((manifest as ImageIndex).manifests);
  const mediaType = manifest.mediaType ?? (isIndex ? MediaType.OCI_INDEX : MediaType.OCI_MANIFEST);
  const descriptor: Descriptor = { ...found.descriptor, mediaType };
  if (manifest.artifactType) descriptor.artifactType = manifest.artifactType;
  return { descriptor, manifest, bytes: found.bytes };
}

export function isIndex(manifest: Manifest): manifest is ImageIndex {
  return Array.isArray((manifest as ImageIndex).manifests);
}

/** A file name from an annotation, reduced to a safe base name (no directories, no `..`). */
function safeName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const name = basename(value.replaceAll('\\', '/'));
  return name === '' || name === '.' || name === '..' ? undefined : name;
}

export interface PulledFile {
  path: string;
  digest: string;
  size: number;
  role: 'artifact' | 'config' | 'bundle' | 'sbom-bundle' | 'sbom' | 'referrer';
  /** The manifest this file belongs to (the subject, for referrers). */
  manifest: string;
}

export interface PullOptions {
  onProgress?: ProgressCallback;
  /** Also fetch the referrers (bundles, SBOM) of each manifest (default true). */
  referrers?: boolean;
}

export interface PullResult {
  descriptor: Descriptor;
  files: PulledFile[];
}

/** Which file name a referrer is written to beside its artifact, if it is one we know. */
function referrerFileName(
  artifactName: string,
  entry: Descriptor,
  content: Uint8Array,
): { name: string; role: PulledFile['role'] } | undefined {
  const type = entry.artifactType ?? '';
  if (type.startsWith('application/vnd.dev.sigstore.bundle')) {
    let predicateType = entry.annotations?.[Annotation.BUNDLE_PREDICATE_TYPE];
    if (!predicateType) {
      try {
        predicateType = bundleFacts(JSON.parse(new TextDecoder().decode(content))).predicateType;
      } catch {
        predicateType = undefined;
      }
    }
    const isSbom =
      predicateType === PredicateType.CYCLONEDX_BOM ||
      predicateType?.startsWith('https://spdx.dev/');
    return isSbom
      ? { name: `${artifactName}.sbom.sigstore.json`, role: 'sbom-bundle' }
      : { name: `${artifactName}.sigstore.json`, role: 'bundle' };
  }
  if (type === MediaType.CYCLONEDX_JSON) return { name: `${artifactName}.cdx.json`, role: 'sbom' };
  return undefined;
}

/**
 * Fetches the one-layer content of a referrer manifest, checking every digest on the way.
 */
export async function fetchReferrer(
  target: Target,
  entry: Descriptor,
): Promise<{ manifest: ImageManifest; layer: Descriptor; content: Uint8Array }> {
  const { manifest } = await readManifest(target, entry.digest);
  if (isIndex(manifest) || !Array.isArray(manifest.layers) || manifest.layers.length === 0) {
    throw new OciError({
      code: 'INVALID_MANIFEST',
      message: `referrer ${entry.digest} in ${target.display} has no layer`,
    });
  }
  const layer = manifest.layers[0]!;
  const content = await target.fetchBlobBytes(layer);
  return { manifest, layer, content };
}

/**
 * Pulls an artifact into `outputDir`: its file(s) under their titles, and its referrers beside
 * them (`<file>.sigstore.json`, `<file>.sbom.sigstore.json`, `<file>.cdx.json`). Every blob
 * and manifest is checked against its digest before it is written; files appear atomically.
 */
export async function pull(
  target: Target,
  reference: string,
  outputDir: string,
  options: PullOptions = {},
): Promise<PullResult> {
  try {
    await mkdir(outputDir, { recursive: true });
  } catch (err) {
    throw fileError(outputDir, err);
  }
  const top = await readManifest(target, reference);
  const files: PulledFile[] = [];
  const used = new Set<string>();
  const claim = (name: string): string => {
    let candidate = name;
    for (let i = 2; used.has(candidate); i++) {
      const dot = name.indexOf('.');
      candidate = dot > 0 ? `${name.slice(0, dot)}-${i}${name.slice(dot)}` : `${name}-${i}`;
    }
    used.add(candidate);
    return candidate;
  };
  const fallbackName = (descriptor: Descriptor) =>
    `artifact-${descriptor.digest.slice(7, 19)}${descriptor.mediaType === MediaType.WASM_LAYER ? '.wasm' : ''}`;

  const pullReferrers = async (subject: Descriptor, artifactName: string) => {
    if (options.referrers === false) return;
    for (const entry of await listReferrers(target, subject.digest)) {
      const { layer, content } = await fetchReferrer(target, entry);
      const known = referrerFileName(artifactName, entry, content);
      const name = claim(known?.name ?? `${artifactName}.${entry.digest.slice(7, 19)}.referrer`);
      const path = join(outputDir, name);
      await writeFileAtomic(path, content);
      files.push({
        path,
        digest: layer.digest,
        size: layer.size,
        role: known?.role ?? 'referrer',
        manifest: subject.digest,
      });
      options.onProgress?.({
        step: 'oci.pull',
        message: `${name} (${entry.artifactType ?? 'referrer'})`,
      });
    }
  };

  const pullManifest = async (
    descriptor: Descriptor,
    manifest: ImageManifest,
    nameHint?: string,
  ) => {
    if (!Array.isArray(manifest.layers) || !manifest.config) {
      throw new OciError({
        code: 'INVALID_MANIFEST',
        message: `manifest ${descriptor.digest} in ${target.display} has no config or layers`,
      });
    }
    // The config is checked too (it is a blob of the artifact), though not written.
    const config = await target.fetchBlobBytes(manifest.config, 4 * 1024 * 1024);
    checkBytes(config, manifest.config, `config of ${descriptor.digest}`);
    let firstName: string | undefined;
    for (const layer of manifest.layers) {
      const name = claim(
        safeName(layer.annotations?.[Annotation.TITLE]) ??
          (manifest.layers.length === 1
            ? safeName(manifest.annotations?.[Annotation.TITLE])
            : undefined) ??
          nameHint ??
          fallbackName(layer),
      );
      firstName ??= name;
      const path = join(outputDir, name);
      await target.fetchBlobToFile(layer, path);
      files.push({
        path,
        digest: layer.digest,
        size: layer.size,
        role: 'artifact',
        manifest: descriptor.digest,
      });
      options.onProgress?.({
        step: 'oci.pull',
        message: `${name} (${layer.size} bytes, ${layer.digest})`,
      });
    }
    await pullReferrers(descriptor, firstName ?? nameHint ?? fallbackName(descriptor));
  };

  if (isIndex(top.manifest)) {
    for (const child of top.manifest.manifests) {
      const read = await readManifest(target, child.digest);
      if (isIndex(read.manifest)) continue;
      const hint = child.platform
        ? `artifact-${formatPlatform(child.platform).replaceAll('/', '-')}`
        : undefined;
      await pullManifest(
        read.descriptor,
        read.manifest,
        safeName(child.annotations?.[Annotation.TITLE]) ?? hint,
      );
    }
    await pullReferrers(
      top.descriptor,
      safeName(top.manifest.annotations?.[Annotation.TITLE]) ?? 'index',
    );
  } else {
    await pullManifest(top.descriptor, top.manifest);
  }
  return { descriptor: top.descriptor, files };
}
