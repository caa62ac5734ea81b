export type { AttachRequest } from './attach.js';
export { attachToManifest } from './attach.js';
export type {
  AttestedArtifact,
  AttestRequest,
  AttestResult,
  SbomRequest,
  SidecarRequest,
} from './attest.js';
export { attachmentsOf, attest, publishAttested } from './attest.js';
export type { Skip } from './demo/build.js';
export { findCargo, findGo } from './demo/build.js';
export type { DemoArtifact, DemoCheck, DemoOptions, DemoReport, Stage } from './demo/demo.js';
export {
  DEMO_REPOSITORY,
  DEMO_SIGNER_REPOSITORY,
  DEMO_SIGNER_WORKFLOW,
  demoClaims,
  runDemo,
  STAGES,
} from './demo/demo.js';
export type { DemoSummaries, DemoSummary } from './demo/summaries.js';
export type { PipelineErrorCode } from './errors.js';
export { PipelineError } from './errors.js';
export type {
  DiscoverRequest,
  PullFlowResult,
  PullRequest,
  ReferrerNode,
} from './fetch.js';
export { discoverReferrers, pullArtifact } from './fetch.js';
export type { FlowContext, OciArtifact } from './oci-target.js';
export { fetchOciArtifact } from './oci-target.js';
export type { PolicyRequest, ResolvedPolicy, TrustRequest } from './policy.js';
export { FLAGS_POLICY_NAME, policyIdentity, policyUri, resolvePolicy } from './policy.js';
export type { Predicate, ProvenanceRequest } from './provenance-source.js';
export { buildPredicate, inGitHubActions } from './provenance-source.js';
export type {
  Attachment,
  PlannableArtifact,
  PublishArtifact,
  PublishedArtifact,
  PublishedReferrer,
  PublishPlan,
  PublishRequest,
  PublishResult,
  PublishTarget,
} from './publish.js';
export {
  manifestSubjects,
  manifestSubjectsOf,
  planPublication,
  publish,
  tagFor,
} from './publish.js';
export type { PublishFilesRequest, PublishFilesResult } from './publish-files.js';
export { publishFiles } from './publish-files.js';
export type { DependencyResult, VerifiedStatements } from './recursive.js';
export type { HashedFile } from './rehash.js';
export { decodeExpected, formatSums, rehashDirectory } from './rehash.js';
export type { ReportOptions, ReportOutcome, SignedArtifact } from './report.js';
export { reportTargets, signedReport, verifiedReport, withoutStatements } from './report.js';
export type { SbomFlowRequest } from './sbom.js';
export { describeArtifacts } from './sbom.js';
export type {
  GitHubAttestationsRequest,
  Signer,
  SigningRequest,
  SignRequest,
  SignResult,
  SignSubject,
} from './signing.js';
export { decodeClaims, resolveSigner, signAttestation, signPayload } from './signing.js';
export type { Target } from './targets.js';
export { isOciArgument, parseTarget } from './targets.js';
export type {
  SummaryRequest,
  TargetResult,
  VerifyOutcome,
  VerifyRequest,
} from './verify.js';
export { verifyTargets } from './verify.js';
export type {
  SummaryWriteRequest,
  SummaryWriter,
  WrittenSummaries,
  WrittenSummary,
} from './vsa.js';
export { attachSummaries, summaryStatement, summaryWriter } from './vsa.js';
