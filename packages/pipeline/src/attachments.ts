import { join } from 'node:path';
import {
  EVIDENCE_SIDECARS,
  fileError,
  isSigstoreBundleMediaType,
  parseJsonDocuments,
  readRegularFileText,
  Sidecar,
  sbomFormatOf,
  unwrapAttestationRecord,
} from '@build-artifact/core';
import type { ArtifactPlan } from '@build-artifact/oci';
import { PipelineError } from './errors.js';
import {
  type Attachment,
  type PlannableArtifact,
  type PublishPlan,
  type PublishTarget,
  tagFor,
} from './publish.js';

const invalid = (message: string) => new PipelineError({ code: 'INVALID_REQUEST', message });

/** An attestation file is at most this big (as `attest verify` reads evidence). */
const MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024;

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readRegularFileText(path, { maxBytes: MAX_ATTACHMENT_BYTES, what: 'attestation' });
  } catch (err) {
    if ((err as { code?: string }).code === 'FILE_NOT_FOUND') return undefined;
    throw err;
  }
}

const isBundle = (json: unknown) =>
  isSigstoreBundleMediaType((json as { mediaType?: unknown } | null)?.mediaType);

/**
 * Reads attestations to attach: one CycloneDX SBOM, or Sigstore bundles (one JSON document, or
 * JSON lines of them as gh writes), each checked to be what it claims before anything is pushed.
 */
function attachments(
  path: string,
  text: string,
  kind: 'bundle' | 'sbom',
  artifact?: string,
): Attachment[] {
  if (kind === 'sbom') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw invalid(`${path}: not JSON (${(err as Error).message})`);
    }
    if (!sbomFormatOf(json))
      throw invalid(
        `${path}: not an SBOM (neither CycloneDX's "bomFormat" nor SPDX 2's "spdxVersion")`,
      );
    return [{ kind, source: path, bytes: text, json, ...(artifact ? { artifact } : {}) }];
  }
  // As attest verify --bundle reads them: one document or JSON lines, attestation API records
  // unwrapped. What goes to the registry is the bundle's own JSON.
  return parseJsonDocuments(text, path).map((doc) => {
    const json = unwrapAttestationRecord(doc.json);
    if (!isBundle(json))
      throw invalid(
        `${doc.source}: not a Sigstore bundle (no "mediaType": "application/vnd.dev.sigstore.bundle...")`,
      );
    const whole = doc.source === path ? text : doc.text;
    return {
      kind,
      source: doc.source,
      bytes: json === doc.json ? whole : JSON.stringify(json),
      json,
    };
  });
}

/**
 * Where an artifact's sidecars are: beside its file, or in a flat `directory` under its subject
 * name (a `/` in it as `_`). The one rule for those who write sidecars and those who read them.
 */
export function sidecarBase(artifact: { name: string; path: string }, directory?: string): string;
export function sidecarBase(
  artifact: { name: string; path?: string },
  directory?: string,
): string | undefined;
export function sidecarBase(
  artifact: { name: string; path?: string },
  directory?: string,
): string | undefined {
  return directory ? join(directory, artifact.name.replace(/\//g, '_')) : artifact.path;
}

/** Attestation files to attach when publishing. */
export interface AttachmentFiles {
  /** Bundle files (one JSON document or JSON lines), attached by the digests they name. */
  bundles?: readonly string[];
  /** SBOM documents. */
  sboms?: readonly string[];
  /** Artifacts whose sidecars (bundles, SBOM) are read when present. */
  beside?: readonly { name: string; path: string }[];
  /** Where the sidecars are, when not beside the artifacts (a flat folder). */
  directory?: string;
}

/**
 * Reads attestations to attach, each checked to be what it claims before anything is pushed:
 * the files named, then the sidecars of each artifact (`Sidecar` names) found beside it or in
 * `directory`. A file named but absent is an error; an absent sidecar is skipped.
 */
export async function readAttachments(files: AttachmentFiles): Promise<Attachment[]> {
  const out: Attachment[] = [];
  const read = async (path: string) => {
    const text = await readText(path);
    if (text === undefined) throw fileError(path, Object.assign(new Error(), { code: 'ENOENT' }));
    return text;
  };
  for (const path of files.bundles ?? [])
    out.push(...attachments(path, await read(path), 'bundle'));
  for (const path of files.sboms ?? []) out.push(...attachments(path, await read(path), 'sbom'));
  for (const artifact of files.beside ?? []) {
    const base = sidecarBase(artifact, files.directory);
    for (const kind of [...EVIDENCE_SIDECARS, 'CYCLONEDX', 'SPDX'] as const) {
      const path = base + Sidecar[kind];
      if (out.some((a) => a.source === path || a.source.startsWith(`${path}:`))) continue;
      const text = await readText(path);
      if (text === undefined) continue;
      for (const a of attachments(
        path,
        text,
        kind === 'CYCLONEDX' || kind === 'SPDX' ? 'sbom' : 'bundle',
        artifact.name,
      ))
        out.push(a);
    }
  }
  return out;
}

/**
 * The manifests `attest` planned for these artifacts (`Sidecar.OCI_MANIFEST` files, beside them
 * or in `directory`), so they are pushed exactly as their statements name them; undefined when
 * none was planned. Some planned and some not is an error: the run is half of one thing.
 */
export async function readPlannedPublication(
  target: PublishTarget,
  artifacts: readonly PlannableArtifact[],
  directory?: string,
): Promise<PublishPlan | undefined> {
  const { parsePlan, parseReference } = await import('@build-artifact/oci');
  const plans: ArtifactPlan[] = [];
  const missing: string[] = [];
  for (const a of artifacts) {
    const path = sidecarBase(a, directory) + Sidecar.OCI_MANIFEST;
    const text = await readText(path);
    if (text === undefined) {
      missing.push(path);
      continue;
    }
    plans.push(parsePlan(text, a.path, `sha256:${a.digest.sha256}`, path));
  }
  if (plans.length === 0) return undefined;
  if (missing.length > 0)
    throw invalid(`planned manifests are missing for some artifacts: ${missing.join(', ')}`);
  const ref = parseReference(target.reference);
  const byName = target.tagByName === true || artifacts.length > 1;
  return {
    target,
    subjectName:
      ref.kind === 'registry' ? `${ref.registry}/${ref.repository}` : `oci-layout:${ref.path}`,
    plans,
    tags: artifacts.map((a) => (byName ? tagFor(a.name) : (ref.tag ?? 'latest'))),
  };
}
