import type { ProgressCallback } from '@build-artifact/core';
import { openTarget, parseReference, type Reference, type Target } from '@build-artifact/oci';
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
 * Opens the registry repository or layout directory an argument names: plain HTTP with
 * `--plain-http` or `ATTEST_PLAIN_HTTP=1`, as the flows decide it.
 */
export function openOci(
  ref: Reference,
  io: CommandIO,
  options: { plainHttp?: boolean; onProgress?: ProgressCallback } = {},
): Target {
  return openTarget(ref, {
    cwd: io.cwd,
    env: io.env,
    ...(options.plainHttp || io.env.ATTEST_PLAIN_HTTP === '1' ? { plainHttp: true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

/** `tag`, `digest`, or `latest`: what a reference points at inside its target. */
export function referenceTarget(ref: Reference): string {
  return ref.digest ?? ref.tag ?? 'latest';
}
