/**
 * The files published beside an artifact, by kind: the names `attest`, the actions and the
 * workflows write, and the ones `attest verify` and `attest push` look for. Spelled here only.
 */
export const Sidecar = {
  /** The signed SLSA provenance (the release-asset convention). */
  PROVENANCE: '.sigstore.json',
  /** The signed SBOM attestation. */
  SBOM_BUNDLE: '.sbom.sigstore.json',
  /** The CycloneDX SBOM itself. */
  CYCLONEDX: '.cdx.json',
  /** The SPDX SBOM itself. */
  SPDX: '.spdx.json',
  /** In-toto JSON lines, as slsa-github-generator and many release pipelines publish them. */
  INTOTO_JSONL: '.intoto.jsonl',
  /** A verifier's signed verification summary (SLSA VSA) of the artifact. */
  VSA_BUNDLE: '.vsa.sigstore.json',
  /**
   * The OCI manifest planned when the artifact was attested, pushed later as it is (its digest
   * is a subject of the signed statements): how the reusable workflow's jobs hand it on.
   */
  OCI_MANIFEST: '.oci-manifest.json',
} as const;

export type SidecarKind = keyof typeof Sidecar;

/** The evidence sidecars `attest verify` reads beside an artifact, in this order. */
export const EVIDENCE_SIDECARS: readonly SidecarKind[] = [
  'PROVENANCE',
  'SBOM_BUNDLE',
  'INTOTO_JSONL',
  'VSA_BUNDLE',
];

/** `<artifact><suffix>` for a sidecar kind. */
export function sidecarPath(artifactPath: string, kind: SidecarKind): string {
  return artifactPath + Sidecar[kind];
}
