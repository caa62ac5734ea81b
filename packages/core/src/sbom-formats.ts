import { MediaType, PredicateType } from './media-types.js';
import type { SidecarKind } from './sidecars.js';

/**
 * The SBOM formats the toolkit writes and reads, and what goes with each: the media type of the
 * file, the predicate type of its attestation, the sidecar it is published as. Spelled here only.
 */
export const SBOM_FORMATS = {
  'cyclonedx-json': {
    mediaType: MediaType.CYCLONEDX_JSON,
    predicateType: PredicateType.CYCLONEDX_BOM,
    sidecar: 'CYCLONEDX',
  },
  'spdx-json': {
    mediaType: MediaType.SPDX_JSON,
    predicateType: PredicateType.SPDX_DOCUMENT_V2_3,
    sidecar: 'SPDX',
  },
} as const satisfies Record<
  string,
  { mediaType: string; predicateType: string; sidecar: SidecarKind }
>;

/** `cyclonedx-json` (CycloneDX 1.6 or 1.7 JSON) or `spdx-json` (SPDX 2.3 JSON). */
export type SbomFormat = keyof typeof SBOM_FORMATS;

export const DEFAULT_SBOM_FORMAT: SbomFormat = 'cyclonedx-json';

export function isSbomFormat(value: unknown): value is SbomFormat {
  return typeof value === 'string' && Object.hasOwn(SBOM_FORMATS, value);
}

/** The predicate types of SBOM attestations: what `--require-sbom` accepts. */
export const SBOM_PREDICATE_TYPES: readonly string[] = Object.values(SBOM_FORMATS).map(
  (f) => f.predicateType,
);

// The SBOM predicate types other tools attach: cosign's `https://spdx.dev/Document` (cosign
// attest --type spdxjson), and versioned forms (`https://spdx.dev/Document/v2.2`,
// `https://cyclonedx.org/bom/v1.5`).
const SBOM_PREDICATE_TYPE =
  /^https:\/\/(?:spdx\.dev\/Document|cyclonedx\.org\/bom)(?:\/v\d+(?:\.\d+)*)?$/;

/**
 * Whether a predicate type says the statement attests an SBOM: ours (SBOM_PREDICATE_TYPES) and
 * the forms other tools write (cosign's unversioned `https://spdx.dev/Document`, versioned ones).
 */
export function isSbomPredicateType(predicateType: unknown): boolean {
  return typeof predicateType === 'string' && SBOM_PREDICATE_TYPE.test(predicateType);
}

/**
 * Which SBOM format a parsed JSON document is, by the fields each format requires
 * (CycloneDX `bomFormat`, SPDX `spdxVersion` 2.x), and when it says it was made; undefined
 * for anything else.
 */
export function sbomFormatOf(
  document: unknown,
): { format: SbomFormat; created?: string } | undefined {
  if (typeof document !== 'object' || document === null) return undefined;
  const d = document as {
    bomFormat?: unknown;
    spdxVersion?: unknown;
    metadata?: { timestamp?: unknown };
    creationInfo?: { created?: unknown };
  };
  const text = (v: unknown) => (typeof v === 'string' ? { created: v } : {});
  if (d.bomFormat === 'CycloneDX')
    return { format: 'cyclonedx-json', ...text(d.metadata?.timestamp) };
  if (typeof d.spdxVersion === 'string' && d.spdxVersion.startsWith('SPDX-2.'))
    return { format: 'spdx-json', ...text(d.creationInfo?.created) };
  return undefined;
}
