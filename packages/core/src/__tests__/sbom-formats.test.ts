import { describe, expect, it } from 'vitest';
import { isSbomPredicateType, PredicateType, SBOM_PREDICATE_TYPES } from '../index.js';

describe('isSbomPredicateType', () => {
  it("takes ours and the forms other tools attach (cosign's unversioned SPDX)", () => {
    for (const t of [
      ...SBOM_PREDICATE_TYPES,
      'https://spdx.dev/Document',
      'https://spdx.dev/Document/v2.2',
      'https://cyclonedx.org/bom/v1.5',
    ])
      expect(isSbomPredicateType(t), t).toBe(true);
  });

  it('refuses everything else, the provenance and look-alikes included', () => {
    for (const t of [
      PredicateType.SLSA_PROVENANCE_V1,
      PredicateType.VERIFICATION_SUMMARY_V1,
      'https://spdx.dev/Document.evil',
      'https://spdx.dev/Documentation',
      'https://cyclonedx.org/bom/v1.5/x',
      'http://spdx.dev/Document',
      undefined,
      7,
    ])
      expect(isSbomPredicateType(t), String(t)).toBe(false);
  });
});
