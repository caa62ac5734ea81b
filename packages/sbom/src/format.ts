import type { SbomFormat } from '@build-artifact/core';
import { SbomError } from './errors.js';

export type { SbomFormat } from '@build-artifact/core';
export { DEFAULT_SBOM_FORMAT, isSbomFormat, SBOM_FORMATS } from '@build-artifact/core';

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
