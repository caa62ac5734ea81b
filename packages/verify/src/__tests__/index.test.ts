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
        'PUBLIC_GOOD_TUF_URL',
        'VerifyError',
        'asksAboutProvenance',
        'certificateIdentity',
        'createVerificationCache',
        'crossCheck',
        'findEvidenceFiles',
        'inspectEvidence',
        'loadTrustedRoot',
        'parseEvidence',
        'parseTrustedRoots',
        'publicGoodTrustedRootJSON',
        'readEvidence',
        'slsaLevel',
        'validatePolicy',
        'verifyArtifact',
      ].sort(),
    );
  });
});
