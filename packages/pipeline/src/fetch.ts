// Reading what is published: an artifact with its attestations pulled to a folder (`attest
// pull`), and the tree of referrers attached to it (`attest discover`).
import { resolve } from 'node:path';
import type {
  Credentials,
  Descriptor,
  PulledFile,
  SkippedReferrer,
  Target,
} from '@build-artifact/oci';
import { PipelineError } from './errors.js';
import { type FlowContext, ociOptions } from './oci-target.js';

/** An `oci://` or `oci-layout:` reference, parsed; anything else is a request error. */
async function openReference(reference: string, context: FlowContext, credentials?: Credentials) {
  if (!reference.startsWith('oci://') && !reference.startsWith('oci-layout:'))
    throw new PipelineError({
      code: 'INVALID_REQUEST',
      message: `the reference must be oci://REGISTRY/REPOSITORY[:TAG] or oci-layout:DIR[:TAG], not "${reference}"`,
    });
  const oci = await import('@build-artifact/oci');
  const ref = oci.parseReference(reference);
  const target = oci.openTarget(ref, ociOptions(context, credentials));
  const { tag: _tag, ...base } = ref;
  return {
    oci,
    target,
    /** What the reference points at in its target: a digest, a tag, or `latest`. */
    at: ref.digest ?? ref.tag ?? 'latest',
    /** The reference to a manifest of the same repository by digest. */
    byDigest: (digest: string) => oci.formatReference({ ...base, digest }),
  };
}

export interface PullRequest {
  /** `oci://REGISTRY/REPO[:TAG][@DIGEST]` or `oci-layout:DIR[:TAG]`. */
  reference: string;
  /** The folder the files are written to (created when missing). */
  output: string;
  /** Also the referrers (bundles, SBOMs) of each manifest (default true). */
  referrers?: boolean;
  credentials?: Credentials;
}

export interface PullFlowResult {
  /** The pulled manifest (or index), by digest. */
  reference: string;
  output: string;
  files: PulledFile[];
  skipped: SkippedReferrer[];
}

/** Pulls an artifact and, unless asked not to, its attestations: every digest checked. */
export async function pullArtifact(
  request: PullRequest,
  context: FlowContext,
): Promise<PullFlowResult> {
  const { oci, target, at, byDigest } = await openReference(
    request.reference,
    context,
    request.credentials,
  );
  const output = resolve(context.cwd, request.output);
  const result = await oci.pull(target, at, output, {
    referrers: request.referrers !== false,
    ...(context.onProgress ? { onProgress: context.onProgress } : {}),
  });
  return {
    reference: byDigest(result.descriptor.digest),
    output,
    files: result.files,
    skipped: result.skipped,
  };
}

/** A manifest or referrer in the tree `discoverReferrers` returns. */
export interface ReferrerNode {
  digest: string;
  mediaType: string;
  size: number;
  artifactType?: string;
  /** `os/arch[/variant]`, for the manifests of an index. */
  platform?: string;
  annotations?: Record<string, string>;
  /** The manifests of an index. */
  manifests?: ReferrerNode[];
  referrers: ReferrerNode[];
}

export interface DiscoverRequest {
  reference: string;
  /** Levels of referrers of referrers to follow (default 3). */
  depth?: number;
  credentials?: Credentials;
}

/**
 * The referrers attached to a manifest (and to each manifest of an index), with theirs, down to
 * `depth` levels; each digest listed once, so a cycle of referrers ends.
 */
export async function discoverReferrers(
  request: DiscoverRequest,
  context: FlowContext,
): Promise<{ reference: string; root: ReferrerNode }> {
  const depth = request.depth ?? 3;
  if (!Number.isSafeInteger(depth) || depth < 1)
    throw new PipelineError({
      code: 'INVALID_REQUEST',
      message: `the depth must be a positive integer, not ${depth}`,
    });
  const { oci, target, at, byDigest } = await openReference(
    request.reference,
    context,
    request.credentials,
  );
  const node = (d: Descriptor): Omit<ReferrerNode, 'referrers'> => ({
    digest: d.digest,
    mediaType: d.mediaType,
    size: d.size,
    ...(d.artifactType ? { artifactType: d.artifactType } : {}),
    ...(d.platform ? { platform: oci.formatPlatform(d.platform) } : {}),
    ...(d.annotations ? { annotations: d.annotations } : {}),
  });
  const seen = new Set<string>();
  const referrersOf = async (t: Target, digest: string, left: number): Promise<ReferrerNode[]> => {
    if (left <= 0) return [];
    const out: ReferrerNode[] = [];
    for (const d of await oci.listReferrers(t, digest)) {
      if (seen.has(d.digest)) continue;
      seen.add(d.digest);
      out.push({ ...node(d), referrers: await referrersOf(t, d.digest, left - 1) });
    }
    return out;
  };
  const top = await oci.readManifest(target, at);
  seen.add(top.descriptor.digest);
  const root: ReferrerNode = {
    ...node(top.descriptor),
    referrers: await referrersOf(target, top.descriptor.digest, depth),
  };
  if (oci.isIndex(top.manifest)) {
    root.manifests = [];
    for (const child of top.manifest.manifests) {
      seen.add(child.digest);
      root.manifests.push({
        ...node(child),
        referrers: await referrersOf(target, child.digest, depth),
      });
    }
  }
  return { reference: byDigest(top.descriptor.digest), root };
}
