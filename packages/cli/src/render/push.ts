// What `attest push` prints. The JSON is the shape scripts have read since the first version
// (the pushed manifest or index, its platform manifests, the referrers attached); the text is
// the reference on stdout, for the next command, and a line for people on stderr.
import type { PublishedReferrer, PublishResult } from '@build-artifact/pipeline';
import type { CommandIO } from '../command.js';
import { writeSafeJson } from '../output.js';

const referrers = (n: number) => `${n} referrer${n === 1 ? '' : 's'}`;

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

/** A publication: the top manifest (or index) by digest, and what was uploaded and attached. */
export function renderPushed(io: CommandIO, result: PublishResult, format: 'text' | 'json'): void {
  if (format === 'json') {
    writeSafeJson(io.stdout, pushedJson(result), 2);
    return;
  }
  io.stdout.write(`${result.reference}\n`);
  const what = result.index ? `index of ${result.artifacts.length}` : 'manifest';
  io.stderr.write(
    `attest push: ${result.tagged ?? result.reference} (${what}, ${result.uploadedBytes} bytes uploaded, ${referrers(result.referrers.length)})\n`,
  );
}

/** Attestations attached to a manifest published earlier. */
export function renderAttached(
  io: CommandIO,
  reference: string,
  attached: readonly PublishedReferrer[],
  format: 'text' | 'json',
): void {
  if (format === 'json') {
    writeSafeJson(io.stdout, { reference, referrers: attached.map(referrerJson) }, 2);
    return;
  }
  io.stdout.write(`${reference}\n`);
  io.stderr.write(`attest push: attached ${referrers(attached.length)} to ${reference}\n`);
}
