export type { VerificationCache } from './cache.js';
export { createVerificationCache, evidenceDigest } from './cache.js';
export type { CertificateIdentity } from './certificate.js';
export { certificateIdentity } from './certificate.js';
export type { Failure, FailureReason, VerifyErrorCode, VerifyStage } from './errors.js';
export { VerifyError } from './errors.js';
export type { Evidence } from './evidence.js';
export {
  EVIDENCE_SUFFIXES,
  evidenceFor,
  findEvidenceFiles,
  MAX_EVIDENCE_FILE_BYTES,
  parseEvidence,
  readEvidence,
} from './evidence.js';
export type { InspectedEvidence } from './inspect.js';
export { inspectEvidence } from './inspect.js';
export type { PolicyContext, VerifyPolicy } from './policy.js';
export { asksAboutProvenance, validatePolicy } from './policy.js';
export type { PolicyFile, PolicyIdentity, PolicyKey, PolicySettings } from './policy-file.js';
export {
  canonicalPolicy,
  MAX_POLICY_FILE_BYTES,
  mergePolicySettings,
  POLICY_KEYS,
  parsePolicy,
  policyDigest,
  policySettingsOf,
  readPolicyFile,
  verifyPolicyOf,
} from './policy-file.js';
export type { CrossCheck, SlsaLevel } from './provenance.js';
export { crossCheck, slsaLevel } from './provenance.js';
export { STAGE_ORDER } from './stage.js';
export type { NamedTrustedRoot, Trust, TrustOptions } from './trust.js';
export {
  GITHUB_TUF_URL,
  loadTrustedRoot,
  PUBLIC_GOOD_TUF_URL,
  parseTrustedRoots,
  publicGoodTrustedRootJSON,
} from './trust.js';
export type {
  ArtifactInput,
  Attempt,
  AttestationRef,
  CertificateSummary,
  SignedTime,
  TlogEntrySummary,
  VerificationResult,
  VerifyOptions,
} from './verify.js';
export { verifyArtifact } from './verify.js';
export { TOOL_NAME, VERSION } from './version.js';
export type {
  SummaryFacts,
  SummaryPolicy,
  SummaryResult,
  VerificationSummary,
} from './vsa.js';
export {
  buildLevelName,
  buildLevelOf,
  dependencyLevelsOf,
  parseDuration,
  readSummary,
  SBOM_VERIFIED_LEVEL,
  VSA_FIELDS,
  VSA_SLSA_VERSION,
  validateSummaryPolicy,
  verifiedLevelsOf,
  verifySummary,
} from './vsa.js';
