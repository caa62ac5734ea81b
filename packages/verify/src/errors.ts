import { BaseError } from '@build-artifact/core';

/**
 * The stages of verification, in the order they run. A failure names the stage it came from,
 * and of several bundles the one that got furthest is reported.
 */
export type VerifyStage =
  | 'parse'
  | 'crypto'
  | 'statement'
  | 'identity'
  | 'cross-check'
  | 'level'
  | 'sbom'
  | 'summary';

/**
 * Thrown only for input we cannot read or understand (exit 2). A verification that fails is
 * never thrown: it is a `VerificationResult` whose `failure` says which check failed.
 */
export type VerifyErrorCode =
  | 'EVIDENCE_UNREADABLE'
  | 'INVALID_EVIDENCE'
  | 'NO_EVIDENCE'
  | 'INVALID_TRUSTED_ROOT'
  | 'INVALID_KEY'
  | 'INVALID_POLICY';

export class VerifyError extends BaseError<VerifyErrorCode> {}

/**
 * Why a verification failed: one stable code per check. The first group mirrors
 * `@sigstore/verify`'s error codes; the rest are our own checks.
 */
export type FailureReason =
  // The bundle itself
  | 'BUNDLE_INVALID'
  | 'UNSIGNED'
  // @sigstore/verify
  | 'SIGNATURE_ERROR'
  | 'CERTIFICATE_ERROR'
  | 'PUBLIC_KEY_ERROR'
  | 'TLOG_ERROR'
  | 'TLOG_INCLUSION_PROOF_ERROR'
  | 'TLOG_INCLUSION_PROMISE_ERROR'
  | 'TLOG_MISSING_INCLUSION_ERROR'
  | 'TLOG_BODY_ERROR'
  | 'TIMESTAMP_ERROR'
  | 'UNTRUSTED_SIGNER_ERROR'
  | 'TRUST_ROOT_UNAVAILABLE'
  // The statement and the artifact
  | 'STATEMENT_INVALID'
  | 'SUBJECT_MISMATCH'
  | 'PREDICATE_TYPE_MISMATCH'
  // Identity policy (certificate only)
  | 'IDENTITY_MISMATCH'
  | 'ISSUER_MISMATCH'
  | 'REPOSITORY_MISMATCH'
  | 'OWNER_MISMATCH'
  | 'SIGNER_WORKFLOW_MISMATCH'
  | 'SIGNER_REPOSITORY_MISMATCH'
  | 'SIGNER_DIGEST_MISMATCH'
  | 'SOURCE_REF_MISMATCH'
  | 'SOURCE_DIGEST_MISMATCH'
  | 'SELF_HOSTED_RUNNER'
  | 'NO_CERTIFICATE_IDENTITY'
  // Provenance cross-checks and level
  | 'BUILDER_MISMATCH'
  | 'SOURCE_COMMIT_MISMATCH'
  | 'SOURCE_REPOSITORY_CLAIM_MISMATCH'
  | 'SOURCE_REF_CLAIM_MISMATCH'
  | 'SLSA_LEVEL_TOO_LOW'
  | 'SBOM_MISSING'
  | 'NO_BUNDLE'
  // `attest verify --recursive`: the artifact verified, a dependency its provenance records did not
  | 'DEPENDENCY_FAILED'
  // A verification summary (VSA) from a trusted verifier, instead of the evidence itself
  | 'VSA_MISSING'
  | 'VSA_INVALID'
  | 'VSA_VERIFIER_MISMATCH'
  | 'VSA_RESOURCE_MISMATCH'
  | 'VSA_NOT_PASSED'
  | 'VSA_EXPIRED'
  | 'VSA_POLICY_MISMATCH'
  | 'VSA_LEVEL_TOO_LOW'
  | 'VSA_DEPENDENCIES';

/** A failed check: a code for programs, a sentence for people, and the stage that failed. */
export interface Failure {
  reason: FailureReason;
  message: string;
  stage?: VerifyStage;
}
