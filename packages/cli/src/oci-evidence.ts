import type { ProgressCallback } from '@build-artifact/core';
import {
  type Evidence,
  fetchEvidence,
  openTarget,
  parseReference,
  type Reference,
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

/**
 * What `attest verify oci://...` checks: the artifact file (pulled to a temporary file removed at
 * exit, its digest checked), its descriptor as `subject` (the file's digest, the one in-toto
 * statements name), and every Sigstore bundle attached to its manifest (and to the index above
 * it); an index resolves to the host's platform.
 */
export async function ociEvidence(
  refText: string,
  io: CommandIO,
  options: { plainHttp?: boolean } = {},
): Promise<Evidence> {
  ociReference(refText); // a usage error for anything but oci:// and oci-layout:
  const plainHttp = options.plainHttp ?? io.env.ATTEST_PLAIN_HTTP === '1';
  return fetchEvidence(refText, {
    cwd: io.cwd,
    env: io.env,
    ...(plainHttp ? { plainHttp: true } : {}),
    onProgress: ociProgress(io, 'verify'),
  });
}
