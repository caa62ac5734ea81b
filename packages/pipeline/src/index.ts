export type { PipelineErrorCode } from './errors.js';
export { PipelineError } from './errors.js';
export type { FlowContext, OciArtifact } from './oci-target.js';
export { fetchOciArtifact } from './oci-target.js';
export type { DependencyResult } from './recursive.js';
export type { Target } from './targets.js';
export { isOciArgument, parseTarget } from './targets.js';
export type { TargetResult, TrustRequest, VerifyOutcome, VerifyRequest } from './verify.js';
export { verifyTargets } from './verify.js';
