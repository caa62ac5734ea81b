export type { AnnotationContext } from './annotations.js';
export { contextAnnotations, sourceDateEpoch } from './annotations.js';
export type { Challenge } from './auth.js';
export { parseChallenges, repositoryScope } from './auth.js';
export type { Blob, BlobSource } from './blob.js';
export { blobFromBytes, blobFromFile } from './blob.js';
export type { Credentials } from './credentials.js';
export { resolveCredentials, runCredentialHelper } from './credentials.js';
export type { OciErrorCode, RegistryErrorEntry } from './error.js';
export { OciError, parseErrorBody } from './error.js';
export type { FetchEvidenceOptions, FetchedArtifact } from './evidence.js';
export { fetchEvidence, hostPlatform } from './evidence.js';
export type { HttpRequest, RetryOptions, TransportOptions } from './http.js';
export { RegistryTransport, retryAfterMs } from './http.js';
export { MAX_LAYOUT_INDEX_BYTES, OciLayout } from './layout.js';
export type { OpenTargetOptions } from './open.js';
export { openTarget } from './open.js';
export { parsePlan, serializePlan } from './plan-file.js';
export { detectPlatform, formatPlatform, parsePlatform } from './platform.js';
export type {
  PulledFile,
  PullOptions,
  PullResult,
  ReadManifest,
  SkippedReferrer,
} from './pull.js';
export { fetchReferrer, isIndex, pull, readManifest } from './pull.js';
export type {
  ArtifactPlan,
  AttachOptions,
  PlanFile,
  PlatformFile,
  PushedArtifact,
  PushOptions,
  PushPlanOptions,
  Subject,
} from './push.js';
export {
  attachBundle,
  attachReferrer,
  attachSbom,
  indexOf,
  planArtifact,
  planFile,
  planIndex,
  planWasm,
  pushArtifact,
  pushFile,
  pushIndex,
  pushPlan,
  pushWasm,
} from './push.js';
export type { LayoutReference, Reference, RegistryReference } from './reference.js';
export {
  formatReference,
  isLoopback,
  LAYOUT_PREFIX,
  parseReference,
  REGISTRY_PREFIX,
} from './reference.js';
export type { ListReferrersOptions } from './referrers.js';
export { addToReferrersIndex, listReferrers, referrersTag } from './referrers.js';
export type { OciClientOptions } from './registry.js';
export { checkBytes, descriptorDigest, MAX_MANIFEST_BYTES, OciClient } from './registry.js';
export type {
  FetchedManifest,
  PushBlobOptions,
  PushBlobResult,
  PushManifestResult,
  Target,
} from './target.js';
export type { Descriptor, ImageIndex, ImageManifest, Manifest, Platform } from './types.js';
export {
  Annotation,
  DEFAULT_FILE_ARTIFACT_TYPE,
  EMPTY_CONFIG,
  MANIFEST_ACCEPT,
} from './types.js';
export type { WasmInfo } from './wasm.js';
export { detectWasm } from './wasm.js';
