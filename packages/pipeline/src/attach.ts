// Attaching attestations to a manifest that is already published (`attest push --bundle B
// oci://REGISTRY/REPO@sha256:...` with no file): what a later job does with what it signs
// about a published artifact, such as a verification summary. Nothing is pushed again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeBundle, digestFile, namesAlgorithm, namesDigest } from '@build-artifact/core';
import type { Credentials, Descriptor } from '@build-artifact/oci';
import { readAttachments } from './attachments.js';
import { PipelineError } from './errors.js';
import { type FlowContext, ociOptions } from './oci-target.js';
import type { Attachment, PublishedReferrer } from './publish.js';

export interface AttachRequest {
  /** The manifest (or index), by digest: `oci://REGISTRY/REPO@sha256:...` or `oci-layout:DIR@sha256:...`. */
  reference: string;
  /** Attestations in hand (a summary just signed). */
  attachments?: readonly Attachment[];
  /** Attestation files: bundles (one JSON document or JSON lines) and SBOM documents. */
  bundles?: readonly string[];
  sboms?: readonly string[];
  credentials?: Credentials;
}

const invalid = (message: string) => new PipelineError({ code: 'INVALID_REQUEST', message });

/**
 * Attaches each attestation to the manifest named by digest: a bundle only when its statement
 * (or message signature) names that manifest or the file it holds, as publish attaches them;
 * an SBOM document as it is. The manifest must exist.
 */
export async function attachToManifest(
  request: AttachRequest,
  context: FlowContext,
): Promise<PublishedReferrer[]> {
  const oci = await import('@build-artifact/oci');
  const ref = oci.parseReference(request.reference);
  if (!ref.digest)
    throw invalid(
      `${request.reference}: name the published manifest by digest (…@sha256:…) to attach to it`,
    );
  // The files first: a bad one fails before the registry is asked anything.
  const attachments = [
    ...(request.attachments ?? []),
    ...(await readAttachments({ bundles: request.bundles ?? [], sboms: request.sboms ?? [] })),
  ];
  const target = oci.openTarget(ref, ociOptions(context, request.credentials));
  const { descriptor, bytes } = await target.fetchManifest(ref.digest);
  let layers: Descriptor[] = [];
  try {
    const manifest = JSON.parse(new TextDecoder().decode(bytes)) as { layers?: unknown };
    if (Array.isArray(manifest.layers))
      layers = manifest.layers.filter(
        (l): l is Descriptor =>
          typeof (l as Descriptor)?.digest === 'string' &&
          Number.isSafeInteger((l as Descriptor).size),
      );
  } catch {
    // An unreadable manifest names no file: only its own digest can match.
  }
  const subject = { target, descriptor };
  const options = context.onProgress ? { onProgress: context.onProgress } : {};
  // A bundle may name its file by SHA-512 alone (as publish matches it): the layers are then
  // fetched, checked against their own digests, and hashed with SHA-512, once each.
  let scratch: string | undefined;
  const sha512s = new Map<string, Promise<string>>();
  const sha512Of = (layer: Descriptor): Promise<string> => {
    let d = sha512s.get(layer.digest);
    if (!d) {
      d = (async () => {
        scratch ??= await mkdtemp(join(tmpdir(), 'attest-attach-'));
        const path = join(scratch, layer.digest.replace(':', '-'));
        await target.fetchBlobToFile(layer, path);
        return `sha512:${(await digestFile(path, ['sha512'])).sha512}`;
      })();
      sha512s.set(layer.digest, d);
    }
    return d;
  };
  try {
    // Every bundle is checked before the first is sent: a wrong one leaves nothing half-attached.
    for (const a of attachments) {
      if (a.kind !== 'bundle') continue;
      const d = describeBundle(a.json);
      if (namesDigest(d, descriptor.digest) || layers.some((l) => namesDigest(d, l.digest)))
        continue;
      if (namesAlgorithm(d, 'sha512')) {
        let found = false;
        for (const l of layers) if (!found && namesDigest(d, await sha512Of(l))) found = true;
        if (found) continue;
      }
      throw invalid(
        `${a.source}: the bundle is not about ${request.reference} (no subject or signed digest is its manifest or its file)`,
      );
    }
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
  const referrers: PublishedReferrer[] = [];
  for (const a of attachments) {
    const attached =
      a.kind === 'bundle'
        ? await oci.attachBundle(subject, a.bytes, undefined, options)
        : await oci.attachSbom(subject, a.bytes, options);
    referrers.push({
      source: a.source,
      kind: a.kind,
      subject: descriptor.digest,
      digest: attached.digest,
      ...(attached.artifactType ? { artifactType: attached.artifactType } : {}),
    });
  }
  return referrers;
}
