import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProgressCallback } from '@build-artifact/core';
import {
  Annotation,
  type Descriptor,
  fetchReferrer,
  formatReference,
  isIndex,
  listReferrers,
  OciError,
  openTarget,
  parseReference,
  type Reference,
  readManifest,
  type Target,
} from '@build-artifact/oci';
import { type CommandIO, UsageError } from './command.js';

/** Parses an `oci://` or `oci-layout:` argument; anything else is a usage error. */
export function ociReference(arg: string, what = 'reference'): Reference {
  if (!arg.startsWith('oci://') && !arg.startsWith('oci-layout:')) {
    throw new UsageError(
      `${what} must be oci://REGISTRY/REPOSITORY[:TAG] or oci-layout:DIR[:TAG], not "${arg}"`,
    );
  }
  return parseReference(arg);
}

/**
 * Progress from the OCI package on stderr: warnings (retries) always, byte progress only on a
 * TTY, so logs in CI stay readable.
 */
export function ociProgress(io: CommandIO, command: string): ProgressCallback {
  const tty = Boolean(io.stderr.isTTY);
  let lastLine = 0;
  return (event) => {
    if (event.level === 'warning') {
      io.stderr.write(`${tty ? '\r\x1b[K' : ''}attest ${command}: warning: ${event.message}\n`);
      return;
    }
    if (!tty || event.step !== 'oci.upload' || event.total === undefined) return;
    const now = Date.now();
    if (now - lastLine < 100 && event.done !== event.total) return;
    lastLine = now;
    const pct = event.total ? Math.floor(((event.done ?? 0) / event.total) * 100) : 100;
    io.stderr.write(
      `\r\x1b[K${event.message.slice(0, 19)} ${pct}% of ${(event.total / 1048576).toFixed(1)} MiB`,
    );
    if (event.done === event.total) io.stderr.write('\r\x1b[K');
  };
}

/** Opens the registry repository or layout directory an argument names. */
export function openOci(
  ref: Reference,
  io: CommandIO,
  options: { plainHttp?: boolean; onProgress?: ProgressCallback } = {},
): Target {
  return openTarget(ref, {
    cwd: io.cwd,
    env: io.env,
    ...(options.plainHttp ? { plainHttp: true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

/** `tag`, `digest`, or `latest`: what a reference points at inside its target. */
export function referenceTarget(ref: Reference): string {
  return ref.digest ?? ref.tag ?? 'latest';
}

const HOST_PLATFORM: Record<string, string> = {
  x64: 'amd64',
  arm64: 'arm64',
  ia32: '386',
  arm: 'arm',
};

function pickChild(manifests: Descriptor[], ref: string): Descriptor {
  if (manifests.length === 1) return manifests[0]!;
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const arch = HOST_PLATFORM[process.arch] ?? process.arch;
  const match = manifests.find((m) => m.platform?.os === os && m.platform.architecture === arch);
  if (match) return match;
  const listed = manifests
    .map((m) => (m.platform ? `${m.platform.os}/${m.platform.architecture}` : m.digest))
    .join(', ');
  throw new UsageError(
    `${ref} is an index of ${listed}; none is for ${os}/${arch}: name one by digest (oci://...@sha256:...)`,
  );
}

let tempRoot: string | undefined;
function tempDir(): string {
  if (!tempRoot) {
    tempRoot = mkdtempSync(join(tmpdir(), 'attest-oci-'));
    const root = tempRoot;
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  }
  return mkdtempSync(join(tempRoot, 'a-'));
}

/**
 * What `attest verify oci://...` checks: the artifact file (pulled to a temporary file, its
 * digest checked), its descriptor as `subject` (the file's digest, the one in-toto statements
 * name), and every Sigstore bundle attached to its manifest (and to the index above it).
 */
export async function ociEvidence(
  refText: string,
  io: CommandIO,
  options: { plainHttp?: boolean } = {},
): Promise<{
  subject: { digest: string; mediaType: string; size: number };
  artifactPath?: string;
  bundles: { source: string; json: unknown }[];
}> {
  const ref = ociReference(refText);
  const plainHttp = options.plainHttp ?? io.env.ATTEST_PLAIN_HTTP === '1';
  const target = openOci(ref, io, { plainHttp, onProgress: ociProgress(io, 'verify') });
  const top = await readManifest(target, referenceTarget(ref));
  const subjects: Descriptor[] = [top.descriptor];
  let manifest = top.manifest;
  if (isIndex(manifest)) {
    const child = pickChild(manifest.manifests, refText);
    const read = await readManifest(target, child.digest);
    if (isIndex(read.manifest))
      throw new UsageError(`${refText}: nested indexes are not supported`);
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
  const title = layer.annotations?.[Annotation.TITLE]?.replace(/[/\\]/g, '_') || 'artifact';
  const artifactPath = join(tempDir(), title === '.' || title === '..' ? 'artifact' : title);
  await target.fetchBlobToFile(layer, artifactPath);
  const bundles: { source: string; json: unknown }[] = [];
  for (const subject of subjects) {
    for (const entry of await listReferrers(target, subject.digest)) {
      if (!entry.artifactType?.startsWith('application/vnd.dev.sigstore.bundle')) continue;
      const { content } = await fetchReferrer(target, entry);
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(content));
      } catch {
        throw new OciError({
          code: 'INVALID_MANIFEST',
          message: `bundle ${entry.digest} attached to ${refText} is not JSON`,
        });
      }
      const { tag: _tag, ...base } = ref;
      bundles.push({ source: formatReference({ ...base, digest: entry.digest }), json });
    }
  }
  return {
    subject: { digest: layer.digest, mediaType: layer.mediaType, size: layer.size },
    artifactPath,
    bundles,
  };
}
