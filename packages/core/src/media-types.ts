/** Media types and well-known URIs used across the toolkit (see REFERENCE.md for sources). */
export const MediaType = {
  IN_TOTO: 'application/vnd.in-toto+json',
  SIGSTORE_BUNDLE_V03: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  SIGSTORE_BUNDLE_V02: 'application/vnd.dev.sigstore.bundle+json;version=0.2',
  SIGSTORE_BUNDLE_V01: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
  CYCLONEDX_JSON: 'application/vnd.cyclonedx+json',
  SPDX_JSON: 'application/spdx+json',
  OCI_MANIFEST: 'application/vnd.oci.image.manifest.v1+json',
  OCI_INDEX: 'application/vnd.oci.image.index.v1+json',
  OCI_EMPTY: 'application/vnd.oci.empty.v1+json',
  OCI_LAYER_TAR: 'application/vnd.oci.image.layer.v1.tar',
  DOCKER_MANIFEST_V2: 'application/vnd.docker.distribution.manifest.v2+json',
  DOCKER_MANIFEST_LIST: 'application/vnd.docker.distribution.manifest.list.v2+json',
  WASM_CONFIG: 'application/vnd.wasm.config.v0+json',
  WASM_LAYER: 'application/wasm',
  OCTET_STREAM: 'application/octet-stream',
} as const;

/**
 * Whether a media type is a Sigstore bundle's, of any version (`...bundle+json;version=0.1`,
 * `...bundle.v0.3+json`): what a bundle declares, and what a bundle referrer's artifactType is.
 */
export function isSigstoreBundleMediaType(mediaType: unknown): mediaType is string {
  return (
    typeof mediaType === 'string' && mediaType.startsWith('application/vnd.dev.sigstore.bundle')
  );
}

export const PredicateType = {
  SLSA_PROVENANCE_V1: 'https://slsa.dev/provenance/v1',
  CYCLONEDX_BOM: 'https://cyclonedx.org/bom',
  SPDX_DOCUMENT_V2_3: 'https://spdx.dev/Document/v2.3',
  /** SLSA v1.1 verification summary attestation (VSA). */
  VERIFICATION_SUMMARY_V1: 'https://slsa.dev/verification_summary/v1',
} as const;

export const STATEMENT_TYPE_V1 = 'https://in-toto.io/Statement/v1';

export const BuildType = {
  /** GitHub's buildType, the shape the GitHub attestations API accepts. */
  GITHUB_WORKFLOW_V1: 'https://actions.github.io/buildtypes/workflow/v1',
  /** Older GitHub provenance (slsa-github-generator and early actions/attest). */
  GITHUB_WORKFLOW_LEGACY_V1:
    'https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1',
  /** Our own buildType for builds outside GitHub Actions: never passes for a GitHub build. */
  LOCAL_V1: 'https://build-artifact.dev/buildtypes/local/v1',
} as const;

/** The digest of the OCI empty descriptor content `{}`. */
export const OCI_EMPTY_DIGEST =
  'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a';
