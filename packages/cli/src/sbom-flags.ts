// The SBOM format flags `attest sbom` (--format) and `attest publish` (--sbom-format) share.
import {
  DEFAULT_SBOM_FORMAT,
  isSbomFormat,
  SBOM_FORMATS,
  type SbomFormat,
} from '@build-artifact/core';
import { UsageError } from './command.js';

/** The format and CycloneDX spec version the flags ask for; a bad value is bad usage. */
export function sbomFormatFromFlags(
  format: unknown,
  specVersion: unknown,
  formatFlag: '--format' | '--sbom-format',
): { format: SbomFormat; specVersion?: '1.6' | '1.7' } {
  const spec = specVersion === undefined ? undefined : String(specVersion);
  if (spec !== undefined && spec !== '1.6' && spec !== '1.7')
    throw new UsageError(`--spec-version must be 1.6 or 1.7, not "${spec}"`);
  const chosen = format === undefined ? DEFAULT_SBOM_FORMAT : String(format);
  if (!isSbomFormat(chosen))
    throw new UsageError(
      `${formatFlag} must be ${Object.keys(SBOM_FORMATS).join(' or ')}, not "${chosen}"`,
    );
  if (spec !== undefined && chosen !== 'cyclonedx-json')
    throw new UsageError(`--spec-version is a CycloneDX version: not for ${formatFlag} ${chosen}`);
  return { format: chosen, ...(spec ? { specVersion: spec } : {}) };
}
