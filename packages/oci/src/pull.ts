import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  describeBundle,
  fileError,
  isSbomPredicateType,
  isSigstoreBundleMediaType,
  MediaType,
  PredicateType,
  type ProgressCallback,
  SBOM_FORMATS,
  Sidecar,
  writeFileAtomic,
} from '@build-artifact/core';
import { OciError } from './error.js';
import { formatPlatform } from './platform.js';
import { listReferrers } from './referrers.js';
import { checkBytes, descriptorDigest } from './registry.js';
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
  role: 'artifact' | 'config' | 'bundle' | 'sbom-bundle' | 'vsa-bundle' | 'sbom';
  /** The manifest this file belongs to (the subject, for referrers). */
  manifest: string;
}

export interface PullOptions {
  onProgress?: ProgressCallback;
  /** Also fetch the referrers (bundles, SBOM) of each manifest (default true). */
  referrers?: boolean;
}

/** A referrer `pull` did not write, and why. */
export interface SkippedReferrer {
  /** The referrer manifest. */
  digest: string;
  artifactType?: string;
  /** The manifest it refers to. */
  manifest: string;
  reason: string;
}

export interface PullResult {
  descriptor: Descriptor;
  files: PulledFile[];
  /**
   * Referrers left alone: of a type pull does not know, or not one manifest with a readable
   * layer. A known one that fails its digest check is an error, never a skip.
   */
  skipped: SkippedReferrer[];
}

/** Referrer content is read into memory: bundles and SBOMs are far smaller than this. */
const MAX_REFERRER_BYTES = 64 * 1024 * 1024;

/** An SBOM document's format, by the referrer's artifactType. */
function sbomFormatOfType(artifactType: string | undefined) {
  return Object.values(SBOM_FORMATS).find((f) => f.mediaType === artifactType);
}

/** The referrers pull writes out, as `fetchEvidence` picks bundles: Sigstore bundles, SBOMs. */
function isKnownReferrer(artifactType: string | undefined): boolean {
  return isSigstoreBundleMediaType(artifactType) || sbomFormatOfType(artifactType) !== undefined;
}

/** The file name a known referrer is written to beside its artifact. */
function referrerFileName(
  artifactName: string,
  entry: Descriptor,
  content: Uint8Array,
): { name: string; role: PulledFile['role'] } {
  const sbom = sbomFormatOfType(entry.artifactType);
  if (sbom) return { name: `${artifactName}${Sidecar[sbom.sidecar]}`, role: 'sbom' };
  // A Sigstore bundle: its predicate type says whether it attests an SBOM.
  let predicateType = entry.annotations?.[Annotation.BUNDLE_PREDICATE_TYPE];
  if (!predicateType) {
    try {
      predicateType = describeBundle(JSON.parse(new TextDecoder().decode(content))).predicateType;
    } catch {
      predicateType = undefined;
    }
  }
  // Any SBOM predicate, cosign's too: named as the provenance, it would take its place.
  const isSbom = isSbomPredicateType(predicateType);
  // A verifier's summary is not the provenance: under the provenance's name it could take its
  // place beside the artifact.
  if (predicateType === PredicateType.VERIFICATION_SUMMARY_V1)
    return { name: artifactName + Sidecar.VSA_BUNDLE, role: 'vsa-bundle' };
  return isSbom
    ? { name: artifactName + Sidecar.SBOM_BUNDLE, role: 'sbom-bundle' }
    : { name: artifactName + Sidecar.PROVENANCE, role: 'bundle' };
}

/** The layer a referrer keeps its content in, or why it has none to read. */
function referrerLayer(
  manifest: Manifest,
): { manifest: ImageManifest; layer: Descriptor } | { reason: string } {
  if (isIndex(manifest)) return { reason: 'it is an index, not a manifest with a layer' };
  if (!Array.isArray(manifest.layers) || manifest.layers.length === 0) {
    return { reason: 'its manifest has no layer' };
  }
  return { manifest, layer: manifest.layers[0]! };
}

/**
 * Fetches the one-layer content of a referrer manifest, checking every digest on the way.
 */
export async function fetchReferrer(
  target: Target,
  entry: Descriptor,
): Promise<{ manifest: ImageManifest; layer: Descriptor; content: Uint8Array }> {
  const found = referrerLayer((await readManifest(target, entry.digest)).manifest);
  if (!('layer' in found)) {
    throw new OciError({
      code: 'INVALID_MANIFEST',
      message: `referrer ${entry.digest} in ${target.display} has no layer`,
    });
  }
  const content = await target.fetchBlobBytes(found.layer);
  return { ...found, content };
}

/**
 * Pulls an artifact into `outputDir`: its file(s) under their titles, and its referrers beside
 * them under their sidecar names (`<file>.sigstore.json`, `.sbom.sigstore.json`,
 * `.vsa.sigstore.json`, `.cdx.json`, `.spdx.json`: core's `Sidecar`). Every blob
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
  const skipped: SkippedReferrer[] = [];
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

  const skip = (subject: Descriptor, entry: Descriptor, reason: string) => {
    skipped.push({
      digest: entry.digest,
      ...(entry.artifactType ? { artifactType: entry.artifactType } : {}),
      manifest: subject.digest,
      reason,
    });
    options.onProgress?.({
      step: 'oci.pull',
      message: `skipped referrer ${entry.digest} (${entry.artifactType ?? 'no artifactType'}): ${reason}`,
    });
  };

  const pullReferrers = async (subject: Descriptor, artifactName: string) => {
    if (options.referrers === false) return;
    for (const entry of await listReferrers(target, subject.digest)) {
      // Other tools attach their own referrers (signatures, scan reports, indexes of them):
      // one that pull cannot read must not cost the user the artifact and the ones it can.
      if (!isKnownReferrer(entry.artifactType)) {
        skip(
          subject,
          entry,
          entry.artifactType
            ? `artifactType ${entry.artifactType} is not a Sigstore bundle nor a CycloneDX or SPDX SBOM`
            : 'it has no artifactType',
        );
        continue;
      }
      if (
        entry.mediaType === MediaType.OCI_INDEX ||
        entry.mediaType === MediaType.DOCKER_MANIFEST_LIST
      ) {
        skip(subject, entry, 'it is an index, not a manifest with a layer');
        continue;
      }
      // Digest checked on reading: a known referrer whose bytes do not match fails the pull.
      const digest = descriptorDigest(entry, `the referrers of ${subject.digest}`);
      const found = referrerLayer((await readManifest(target, digest)).manifest);
      if (!('layer' in found)) {
        skip(subject, entry, found.reason);
        continue;
      }
      const { layer } = found;
      if (layer.size > MAX_REFERRER_BYTES) {
        skip(
          subject,
          entry,
          `its layer is ${layer.size} bytes, more than the ${MAX_REFERRER_BYTES} pull reads`,
        );
        continue;
      }
      const content = await target.fetchBlobBytes(layer, MAX_REFERRER_BYTES);
      const known = referrerFileName(artifactName, entry, content);
      const name = claim(known.name);
      const path = join(outputDir, name);
      await writeFileAtomic(path, content);
      files.push({
        path,
        digest: layer.digest,
        size: layer.size,
        role: known.role,
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
      const read = await readManifest(target, descriptorDigest(child, `index ${reference}`));
      if (isIndex(read.manifest)) continue;
      // The platform comes from the registry: keep only [A-Za-z0-9._-], or a `\` (a separator
      // on Windows) with `..` would lead out of the output folder.
      const hint = child.platform
        ? `artifact-${formatPlatform(child.platform).replace(/[^A-Za-z0-9._-]/g, '-')}`
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
  return { descriptor: top.descriptor, files, skipped };
}
