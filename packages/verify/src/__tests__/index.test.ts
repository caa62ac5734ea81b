import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as verify from '../index.js';

// An accidental removal from the public API fails here.
describe('public API', () => {
  it('exports every public name', () => {
    expect(Object.keys(verify).sort()).toEqual(
      [
        'EVIDENCE_SUFFIXES',
        'GITHUB_TUF_URL',
        'MAX_EVIDENCE_FILE_BYTES',
        'MAX_POLICY_FILE_BYTES',
        'POLICY_KEYS',
        'PUBLIC_GOOD_TUF_URL',
        'SBOM_VERIFIED_LEVEL',
        'STAGE_ORDER',
        'TOOL_NAME',
        'VERSION',
        'VSA_FIELDS',
        'VSA_SLSA_VERSION',
        'VerifyError',
        'asksAboutProvenance',
        'buildLevelName',
        'buildLevelOf',
        'canonicalPolicy',
        'certificateIdentity',
        'createVerificationCache',
        'crossCheck',
        'dependencyLevelsOf',
        'evidenceDigest',
        'evidenceFor',
        'findEvidenceFiles',
        'inspectEvidence',
        'loadTrustedRoot',
        'mergePolicySettings',
        'parseDuration',
        'parseEvidence',
        'parsePolicy',
        'parseTrustedRoots',
        'policyDigest',
        'policySettingsOf',
        'publicGoodTrustedRootJSON',
        'readEvidence',
        'readPolicyFile',
        'readSummary',
        'slsaLevel',
        'validatePolicy',
        'validateSummaryPolicy',
        'verifiedLevelsOf',
        'verifyArtifact',
        'verifyPolicyOf',
        'verifySummary',
      ].sort(),
    );
  });

  it('VERSION is the package version (a VSA records it as verifier.version)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(verify.TOOL_NAME).toBe(pkg.name);
    expect(verify.VERSION).toBe(pkg.version);
  });
});
