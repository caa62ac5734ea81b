// Publishing files that were attested earlier (another job, another machine): what `attest push`
// and the push action both do, so the same files and sidecars give the same manifests.
import { type ArtifactSource, collectArtifacts, Sidecar } from '@build-artifact/core';
import { readAttachments, readPlannedPublication } from './attachments.js';
import { PipelineError } from './errors.js';
import type { FlowContext } from './oci-target.js';
import {
  type Attachment,
  type PublishArtifact,
  type PublishResult,
  type PublishTarget,
  publish,
} from './publish.js';

export interface PublishFilesRequest {
  target: PublishTarget;
  /** The files: paths (files, directories, globs) or a flat directory. Each is hashed once. */
  files: Pick<ArtifactSource, 'paths' | 'directory'>;
  /** Attestation files named, attached by the digests they name. */
  bundles?: readonly string[];
  sboms?: readonly string[];
  /** Where each file's sidecars are when not beside it: a flat directory. */
  sidecarDirectory?: string;
  /**
   * Attach each file's attestation sidecars (bundles, SBOM) when present: default true. Its
   * planned manifest is pushed as planned either way, so what is attached later still matches.
   */
  attachSidecars?: boolean;
}

export interface PublishFilesResult extends PublishResult {
  /** What was read to attach, as read (for reports). */
  attachments: Attachment[];
}

const invalid = (message: string) => new PipelineError({ code: 'INVALID_REQUEST', message });

/**
 * Publishes files with their attestations: each file hashed once; the manifest `attest` planned
 * for it (its `Sidecar.OCI_MANIFEST`) pushed exactly as planned, so the digests its statements
 * name are the ones pushed; the bundles and SBOMs named, and its sidecars, attached by digest.
 */
export async function publishFiles(
  request: PublishFilesRequest,
  context: FlowContext,
): Promise<PublishFilesResult> {
  const artifacts: PublishArtifact[] = (await collectArtifacts(request.files)).map((a) => ({
    name: a.name,
    path: a.path!,
    digest: a.digest,
  }));
  const { target } = request;
  if (artifacts.length > 1 && target.grouping !== 'index' && !target.tagByName) {
    const { parseReference } = await import('@build-artifact/oci');
    const tag = parseReference(target.reference).tag;
    if (tag)
      throw invalid(
        `${target.reference} names one tag (${tag}) but ${artifacts.length} files are published: give no tag (each is tagged by its name), or publish them as one index`,
      );
  }
  const directory = request.sidecarDirectory;
  const publication = await readPlannedPublication(target, artifacts, directory);
  // A plan wins over grouping (its manifests are what was signed); platforms contradict it.
  if (publication && target.platforms?.some((p) => p !== undefined))
    throw invalid(
      `${artifacts.map((a) => a.path).join(', ')}: their manifests were planned when they were attested (their ${Sidecar.OCI_MANIFEST} sidecars) and are pushed as planned: give no platforms`,
    );
  const attachments = await readAttachments({
    ...(request.bundles ? { bundles: request.bundles } : {}),
    ...(request.sboms ? { sboms: request.sboms } : {}),
    beside: request.attachSidecars === false ? [] : artifacts,
    ...(directory ? { directory } : {}),
  });
  const published = await publish(
    { target, artifacts, ...(publication ? { publication } : {}), attachments },
    context,
  );
  return { ...published, attachments };
}
