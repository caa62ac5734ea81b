// The JSON `attest push --format json` prints: the shape scripts have read since the first
// version (the pushed manifest or index, its platform manifests, the referrers attached).
import type { PublishedReferrer, PublishResult } from '@build-artifact/pipeline';

export function referrerJson(r: PublishedReferrer) {
  return { file: r.source, subject: r.subject, digest: r.digest, artifactType: r.artifactType };
}

export function pushedJson(result: PublishResult) {
  const top = result.index?.manifest ?? result.artifacts[0]!.manifest;
  return {
    reference: result.tagged ?? result.reference,
    digest: top.digest,
    mediaType: top.mediaType,
    size: top.size,
    uploadedBytes: result.uploadedBytes,
    manifests: result.artifacts.map((a) => ({
      digest: a.manifest.digest,
      title: a.name,
      ...(a.platform ? { platform: a.platform } : {}),
      ...(a.layer ? { layer: a.layer } : {}),
    })),
    referrers: result.referrers.map(referrerJson),
  };
}
