import { MediaType, PredicateType, type SidecarKind } from '@build-artifact/core';
import { SbomError } from './errors.js';

/**
 * The SBOM formats this package writes, and what goes with each: the media type of the file,
 * the predicate type of its attestation, the sidecar it is published as. Spelled here only.
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

/** GitHub refuses attestation predicates past 16 MiB. */
export const MAX_BOM_BYTES = 16 * 1024 * 1024;

/** An SBOM document in one format, its JSON text, and a few counts for summaries. */
export interface SbomResult {
  format: SbomFormat;
  /** The document: a CycloneDX BOM or an SPDX document, as `format` says. */
  bom: Record<string, unknown>;
  /** `bom` as written: two-space indented JSON with a final newline. */
  json: string;
  /** Packages listed (the assemblies that hold them not counted). */
  componentCount: number;
  /** Third-party packages by ecosystem. */
  ecosystems: Record<string, number>;
}

/** The document's JSON text, refused (BOM_TOO_LARGE) past what GitHub accepts. */
export function documentJson(doc: Record<string, unknown>): string {
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_BOM_BYTES) {
    throw new SbomError({
      code: 'BOM_TOO_LARGE',
      message: `the SBOM is ${(bytes / 1048576).toFixed(1)} MiB, over the 16 MiB GitHub accepts for an attestation`,
    });
  }
  return json;
}
