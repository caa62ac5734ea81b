import { digestBytes, MediaType, parseJson } from '@build-artifact/core';
import { type Blob, blobFromBytes } from './blob.js';
import { OciError } from './error.js';
import { isIndex } from './pull.js';
import type { ArtifactPlan } from './push.js';
import { Annotation, type ImageManifest, type Manifest } from './types.js';

/** The version of the plan file: a manifest to push as it is, with its small blobs. */
const PLAN_FORMAT = 'build-artifact.oci-plan.v1';

interface PlanFile {
  format: typeof PLAN_FORMAT;
  /** The manifest's exact bytes, base64: its digest is what the statements signed. */
  manifest: string;
  /** Blobs held in memory (configs), base64; the layer is the artifact file itself. */
  blobs: { digest: string; data: string }[];
}

/**
 * A planned single-file artifact as text, for another job to push exactly as planned: the
 * manifest's bytes and the blobs that are not the file itself.
 */
export function serializePlan(plan: ArtifactPlan): string {
  if (plan.children)
    throw new OciError({
      code: 'INVALID_MANIFEST',
      message: 'an index plan is not written to a file',
    });
  const file: PlanFile = {
    format: PLAN_FORMAT,
    manifest: Buffer.from(plan.bytes).toString('base64'),
    blobs: plan.blobs.flatMap((b) =>
      'data' in b.source
        ? [{ digest: b.digest, data: Buffer.from(b.source.data).toString('base64') }]
        : [],
    ),
  };
  return `${JSON.stringify(file)}\n`;
}

/**
 * Reads a plan written by `serializePlan` for the artifact at `path` whose digest is `digest`:
 * the manifest must have one layer, that file's digest, and every other blob it names must be
 * in the plan with the right content. Nothing in it is trusted beyond what is checked here;
 * the manifest's own digest is what the signed statements name.
 */
export function parsePlan(
  text: string,
  path: string,
  digest: string,
  source: string,
): ArtifactPlan {
  const bad = (why: string): never => {
    throw new OciError({ code: 'INVALID_MANIFEST', message: `${source}: ${why}` });
  };
  let file: PlanFile;
  try {
    file = parseJson(text, source) as PlanFile;
  } catch (err) {
    // parseJson's message names the source already.
    throw new OciError({ code: 'INVALID_MANIFEST', message: (err as Error).message, cause: err });
  }
  if (
    file?.format !== PLAN_FORMAT ||
    typeof file.manifest !== 'string' ||
    !Array.isArray(file.blobs)
  )
    bad(`not a ${PLAN_FORMAT} plan`);
  const bytes = Buffer.from(file.manifest, 'base64');
  let manifest: Manifest;
  try {
    manifest = parseJson(bytes.toString('utf8'), `${source}: its manifest`) as Manifest;
  } catch (err) {
    throw new OciError({ code: 'INVALID_MANIFEST', message: (err as Error).message, cause: err });
  }
  if (
    typeof manifest !== 'object' ||
    manifest === null ||
    isIndex(manifest) ||
    !Array.isArray(manifest.layers) ||
    manifest.layers.length !== 1
  )
    bad('its manifest must have exactly one layer');
  const m = manifest as ImageManifest;
  const layer = m.layers[0];
  if (typeof layer !== 'object' || layer === null || !Number.isSafeInteger(layer.size))
    return bad('its layer is not a descriptor with a size');
  if (layer.digest !== digest) bad(`its layer is ${layer.digest}, but ${path} is ${digest}`);
  if (typeof m.config !== 'object' || m.config === null) return bad('its manifest has no config');
  const blobs: Blob[] = [];
  for (const b of file.blobs) {
    const data = Buffer.from(String(b?.data ?? ''), 'base64');
    const blob = blobFromBytes(data);
    if (blob.digest !== b?.digest) bad(`blob ${String(b?.digest)} does not match its content`);
    blobs.push(blob);
  }
  if (!blobs.some((b) => b.digest === m.config.digest)) bad('its config blob is missing');
  blobs.push({ digest: layer.digest, size: layer.size, source: { path } });
  return {
    descriptor: {
      mediaType: m.mediaType ?? MediaType.OCI_MANIFEST,
      digest: `sha256:${digestBytes(bytes)}`,
      size: bytes.length,
      ...(m.artifactType ? { artifactType: m.artifactType } : {}),
    },
    bytes,
    blobs,
    layer,
    ...(layer.annotations?.[Annotation.TITLE]
      ? { title: layer.annotations[Annotation.TITLE] }
      : {}),
  };
}
