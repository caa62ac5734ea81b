import { resolve } from 'node:path';
import type { DigestAlgorithm } from '@build-artifact/core';
import { PipelineError } from './errors.js';

/** What `attest verify` (and the verify action) is asked to check, as its argument names it. */
export type Target =
  | { kind: 'file'; arg: string; path: string }
  | { kind: 'digest'; arg: string; algorithm: DigestAlgorithm; hex: string }
  | { kind: 'oci'; arg: string };

const DIGEST_ARG = /^(sha256|sha512):([0-9a-fA-F]+)$/;
const HEX_LENGTH: Record<DigestAlgorithm, number> = { sha256: 64, sha512: 128 };

/** True for `oci://...` and `oci-layout:...` arguments. */
export function isOciArgument(arg: string): boolean {
  return arg.startsWith('oci://') || arg.startsWith('oci-layout:');
}

/**
 * Reads one target argument: `sha256:HEX`/`sha512:HEX` (an artifact named by its digest, as
 * sigstore-conformance's verify-bundle protocol does), an `oci://`/`oci-layout:` reference, or a
 * file (relative to `cwd`).
 */
export function parseTarget(arg: string, cwd: string): Target {
  const digest = DIGEST_ARG.exec(arg);
  if (digest) {
    const algorithm = digest[1] as DigestAlgorithm;
    const hex = digest[2]!.toLowerCase();
    if (hex.length !== HEX_LENGTH[algorithm])
      throw new PipelineError({
        code: 'INVALID_TARGET',
        message: `${arg}: a ${algorithm} digest is ${HEX_LENGTH[algorithm]} hex digits`,
      });
    return { kind: 'digest', arg, algorithm, hex };
  }
  if (isOciArgument(arg)) return { kind: 'oci', arg };
  if (arg === '')
    throw new PipelineError({ code: 'INVALID_TARGET', message: 'an empty artifact argument' });
  return { kind: 'file', arg, path: resolve(cwd, arg) };
}
