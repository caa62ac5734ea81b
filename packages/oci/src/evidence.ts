import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CoreError,
  checkPayloadDepth,
  type Evidence,
  isSigstoreBundleMediaType,
  parseJson,
} from '@build-artifact/core';
import { OciError } from './error.js';
import { type OpenTargetOptions, openTarget } from './open.js';
import { formatPlatform } from './platform.js';
import { fetchReferrer, isIndex, readManifest } from './pull.js';
import { formatReference, parseReference, type Reference } from './reference.js';
import { listReferrers } from './referrers.js';
import { descriptorDigest } from './registry.js';
import { Annotation, type Descriptor, type Platform } from './types.js';

/** What verifying an OCI artifact needs: the file, its digests, and its attached bundles. */
export interface FetchedArtifact {
  /** The artifact file's descriptor (the layer): statements about the file name its digest. */
  subject: { digest: string; mediaType: string; size: number };
  /**
   * The manifest's digest, then the index's above it when the reference named an index: what
   * `actions/attest` and `gh attestation verify` name as an image's subject.
   */
  manifestDigests: string[];
  /** The artifact pulled to a local file (digest checked while writing). */
  artifactPath: string;
  /** Every Sigstore bundle attached to the manifest and to the index above it. */
  bundles: Evidence[];
}

export interface FetchEvidenceOptions extends OpenTargetOptions {
  /**
   * Folder the artifact file is written into (a fresh subfolder per call); default a temporary
   * folder removed when the process exits.
   */
  directory?: string;
  /** Which manifest of an index to take; default the host's os/architecture. */
  platform?: Platform;
}

// Node's names where Go's (and so OCI's) differ. Node calls little-endian POWER `ppc64`, as
// on Linux; AIX, big-endian, is Go's `ppc64`.
const NODE_ARCH: Record<string, string> = {
  x64: 'amd64',
  ia32: '386',
  mipsel: 'mipsle',
  ppc64: 'ppc64le',
};

/** The running process's platform in OCI terms (`linux/amd64`, `windows/arm64`, ...). */
export function hostPlatform(
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): Platform {
  return {
    os: platform === 'win32' ? 'windows' : platform,
    architecture: platform === 'aix' ? arch : (NODE_ARCH[arch] ?? arch),
  };
}

function pickChild(manifests: Descriptor[], platform: Platform, ref: string): Descriptor {
  if (manifests.length === 1) return manifests[0]!;
  const match = manifests.find(
    (m) =>
      m.platform?.os === platform.os &&
      m.platform.architecture === platform.architecture &&
      (!platform.variant || m.platform.variant === platform.variant),
  );
  if (match) return match;
  const listed = manifests
    .map((m) => (m.platform ? formatPlatform(m.platform) : m.digest))
    .join(', ');
  throw new OciError({
    code: 'NOT_FOUND',
    message: `${ref} is an index of ${listed}; none is for ${formatPlatform(platform)}: name one by digest (oci://...@sha256:...)`,
  });
}

// One temporary root per process, removed at exit: the verifier reads the file after this
// returns, so it cannot be removed any earlier.
let tempRoot: string | undefined;
async function artifactDir(directory: string | undefined): Promise<string> {
  if (directory) {
    await mkdir(directory, { recursive: true });
    return mkdtempSync(join(directory, 'a-'));
  }
  if (!tempRoot) {
    tempRoot = mkdtempSync(join(tmpdir(), 'attest-oci-'));
    const root = tempRoot;
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  }
  return mkdtempSync(join(tempRoot, 'a-'));
}

/**
 * Pulls what verifying an `oci://` or `oci-layout:` artifact needs: its one layer to a local
 * file (digest checked), the layer's descriptor as subject, and every Sigstore bundle attached
 * as a referrer to its manifest and, for an index, to the index above it. An index resolves to
 * the manifest for `options.platform` (default the host's).
 */
export async function fetchEvidence(
  reference: Reference | string,
  options: FetchEvidenceOptions = {},
): Promise<FetchedArtifact> {
  const ref = typeof reference === 'string' ? parseReference(reference) : reference;
  const refText = typeof reference === 'string' ? reference : formatReference(reference);
  const { directory, platform, ...open } = options;
  const target = openTarget(ref, open);
  const top = await readManifest(target, ref.digest ?? ref.tag ?? 'latest');
  const subjects: Descriptor[] = [top.descriptor];
  let manifest = top.manifest;
  if (isIndex(manifest)) {
    const child = pickChild(manifest.manifests, platform ?? hostPlatform(), refText);
    const read = await readManifest(target, descriptorDigest(child, `index ${refText}`));
    if (isIndex(read.manifest)) {
      throw new OciError({
        code: 'INVALID_MANIFEST',
        message: `${refText}: nested indexes are not supported`,
      });
    }
    manifest = read.manifest;
    subjects.unshift(read.descriptor);
  }
  if (manifest.layers.length !== 1) {
    throw new OciError({
      code: 'INVALID_MANIFEST',
      message: `${refText}: expected an artifact with one layer, found ${manifest.layers.length}`,
    });
  }
  const layer = manifest.layers[0]!;
  // The title comes from the registry: keep it one plain file name inside our folder.
  const title = layer.annotations?.[Annotation.TITLE]?.replace(/[/\\]/g, '_') || 'artifact';
  const artifactPath = join(
    await artifactDir(directory),
    title === '.' || title === '..' ? 'artifact' : title,
  );
  await target.fetchBlobToFile(layer, artifactPath);
  const bundles: Evidence[] = [];
  const { tag: _tag, ...base } = ref;
  for (const subject of subjects) {
    for (const entry of await listReferrers(target, subject.digest)) {
      if (!isSigstoreBundleMediaType(entry.artifactType)) continue;
      descriptorDigest(entry, `the referrers of ${subject.digest}`);
      let content: Uint8Array;
      try {
        ({ content } = await fetchReferrer(target, entry));
      } catch (err) {
        // Not a bundle at all (an index, a manifest without a layer): not evidence, and not a
        // reason to stop reading the others. Content that fails its digest still stops it.
        if (err instanceof OciError && err.code === 'INVALID_MANIFEST') continue;
        throw err;
      }
      const source = formatReference({ ...base, digest: entry.digest });
      let json: unknown;
      try {
        // Depth-checked, its DSSE payload too: the same limits as a bundle file's.
        json = parseJson(new TextDecoder().decode(content), source);
        checkPayloadDepth(json, source);
      } catch (err) {
        throw new OciError({
          code: 'INVALID_MANIFEST',
          message:
            err instanceof CoreError && err.code === 'INVALID_JSON'
              ? `bundle ${entry.digest} attached to ${refText} is not JSON`
              : (err as Error).message,
          cause: err,
        });
      }
      bundles.push({ source, json });
    }
  }
  return {
    subject: { digest: layer.digest, mediaType: layer.mediaType, size: layer.size },
    manifestDigests: subjects.map((s) => s.digest),
    artifactPath,
    bundles,
  };
}
