import { describe, expect, it } from 'vitest';
import { main } from '../index.js';
import { sbomFormatFromFlags } from '../sbom-flags.js';
import { captureIO } from './io.js';

describe('sbomFormatFromFlags', () => {
  it('defaults to CycloneDX, and takes SPDX or a CycloneDX spec version', () => {
    expect(sbomFormatFromFlags(undefined, undefined, '--format')).toEqual({
      format: 'cyclonedx-json',
    });
    expect(sbomFormatFromFlags('spdx-json', undefined, '--format')).toEqual({
      format: 'spdx-json',
    });
    expect(sbomFormatFromFlags(undefined, '1.7', '--format')).toEqual({
      format: 'cyclonedx-json',
      specVersion: '1.7',
    });
  });

  it('refuses the same bad flags for attest publish as for attest sbom, exit 2 before any work', async () => {
    for (const [flags, said] of [
      [['--sbom-format', 'xml'], '--sbom-format must be cyclonedx-json or spdx-json, not "xml"'],
      [
        ['--sbom-format', 'spdx-json', '--spec-version', '1.7'],
        '--spec-version is a CycloneDX version: not for --sbom-format spdx-json',
      ],
      [['--spec-version', '1.5'], '--spec-version must be 1.6 or 1.7, not "1.5"'],
    ] as const) {
      const io = captureIO();
      expect(await main(['publish', 'app', 'oci-layout:out', ...flags], io)).toBe(2);
      expect(io.err()).toContain(said);
    }
  });
});
