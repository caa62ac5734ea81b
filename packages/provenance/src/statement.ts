import {
  buildStatement,
  PredicateType,
  parseDigest,
  type ResourceDescriptor,
  type Statement,
  type Subject,
} from '@build-artifact/core';
import { ProvenanceError } from './error.js';
import type { SlsaProvenanceV1 } from './types.js';

/** The unsigned in-toto Statement v1 with the SLSA v1 predicate. */
export function provenanceStatement(
  subjects: readonly Subject[],
  predicate: SlsaProvenanceV1,
): Statement<SlsaProvenanceV1> {
  return buildStatement(subjects, PredicateType.SLSA_PROVENANCE_V1, predicate);
}

/**
 * Parses a resolved dependency given on the command line: `URI=sha256:HEX` (or sha512), or an
 * OCI reference pinned by digest (`oci://host/repo@sha256:HEX`), whose digest is taken from it.
 */
export function parseResolvedDependency(value: string): ResourceDescriptor {
  const fail = (why: string): never => {
    throw new ProvenanceError({
      code: 'INVALID_DEPENDENCY',
      message: `resolved dependency "${value}": ${why} (expected URI=sha256:HEX or oci://...@sha256:HEX)`,
    });
  };
  const eq = value.lastIndexOf('=');
  let uri: string;
  let digest: string;
  if (eq > 0 && /^(sha256|sha512):/.test(value.slice(eq + 1))) {
    uri = value.slice(0, eq);
    digest = value.slice(eq + 1);
  } else {
    const at = /@((?:sha256|sha512):[0-9a-f]+)$/.exec(value);
    if (!at) return fail('no digest');
    uri = value;
    digest = at[1]!;
  }
  if (!/^[a-z][a-z0-9+.-]*:/i.test(uri)) fail('the URI has no scheme');
  let parsed: ReturnType<typeof parseDigest>;
  try {
    parsed = parseDigest(digest);
  } catch {
    return fail(`"${digest}" is not a sha256 or sha512 digest`);
  }
  return { uri, digest: { [parsed.algorithm]: parsed.hex } };
}
