import {
  buildStatement,
  SBOM_FORMATS,
  type Statement,
  type Subject,
  sbomFormatOf,
  sidecarPath,
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
  return sidecarPath(artifactPath, kind === 'sbom' ? 'SBOM_BUNDLE' : 'PROVENANCE');
}

/** Writes a bundle atomically (nothing half-written) and returns its path. */
export async function writeBundle(path: string, bundle: SerializedBundle): Promise<string> {
  await writeFileAtomic(path, `${JSON.stringify(bundle)}\n`);
  return path;
}

// GitHub's attestation tooling refuses predicates over 16 MiB.
export const MAX_PREDICATE_BYTES = 16 * 1024 * 1024;

/**
 * The SBOM attestation: the SBOM document as predicate over the subjects, its predicate type
 * the document's format's (`https://cyclonedx.org/bom`, `https://spdx.dev/Document/v2.3`).
 */
export function sbomStatement(subjects: readonly Subject[], bom: object): Statement<object> {
  const size = Buffer.byteLength(JSON.stringify(bom));
  if (size > MAX_PREDICATE_BYTES) {
    throw new SignError({
      code: 'PREDICATE_TOO_LARGE',
      message: `the SBOM is ${size} bytes: GitHub refuses predicates over ${MAX_PREDICATE_BYTES} bytes (16 MiB)`,
    });
  }
  const kind = sbomFormatOf(bom);
  if (!kind)
    throw new SignError({
      code: 'INVALID_OPTIONS',
      message: 'not an SBOM document: neither CycloneDX ("bomFormat") nor SPDX 2 ("spdxVersion")',
    });
  return buildStatement(subjects, SBOM_FORMATS[kind.format].predicateType, bom);
}
