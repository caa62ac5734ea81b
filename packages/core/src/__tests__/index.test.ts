import { describe, expect, it } from 'vitest';
import * as core from '../index.js';

// An accidental removal from the public API fails here.
describe('public API', () => {
  it('exports every public name', () => {
    expect(Object.keys(core).sort()).toEqual(
      [
        'BaseError',
        'BuildType',
        'CoreError',
        'DEFAULT_SBOM_FORMAT',
        'DIGEST_ALGORITHMS',
        'EVIDENCE_SIDECARS',
        'GITHUB_ACTIONS_ISSUER',
        'MAX_CHECKSUM_FILE_BYTES',
        'MAX_JSON_DEPTH',
        'MAX_KEY_FILE_BYTES',
        'MAX_JSON_DOCUMENTS',
        'MAX_SUBJECTS',
        'MediaType',
        'OCI_EMPTY_DIGEST',
        'PredicateType',
        'SBOM_FORMATS',
        'SBOM_PREDICATE_TYPES',
        'STATEMENT_TYPE_V1',
        'Sidecar',
        'WASM_COMPONENT_HEADER',
        'WASM_MODULE_HEADER',
        'assertAlgorithm',
        'buildStatement',
        'collectArtifacts',
        'checkPayloadDepth',
        'dedupeSubjects',
        'describeBundle',
        'detectBinaryFormat',
        'digestBytes',
        'digestFile',
        'encodeEnvelope',
        'envelopePayload',
        'expandPaths',
        'fileError',
        'formatByteLimit',
        'formatChecksumLine',
        'formatDigest',
        'isGitHubActionsIssuer',
        'isSigstoreBundleMediaType',
        'isSbomFormat',
        'isBaseError',
        'mapConcurrent',
        'namesDigest',
        'openRegularFile',
        'parseChecksumFile',
        'parseDigest',
        'parseJson',
        'parseJsonDocuments',
        'parseStatement',
        'preAuthEncoding',
        'safeJson',
        'sbomFormatOf',
        'safeText',
        'readRegularFile',
        'readRegularFileText',
        'readUleb128',
        'sidecarPath',
        'subjectName',
        'subjectsFromChecksumFile',
        'subjectsFromPaths',
        'unwrapAttestationRecord',
        'walkDirectory',
        'writeFileAtomic',
      ].sort(),
    );
  });

  it('keeps the OCI empty digest equal to the digest of {}', () => {
    expect(`sha256:${core.digestBytes('{}')}`).toBe(core.OCI_EMPTY_DIGEST);
  });
});
