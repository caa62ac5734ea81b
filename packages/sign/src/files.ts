import {
  buildStatement,
  PredicateType,
  type Statement,
  type Subject,
  writeFileAtomic,
} from '@build-artifact/core';
import type { SerializedBundle } from '@sigstore/bundle';
import { SignError } from './error.js';

export type BundleKind = 'provenance' | 'sbom';

/**
 * Where a bundle is published beside its artifact: `<artifact>.sigstore.json` for provenance
 * (the convention of release assets), `<artifact>.sbom.sigstore.json` for the SBOM attestation.
 */
export function bundlePathFor(artifactPath: string, kind: BundleKind = 'provenance'): string {
  return `${artifactPath}${kind === 'sbom' ? '.sbom' : ''}.sigstore.json`;
}

/** Writes a bundle atomically (nothing half-written) and returns its path. */
export async function writeBundle(path: string, bundle: SerializedBundle): Promise<string> {
  await writeFileAtomic(path, `${JSON.stringify(bundle)}\n`);
  return path;
}

// GitHub's attestation tooling refuses predicates over 16 MiB.
export const MAX_PREDICATE_BYTES = 16 * 1024 * 1024;

/** The SBOM attestation: the CycloneDX BOM as predicate `https://cyclonedx.org/bom` over the subjects. */
export function sbomStatement(subjects: readonly Subject[], bom: object): Statement<object> {
  const size = Buffer.byteLength(JSON.stringify(bom));
  if (size > MAX_PREDICATE_BYTES) {
    throw new SignError({
      code: 'PREDICATE_TOO_LARGE',
      message: `the SBOM is ${size} bytes: GitHub refuses predicates over ${MAX_PREDICATE_BYTES} bytes (16 MiB)`,
    });
  }
  return buildStatement(subjects, PredicateType.CYCLONEDX_BOM, bom);
}
