import type { Evidence, ProgressCallback } from '@build-artifact/core';
import type { Credentials } from '@build-artifact/oci';

/** Where a flow runs: relative paths, credentials and OCI settings come from here. */
export interface FlowContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Speak plain HTTP to a registry that is not on loopback (loopback always is). */
  plainHttp?: boolean;
  onProgress?: ProgressCallback;
}

/**
 * How a flow's OCI client connects: plain HTTP when the context asks or `ATTEST_PLAIN_HTTP=1`
 * (a registry off loopback without TLS, as in a CI service container), the run's progress.
 */
export function ociOptions(context: FlowContext, credentials?: Credentials) {
  const plainHttp = context.plainHttp ?? context.env.ATTEST_PLAIN_HTTP === '1';
  return {
    cwd: context.cwd,
    env: context.env,
    ...(plainHttp ? { plainHttp: true } : {}),
    ...(credentials ? { credentials } : {}),
    ...(context.onProgress ? { onProgress: context.onProgress } : {}),
  };
}

/** An OCI artifact ready to verify: its file pulled, its digests, its attached bundles. */
export interface OciArtifact {
  /** The artifact file, pulled to a temporary folder (its digest checked while writing). */
  path: string;
  /** The file's digest (`sha256:hex`): what statements signed over the file name. */
  fileDigest: string;
  /**
   * The manifest's digest, and the index's above it: what `actions/attest` and gh name as the
   * subject of an image.
   */
  manifestDigests: string[];
  /** Every Sigstore bundle attached to the manifest (and to the index above it). */
  evidence: Evidence[];
  /** `REGISTRY/REPO` (or `oci-layout:DIR`): how statements name its manifests, as publish does. */
  subjectName: string;
  /** The reference of a manifest of this repository by digest (`oci://REGISTRY/REPO@sha256:...`). */
  referenceFor(digest: string): string;
}

/**
 * Pulls what verifying an `oci://` or `oci-layout:` artifact needs (see `fetchEvidence`): an
 * index resolves to the host's platform.
 */
export async function fetchOciArtifact(
  reference: string,
  context: FlowContext,
): Promise<OciArtifact> {
  // Loaded on first use: verifying a file needs none of the OCI client.
  const { fetchEvidence, formatReference, parseReference } = await import('@build-artifact/oci');
  const { tag: _tag, digest: _digest, ...base } = parseReference(reference);
  const fetched = await fetchEvidence(reference, ociOptions(context));
  return {
    path: fetched.artifactPath,
    fileDigest: fetched.subject.digest,
    manifestDigests: fetched.manifestDigests,
    evidence: fetched.bundles,
    subjectName:
      base.kind === 'registry' ? `${base.registry}/${base.repository}` : `oci-layout:${base.path}`,
    referenceFor: (digest) => formatReference({ ...base, digest }),
  };
}
